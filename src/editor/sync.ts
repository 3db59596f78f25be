import { getEdition } from '../editions/index.js';
import type { YamlPath } from '../model/report.js';
import { checkText, composeChecked } from '../pipeline.js';
import { renderHtmlString } from '../render/html/index.js';
import { editionOf } from '../schema/validate.js';
import { PROSE_FIELDS } from '../schema/prose.js';
import { setIn } from '../source/edit.js';
import { loadYaml } from '../source/load.js';
import { editField, editFigure, editProse, editTitle, figureValue, TOP_KEYS } from './form/edits.js';
import { formTables } from './form/figures.js';
import { $, dirty, getIn, setStatus, state } from './state.js';
import type { Field } from './view/dom.js';
import { buildForm } from './view/form.js';
import { showDiagnostics } from './view/results.js';

/**
 * A change of the text → everything derived from it: every keystroke splices the text
 * (form/edits.ts) and runs the pipeline `nianbao check` runs (load → validate → check, bundled
 * from src/), so the page shows what `check` reports and the preview is what `render --html` writes.
 */
export function update(text: string, rebuild = false): void {
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
  return PROSE_FIELDS.map((p) => (Array.isArray(getIn(p)) ? 'l' : 's')).join('');
}


export function edit(field: Field, typed: string): void {
  const started = performance.now();
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
  // Read by `npm run bench`: splice, load, form tables, check, diagnostics placed and listed.
  performance.measure('nianbao:keystroke', { start: started });
}

/** Check, then show each diagnostic beside its field and in the list; the preview follows. */
function refresh(): void {
  const started = performance.now();
  const checked = checkText(state.text, state.info.file, state.previous);
  state.checked = checked;
  showDiagnostics(checked);
  performance.measure('nianbao:check', { start: started });
  document.title = `${dirty() || !state.written ? '● ' : ''}${state.info.file} — 年报编辑`;
  schedulePreview();
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

