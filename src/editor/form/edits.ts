import type { YamlPath } from '../../model/report.js';
import { REPORT_KEY_ORDER } from '../../schema/scaffold.js';
import { deleteIn, EditError, RawScalar, setIn, type EditValue } from '../../source/edit.js';
import type { CellBinding } from './figures.js';

/**
 * What typing into the form does to the report file: each change is one splice (source/edit.ts),
 * so a form left unchanged leaves the file byte for byte as it was.
 */

/** The file's keys in the order `init` writes them: where a new key goes. */
export const TOP_KEYS: readonly string[] = REPORT_KEY_ORDER;
/** A new top-level key goes where `init` puts it; a new key inside a table (（七）总计) after the others. */
const orderFor = (path: YamlPath): readonly string[] => (path.length === 1 ? TOP_KEYS : []);

/** Full-width digits and signs (a Chinese input method's) read as ASCII. */
export function normaliseFigure(typed: string): string {
  return typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/^＋/, '+');
}

/** A typed figure as YAML: blank → null, digits exactly as typed, anything else a string (the check says what is wrong). */
export function figureValue(typed: string): EditValue {
  const t = normaliseFigure(typed);
  if (t === '') return null;
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return new RawScalar(t.replace(/^\+/, ''));
  return t;
}

/** The file after typing `typed` into a figure cell. */
export function editFigure(text: string, cell: CellBinding, typed: string, all: Iterable<CellBinding>): string {
  const value = figureValue(typed);
  const { row, column } = cell;
  const siblings = [...all].filter((c) => c.row.path === row.path || JSON.stringify(c.row.path) === JSON.stringify(row.path)).sort((a, b) => a.column - b.column);
  const optionalRow = row.def.optional;
  if (row.length === undefined) {
    if (value === null) return text;
    // A row the file leaves out (（七）总计): written whole, the other cells as computed so far.
    const values = siblings.map((c) => (c.column === column ? value : c.computed !== '' ? new RawScalar(c.computed) : null));
    return setIn(text, row.path, row.bare ? values[0]! : values, orderFor(row.path));
  }
  if (row.bare) return setIn(text, row.path, value);
  if (value === null) {
    // A 总计 emptied: left out again, so it is computed; an emptied （七）总计 row goes away whole.
    if (column === row.def.totalColumn && column === row.length - 1) return deleteIn(text, cell.path);
    if (optionalRow && siblings.every((c) => c.column === column || c.text === '')) return deleteIn(text, row.path);
  }
  try {
    return setIn(text, cell.path, value);
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    // A row the file writes some other way (too short, not a list): written again whole.
    const values = siblings.map((c) => (c.column === column ? value : figureValue(c.text)));
    return setIn(text, row.path, values, orderFor(row.path));
  }
}

/** A one-line text field (agency, unitLine …): empty is null; `year` is a number when it is digits. */
export function editField(text: string, path: YamlPath, typed: string, present: boolean): string {
  const t = typed.trim();
  if (t === '') return present ? setIn(text, path, null) : text;
  const value = path[0] === 'year' && /^\d+$/.test(t) ? new RawScalar(t) : t;
  return setIn(text, path, value, orderFor(path));
}

/**
 * Prose from a text area: kept as a literal block (`|`) ending with one line break, as the
 * examples and `init` write it; an emptied area is null.
 */
export function editProse(text: string, path: YamlPath, typed: string, present: boolean): string {
  const body = typed.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  if (body === '') return present ? setIn(text, path, null) : text;
  return setIn(text, path, `${body}\n`, orderFor(path));
}

/** Title lines from a text area: one line is a string, several a list; empty leaves the default title. */
export function editTitle(text: string, typed: string, current: unknown): string {
  const lines = typed.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return current === undefined ? text : deleteIn(text, ['title']);
  if (Array.isArray(current) && current.length === lines.length) {
    return lines.reduce((t, line, i) => (current[i] === line ? t : setIn(t, ['title', i], line)), text);
  }
  return setIn(text, ['title'], lines.length === 1 ? lines[0]! : lines, TOP_KEYS);
}
