import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { getEdition, type Edition } from '../editions/index.js';
import { figureRows } from '../editions/rows.js';
import type { YamlPath } from '../model/report.js';
import { checkText, composeChecked, type Checked } from '../pipeline.js';
import { renderHtmlString } from '../render/html/index.js';
import { fieldName } from '../schema/names.js';
import { editionOf } from '../schema/validate.js';
import { setIn } from '../source/edit.js';
import { loadYaml, type SourceFile } from '../source/load.js';
import { api, ApiError, type SessionInfo, type Snapshot } from './api.js';
import { editField, editFigure, editProse, editTitle, figureValue, TOP_KEYS } from './form/edits.js';
import { formTables, pathKey, type FormTables } from './form/figures.js';
import { placeDiagnostics } from './form/place.js';
import { el, type Field } from './view/dom.js';
import { gridKeys } from './view/keys.js';
import { tableView } from './view/table.js';

/**
 * The editor page (`nianbao edit`): the report as the official form. The YAML text is the one
 * state; every keystroke splices it (form/edits.ts) and runs the same pipeline `nianbao check`
 * runs (load → validate → check, bundled from src/), so the page shows exactly what `check`
 * reports and the preview is what `render --html` writes.
 */
interface State {
  info: SessionInfo;
  text: string;
  saved: string;
  /** The file exists on disk (false for `--new` and `--from` until the first save). */
  written: boolean;
  base: string;
  previous: Checked | undefined;
  checked: Checked | undefined;
  source: SourceFile | undefined;
  edition: Edition | undefined;
  form: FormTables | undefined;
  signature: string;
  unsure: Diagnostic[];
  lastProse: HTMLTextAreaElement | undefined;
}

const fields = new Map<string, Field>();
let state: State;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The conventions of prose (README "The report file"), shown once above the form (index.html). */
const PROSE_HELP_ID = 'nb-prose-help';

async function start(): Promise<void> {
  const info = await api.session();
  const previous = info.previous ? checkText(info.previous.text, info.previous.file) : undefined;
  state = { info, text: info.text, saved: info.text, written: info.kind === 'file', base: info.base, previous, checked: undefined, source: undefined, edition: undefined, form: undefined, signature: '', unsure: [], lastProse: undefined };
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

const dirty = () => state.text !== state.saved;

/** A new text: the form is rebuilt only when its shape changes (edition, local rows), else updated in place. */
function update(text: string, rebuild = false): void {
  state.text = text;
  const loaded = loadYaml(text, state.info.file);
  state.source = loaded.ok ? loaded.source : undefined;
  // The edition follows the year, once the year has its four digits (typing 2024 passes 2, 20, 202).
  const year = loaded.ok ? (loaded.source.value as { year?: unknown }).year : undefined;
  const settled = typeof year !== 'number' || (year >= 1000 && year <= 9999) || !state.edition;
  state.edition = loaded.ok ? (settled ? getEdition(editionOf(loaded.source.value)) : state.edition) : undefined;
  state.form = state.source && state.edition ? formTables(state.edition, state.source) : undefined;
  const signature = state.form ? `${state.edition!.id}|${[...state.form.cells.keys()].join()}|${state.form.rowLabels.map((l) => l.key).join()}|${proseShape()}` : 'none';
  if (rebuild || signature !== state.signature) buildForm();
  state.signature = signature;
  refresh();
}

function proseShape(): string {
  return PROSE_PATHS.map((p) => (Array.isArray(getIn(p)) ? 'l' : 's')).join('');
}

const PROSE_PATHS: YamlPath[] = [['preamble'], ['overview'], ['proactive', 'text'], ['applications', 'text'], ['review', 'text'], ['problems'], ['other']];
const getIn = (path: YamlPath): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), state.source?.value);

function buildForm(): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset.key;
  const root = $('nb-form');
  fields.clear();
  root.replaceChildren();
  if (!state.form || !state.edition) {
    root.append(el('p', { className: 'nb-fatal', textContent: '这个文件有 YAML 语法错误，无法按表格显示。请按右侧“检查结果”在文本编辑器中修改，然后重新打开。' }));
    return;
  }
  const ed = state.edition;
  const name = (path: YamlPath) => fieldName(ed, path);
  const head = section('基本信息', 'nb-s-head');
  for (const path of [['agency'], ['year'], ['title'], ['unitLine'], ['dateLine'], ['date']] as YamlPath[]) {
    head.append(path[0] === 'title' ? textArea(path, name(path), titleText(), '每行一行标题；不填时为“机关全称＋年度＋年政府信息公开工作年度报告”', 2) : textField(path, name(path)));
  }
  const preamble = section('导语', 'nb-s-preamble');
  preamble.append(prose(['preamble'], '导语'));
  root.append(head, preamble);
  const tables = new Map(state.form.tables.map((t) => [t.id, t]));
  for (const key of ['overview', 'proactive', 'applications', 'review', 'problems', 'other'] as const) {
    const s = section(ed.sectionTitles[key], `nb-s-${key}`);
    if (key === 'overview' || key === 'problems') s.append(prose([key], ed.sectionTitles[key]));
    if (key === 'proactive' || key === 'applications' || key === 'review') {
      s.append(prose([key, 'text'], name([key, 'text'])));
      s.append(tableView(tables.get(key)!, state.form, fields));
    }
    if (key === 'other') {
      if (ed.id === '2021') for (const k of ['noticesIssued', 'amountNotified', 'amountCollected']) s.append(textField(['fees', k], name(['fees', k])));
      s.append(prose(['other'], ed.sectionTitles.other));
    }
    root.append(s);
  }
  fillPlaceholders(ed);
  if (focused) fields.get(focused)?.input.focus();
}

