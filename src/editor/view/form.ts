import type { Edition } from '../../editions/index.js';
import { figureRows } from '../../editions/rows.js';
import type { YamlPath } from '../../model/report.js';
import { fieldName } from '../../schema/names.js';
import { pathKey } from '../form/figures.js';
import { $, fields, getIn, state } from '../state.js';
import { el } from './dom.js';
import { tableView } from './table.js';

/** The conventions of prose (README "The report file"), shown once above the form (index.html). */
const PROSE_HELP_ID = 'nb-prose-help';

/**
 * The form, built from the loaded file: 基本信息, 导语, then the six sections in order, each with
 * its text box and (二, 三, 四) its table as printed; 2021's 信息处理费 figures in 六.
 */
export function buildForm(): void {
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
  let hint = '段落之间空一行；以“（一）”“1.”开头的段落是小标题；引用表格数字用上方的“插入数据”。';
  if (typeof value === 'string') text = value.replace(/\n$/, '');
  else if (Array.isArray(value)) {
    // The list form (heading / lead / text items) is shown as paragraphs; editing saves it as text.
    text = value.map((it) => (typeof it === 'string' ? it : [it?.heading, it?.lead, it?.text].filter((x) => typeof x === 'string').join(''))).join('\n\n');
    hint = `文件中这一部分按列表逐段写出；在这里修改后将保存为普通段落。${hint}`;
  }
  return textArea(path, label, text, hint, Math.min(14, Math.max(3, text.split('\n').length + 1)), true);
}

function titleText(): string {
  const t = getIn(['title']);
  return Array.isArray(t) ? t.filter((x) => typeof x === 'string').join('\n') : typeof t === 'string' ? t : '';
}

function fillPlaceholders(ed: Edition): void {
  const select = $('nb-placeholder') as HTMLSelectElement;
  const options = [el('option', { value: 'agency', textContent: '机关全称' }), el('option', { value: 'year', textContent: '报告年度' })];
  for (const def of figureRows(ed)) def.columns.forEach((c, i) => options.push(el('option', { value: `${def.key}.${c.key}`, textContent: fieldName(ed, [...def.key.split('.'), i]) })));
  if (ed.id === '2021') for (const k of ['noticesIssued', 'amountNotified', 'amountCollected']) options.push(el('option', { value: `fees.${k}`, textContent: fieldName(ed, ['fees', k]) }));
  select.replaceChildren(...options);
}
