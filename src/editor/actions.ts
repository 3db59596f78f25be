import { api, ApiError, type Snapshot } from './api.js';
import { $, dirty, setStatus, state } from './state.js';
import { update } from './sync.js';
import { el } from './view/dom.js';

/** What the buttons do: save (with the conflict dialog), reload, download, output/, import, insert a placeholder. */
export function insertPlaceholder(): void {
  const area = state.lastProse;
  const name = ($('nb-placeholder') as HTMLSelectElement).value;
  if (!area || !name) return setStatus('请先点一下要插入数据的文字框', true);
  const at = area.selectionStart ?? area.value.length;
  area.setRangeText(`{{${name}}}`, at, area.selectionEnd ?? at, 'end');
  area.focus();
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

export async function save(): Promise<boolean> {
  try {
    const r = await api.save(state.text, state.base);
    state.base = r.base;
    state.saved = state.text;
    state.written = true;
    setStatus(r.written ? `已保存：${state.info.file}` : '没有修改，文件保持原样');
    document.title = `${state.info.file} — 年报编辑`;
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      $('nb-conflict-text').textContent = e.message;
      ($('nb-conflict') as HTMLDialogElement).showModal();
    } else setStatus(e instanceof Error ? e.message : String(e), true);
    return false;
  }
}

export async function reload(): Promise<void> {
  ($('nb-conflict') as HTMLDialogElement).close();
  try {
    const snapshot: Snapshot = await api.reload();
    state.saved = snapshot.text;
    state.base = snapshot.base;
    state.unsure = [];
    update(snapshot.text, true);
    setStatus(`已重新载入 ${snapshot.file}`);
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), true);
  }
}

export async function download(format: string): Promise<void> {
  setStatus(`正在生成 ${format.toUpperCase()}…`);
  try {
    const { blob, name } = await api.render(state.text, format);
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setStatus(`已生成 ${name}`);
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), true);
  }
}

export async function writeOutputs(): Promise<void> {
  if ((dirty() || !state.written) && !(await save())) return;
  setStatus(`正在生成到 ${state.info.outDir}/…`);
  try {
    const r = await api.output(state.base);
    setStatus(r.ok ? `已生成：${r.outputs.join('、')}` : `没有全部生成：${r.messages.join('；')}`, !r.ok);
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), true);
  }
}

export async function importFile(file: File): Promise<void> {
  if (dirty() && !confirm('页面上有没有保存的修改，导入会替换它们。继续吗？')) return;
  setStatus(`正在导入 ${file.name}…`);
  try {
    const r = await api.import(file);
    state.unsure = Object.entries(r.unsure).map(([dotted, reason]) => ({ code: 'import/unsure', severity: 'warning', message: reason, file: state.info.file, line: 0, column: 0, path: dotted.split('.') }));
    update(r.yaml, true);
    const notes = $('nb-notes');
    notes.replaceChildren(...r.notes.map((n) => el('li', { textContent: n })));
    notes.parentElement!.hidden = r.notes.length === 0;
    setStatus(`已导入 ${file.name}：请核对标有“待核对”的内容，然后保存`);
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), true);
  }
}