function section(title: string, id: string): HTMLElement {
  const s = el('section', { className: 'nb-section' }, el('h2', { id, textContent: title }));
  s.setAttribute('aria-labelledby', id);
  return s;
}

function textField(path: YamlPath, label: string): HTMLElement {
  const key = pathKey(path);
  const value = getIn(path);
  const id = `nb-f-${fields.size}`;
  const input = el('input', { type: 'text', id, autocomplete: 'off', value: value === null || value === undefined ? '' : (state.source!.scalarSource(path) ?? String(value)) });
  if (path[0] === 'year' || path[0] === 'fees') input.inputMode = 'decimal';
  if (path[0] === 'date') input.placeholder = 'YYYY-MM-DD';
  input.dataset.key = key;
  const message = el('span', { className: 'nb-msg nb-msg-field', id: `${id}-msg` });
  message.hidden = true;
  fields.set(key, { key, kind: 'field', input, message });
  return el('div', { className: 'nb-field' }, el('label', { htmlFor: id, textContent: label }), input, message);
}

function textArea(path: YamlPath, label: string, value: string, hint: string, rows: number, proseField = false): HTMLElement {
  const key = pathKey(path);
  const id = `nb-f-${fields.size}`;
  const area = el('textarea', { id, value, rows });
  area.dataset.key = key;
  if (proseField) area.dataset.prose = '1';
  const hintEl = el('span', { className: 'nb-hint', id: `${id}-hint`, textContent: hint });
  hintEl.hidden = hint === '';
  const message = el('span', { className: 'nb-msg nb-msg-field', id: `${id}-msg` });
  message.hidden = true;
  area.setAttribute('aria-describedby', [hint === '' ? '' : hintEl.id, proseField ? PROSE_HELP_ID : ''].filter(Boolean).join(' '));
  fields.set(key, { key, kind: proseField ? 'prose' : 'field', input: area, message });
  return el('div', { className: 'nb-field nb-field-area' }, el('label', { htmlFor: id, textContent: label }), area, hintEl, message);
}

function prose(path: YamlPath, label: string): HTMLElement {
  const value = getIn(path);
  let text = '';
  let hint = '';
  if (typeof value === 'string') text = value.replace(/\n$/, '');
  else if (Array.isArray(value)) {
    // The list form (heading / lead / text items) is shown as paragraphs; editing saves it as text.
    text = value.map((it) => (typeof it === 'string' ? it : [it?.heading, it?.lead, it?.text].filter((x) => typeof x === 'string').join(''))).join('\n\n');
    hint = '文件中这一部分按列表逐段写出；在这里修改后将保存为普通段落。';
  }
  return textArea(path, label, text, hint, Math.min(14, Math.max(3, text.split('\n').length + 1)), true);
}

function titleText(): string {
  const t = getIn(['title']);
  return Array.isArray(t) ? t.filter((x) => typeof x === 'string').join('\n') : typeof t === 'string' ? t : '';
}

function edit(field: Field, typed: string): void {
  const path = JSON.parse(field.key) as YamlPath;
  let next: string;
  try {
    if (field.kind === 'cell') next = editFigure(state.text, state.form!.cells.get(field.key)!, typed, state.form!.cells.values());
    else if (field.kind === 'label') next = setIn(state.text, path, typed.trim());
    else if (field.kind === 'prose') next = editProse(state.text, path, typed, getIn(path) !== undefined);
    else if (path[0] === 'title') next = editTitle(state.text, typed, getIn(path));
    else if (path[0] === 'fees') {
      const value = figureValue(typed);
      next = value === null && getIn(['fees']) === undefined ? state.text : setIn(state.text, path, value, TOP_KEYS);
    } else next = editField(state.text, path, typed, getIn(path) !== undefined);
  } catch {
    // source/edit.ts refuses what it cannot splice safely (its reason is for developers, in English).
    setStatus(`无法修改“${field.input.getAttribute('aria-label') ?? (field.input.labels?.[0]?.textContent ?? '')}”：文件中这一项的写法无法在表格中修改，请用文本编辑器修改`, true);
    return;
  }
  update(next);
}

