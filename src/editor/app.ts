import { checkText } from '../pipeline.js';
import { download, importFile, insertPlaceholder, reload, save, writeOutputs } from './actions.js';
import { api } from './api.js';
import { $, dirty, fields, initState, setStatus, state } from './state.js';
import { edit, update } from './sync.js';
import { el } from './view/dom.js';
import { gridKeys } from './view/keys.js';

/**
 * The editor page (`nianbao edit`): the report as the official form, checked as the clerk types
 * (sync.ts), saved into the one YAML file through the page's own server (actions.ts).
 */
async function start(): Promise<void> {
  const info = await api.session();
  initState(info, info.previous ? checkText(info.previous.text, info.previous.file) : undefined);
  $('nb-file').textContent = info.file + (info.kind === 'file' ? '' : '（新文件，保存后写入）');
  const notes = $('nb-notes');
  notes.replaceChildren(...info.notes.map((n) => el('li', { textContent: n })));
  notes.parentElement!.hidden = info.notes.length === 0;
  for (const f of ['docx', 'pdf', 'html']) ($(`nb-download-${f}`) as HTMLButtonElement).hidden = !info.formats.includes(f);
  wire();
  update(state.text, true);
}

function wire(): void {
  const form = $('nb-form');
  gridKeys(form);
  form.addEventListener('input', (e) => {
    const target = e.target as HTMLInputElement | HTMLTextAreaElement;
    const field = target.dataset.key ? fields.get(target.dataset.key) : undefined;
    if (field) edit(field, target.value);
  });
  form.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLTextAreaElement && e.target.dataset.prose) state.lastProse = e.target;
  });
  $('nb-save').addEventListener('click', () => void save());
  for (const f of ['docx', 'pdf', 'html']) $(`nb-download-${f}`).addEventListener('click', () => void download(f));
  $('nb-output').addEventListener('click', () => void writeOutputs());
  $('nb-insert').addEventListener('click', insertPlaceholder);
  ($('nb-import') as HTMLInputElement).addEventListener('change', (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void importFile(file);
    (e.target as HTMLInputElement).value = '';
  });
  // A file dropped anywhere is imported; dragged text still lands in a text box as usual.
  const hasFile = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
  document.addEventListener('dragover', (e) => hasFile(e) && e.preventDefault());
  document.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files[0];
    if (!hasFile(e) || !file) return;
    e.preventDefault();
    void importFile(file);
  });
  $('nb-reload').addEventListener('click', () => void reload());
  $('nb-cancel').addEventListener('click', () => ($('nb-conflict') as HTMLDialogElement).close());
  window.addEventListener('beforeunload', (e) => {
    if (dirty()) e.preventDefault();
  });
}

void start().catch((e: unknown) => setStatus(`无法打开编辑器：${e instanceof Error ? e.message : String(e)}`, true));