/** Check, then show each diagnostic beside its field and in the list; the preview follows. */
function refresh(): void {
  const started = performance.now();
  const checked = checkText(state.text, state.info.file, state.previous);
  state.checked = checked;
  const paths = [...fields.keys()].map((k) => JSON.parse(k) as YamlPath);
  const placed = placeDiagnostics([...checked.diagnostics, ...state.unsure], paths);
  for (const field of fields.values()) {
    const msgs = placed.byField.get(field.key) ?? [];
    const errors = msgs.some((d) => d.severity === 'error');
    // Only what changed is written: a keystroke touches a few fields, not the form's layout.
    setAttr(field.input, 'aria-invalid', String(errors));
    if (field.input.classList.contains('nb-warn') !== (!errors && msgs.length > 0)) field.input.classList.toggle('nb-warn');
    const text = msgs.map((d) => `${d.severity === 'error' ? '错误' : d.code === 'import/unsure' ? '待核对' : '警告'}：${d.message}`).join('\n');
    if (field.message.textContent !== text) field.message.textContent = text;
    if (field.message.hidden !== (msgs.length === 0)) field.message.hidden = msgs.length === 0;
    const described = [(field.input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '' && id !== field.message.id), msgs.length > 0 ? [field.message.id] : []].flat();
    setAttr(field.input, 'aria-describedby', described.length > 0 ? described.join(' ') : null);
    const binding = field.kind === 'cell' ? state.form?.cells.get(field.key) : undefined;
    if (binding) {
      const input = field.input as HTMLInputElement;
      if (input.placeholder !== binding.computed) input.placeholder = binding.computed;
      if (document.activeElement !== input && input.value !== binding.text) input.value = binding.text;
    }
  }
  renderList(checked.diagnostics, placed.target);
  performance.measure('nianbao:check', { start: started });
  document.title = `${dirty() || !state.written ? '● ' : ''}${state.info.file} — 年报编辑`;
  schedulePreview();
}

function setAttr(node: Element, name: string, value: string | null): void {
  if (node.getAttribute(name) === value) return;
  if (value === null) node.removeAttribute(name);
  else node.setAttribute(name, value);
}

let listSignature: string | undefined;
function renderList(diagnostics: Diagnostic[], target: Map<Diagnostic, string | undefined>): void {
  const signature = diagnostics.map((d) => `${d.code}|${d.line}|${d.column}|${d.message}`).join('\n');
  if (signature === listSignature) return;
  listSignature = signature;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  $('nb-summary').textContent = diagnostics.length === 0 ? '没有发现问题' : `${errors} 个错误，${warnings} 个警告`;
  $('nb-list').replaceChildren(
    ...diagnostics.map((d) => {
      const key = target.get(d);
      const button = el('button', { type: 'button', className: `nb-diag nb-${d.severity}` }, el('span', { className: 'nb-sev', textContent: d.severity === 'error' ? '错误' : '警告' }), ` ${d.message} `, el('span', { className: 'nb-code', textContent: `[${d.code}] 第 ${d.line} 行` }));
      button.dataset.code = d.code;
      button.disabled = !key;
      button.addEventListener('click', () => {
        const input = key ? fields.get(key)?.input : undefined;
        input?.focus();
        input?.scrollIntoView({ block: 'center' });
      });
      return el('li', {}, button);
    }),
  );
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;
function schedulePreview(): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    const doc = state.checked ? composeChecked(state.checked) : undefined;
    $('nb-preview-note').hidden = doc !== undefined;
    if (doc) ($('nb-preview') as HTMLIFrameElement).srcdoc = renderHtmlString(doc);
  }, 200);
}

function fillPlaceholders(ed: Edition): void {
  const select = $('nb-placeholder') as HTMLSelectElement;
  const options = [el('option', { value: 'agency', textContent: '机关全称' }), el('option', { value: 'year', textContent: '报告年度' })];
  for (const def of figureRows(ed)) def.columns.forEach((c, i) => options.push(el('option', { value: `${def.key}.${c.key}`, textContent: fieldName(ed, [...def.key.split('.'), i]) })));
  if (ed.id === '2021') for (const k of ['noticesIssued', 'amountNotified', 'amountCollected']) options.push(el('option', { value: `fees.${k}`, textContent: fieldName(ed, ['fees', k]) }));
  select.replaceChildren(...options);
}

function insertPlaceholder(): void {
  const area = state.lastProse;
  const name = ($('nb-placeholder') as HTMLSelectElement).value;
  if (!area || !name) return setStatus('请先点一下要插入数据的文字框', true);
  const at = area.selectionStart ?? area.value.length;
  area.setRangeText(`{{${name}}}`, at, area.selectionEnd ?? at, 'end');
  area.focus();
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

function setStatus(text: string, problem = false): void {
  const status = $('nb-status');
  status.textContent = text;
  status.classList.toggle('nb-problem', problem);
}

async function save(): Promise<boolean> {
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

async function reload(): Promise<void> {
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

async function download(format: string): Promise<void> {
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

async function writeOutputs(): Promise<void> {
  if ((dirty() || !state.written) && !(await save())) return;
  setStatus(`正在生成到 ${state.info.outDir}/…`);
  try {
    const r = await api.output(state.base);
    setStatus(r.ok ? `已生成：${r.outputs.join('、')}` : `没有全部生成：${r.messages.join('；')}`, !r.ok);
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), true);
  }
}

async function importFile(file: File): Promise<void> {
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

void start().catch((e: unknown) => setStatus(`无法打开编辑器：${e instanceof Error ? e.message : String(e)}`, true));
