import { displayWidth } from '../diagnostics/format.js';
import { isValueText } from './match.js';

/**
 * The shape of a text that is not Tika's (readText.ts), told from the text itself:
 * - `cells`: what separates a table row's cells — tabs (a page copied from a browser), `|`
 *   (pasted into a chat, Markdown), runs of spaces (`pdftotext -layout`, columns aligned by
 *   position), or single spaces (crawler text: a row, or a whole table, flattened into one
 *   paragraph; a run of n spaces there is n − 1 blank cells).
 * - `wrapped`: prose broken at the page's line ends (`pdftotext`, text typed into a fixed
 *   width), so that a paragraph is several lines; otherwise each line is a paragraph.
 */
export interface TextShape {
  cells: 'tabs' | 'pipes' | 'spaces' | 'single';
  wrapped: boolean;
  /** Display width (terminal columns, CJK = 2) of a full line of wrapped prose. */
  width: number;
}

export function textShape(lines: string[], formFeeds: boolean): TextShape {
  const count = (re: RegExp) => lines.filter((l) => re.test(l.trim())).length;
  const { wrapped, width } = wrapping(lines, formFeeds);
  if (count(/\S\t|\t\S/) >= 3) return { cells: 'tabs', wrapped, width };
  if (count(/\S\s*\|\s*\S|\S\s*\|\s*$/) >= 3) return { cells: 'pipes', wrapped, width };
  // Runs of spaces between figures mean aligned columns, unless single spaces separate most of
  // them (flattened rows, where a run is blank cells).
  let single = 0;
  let wide = 0;
  for (const l of lines) {
    const words = [...l.trim().matchAll(/(\S+)(\s*)/g)];
    for (let i = 0; i + 1 < words.length; i++) if (isFigure(words[i]![1]!) && isFigure(words[i + 1]![1]!)) words[i]![2]!.length === 1 ? single++ : wide++;
  }
  // Wrapped prose with gaps inside lines is a page laid out on a character grid (pdftotext
  // -layout), whatever the spacing of its figures.
  const gaps = count(/\S {2,}\S|\S\u3000+\S/) >= 3;
  return { cells: gaps && (wrapped || wide > single) ? 'spaces' : 'single', wrapped, width };
}

/**
 * A line of running text, as opposed to a table row: no gaps between cells, no run of figures,
 * no space between two Chinese words (prose sets none; a row of header words does).
 */
export function looksLikeProse(line: string): boolean {
  const t = line.trim();
  return t !== '' && !/\t|\S {2,}\S|\S\u3000+\S|\s\|\s|[^\x00-\x7f] +[^\x00-\x7f]/.test(t) && (t.match(/ /g) ?? []).length < 3 && !/(\s[-\d.]+){2,}$/.test(t);
}

/**
 * The printed width of a text in half-ems (a CJK character 2, a digit or Latin letter 1): the
 * terminal width, with the quotes, dashes and ellipsis a CJK font sets full width.
 */
export function printedWidth(text: string): number {
  return displayWidth(text) + (text.match(/[‘’“”—…]/g) ?? []).length;
}

/**
 * Wrapped prose: many lines of (nearly) the same display width — the page's measure — that end
 * mid-sentence and go on in the next line, and hardly any longer. A text of one paragraph per line
 * has widths all over the place and its lines end with 。.
 */
function wrapping(lines: string[], formFeeds: boolean): { wrapped: boolean; width: number } {
  const prose = lines.map((l, i) => ({ l, i })).filter(({ l }) => looksLikeProse(l) && printedWidth(l.trim()) >= 20);
  const counts = new Map<number, number>();
  for (const { l } of prose) {
    const w = printedWidth(l.trim());
    for (const d of [-1, 0, 1]) counts.set(w + d, (counts.get(w + d) ?? 0) + 1);
  }
  const [width, share] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
  let runOn = 0;
  for (const { l, i } of prose) {
    const next = lines[i + 1];
    if (next !== undefined && looksLikeProse(next) && !/^\s/.test(next) && Math.abs(printedWidth(l.trim()) - width) <= 3 && !/[。！？；：:]$/.test(l.trim())) runOn++;
  }
  // The measure is a ceiling: in wrapped text hardly a line runs past it.
  const longer = prose.filter(({ l }) => printedWidth(l.trim()) > width + 4).length;
  const wrapped = width > 0 && width <= 200 && longer <= 0.05 * prose.length && ((formFeeds && runOn >= 1) || (runOn >= 3 && share >= 0.2 * prose.length));
  return { wrapped, width: wrapped ? width + 1 : 0 };
}

/** One printed figure (not several run together with spaces, which isValueText alone would accept). */
export const isFigure = (c: string): boolean => c !== '' && !/\s/.test(c.trim()) && isValueText(c);

/**
 * A row's cells in a delimited shape (tabs, `|`, runs of spaces), blank cells kept: `1\t\t\t1`
 * is 1, three blanks, 1. A Markdown row (`| a | b |`) has a border on both ends; a row copied
 * with ` | ` between cells ends in ` | ` when its last cell is blank.
 */
export function delimitedCells(raw: string, cells: TextShape['cells']): string[] {
  const line = raw.replace(/^[ \u00a0\u3000]+|[ \u00a0\u3000]+$/g, '');
  let out: string[];
  if (cells === 'tabs') out = line.split('\t');
  else if (cells === 'pipes') out = (line.startsWith('|') ? line.replace(/^\|/, '').replace(/\|$/, '') : line).split('|');
  else out = line.split(/\s{2,}|\u3000+/);
  out = out.map((c) => c.trim());
  if (out.every((c) => /^:?-{3,}:?$|^$/.test(c))) return []; // a Markdown rule |---|---|
  return cells === 'spaces' ? out.flatMap(splitTail) : out;
}

/**
 * Cells of flattened text: tokens between single spaces, a run of n spaces standing for n − 1
 * blank cells (a row `数量 1      1` is 1, five blanks, 1), n spaces at the end for n (each blank
 * cell came after a space: `（六）其他处理` and seven spaces is a row of seven blanks).
 */
export function flatCells(raw: string): string[] {
  const out: string[] = [];
  const words = [...raw.trimStart().matchAll(/(\S+)(\s*)/g)];
  words.forEach((m, i) => {
    out.push(m[1]!);
    const gap = m[2]!.replace(/\t/g, ' ').length;
    for (let k = i === words.length - 1 ? 0 : 1; k < gap; k++) out.push('');
  });
  return out;
}

/** `规章 0 0 0` → `规章`, `0`, `0`, `0`: figures after a label, one space apart. */
function splitTail(cell: string): string[] {
  const words = cell.split(/\s+/);
  if (words.length === 1 || isFigure(cell)) return [cell];
  const out: string[] = [];
  let text: string[] = [];
  for (const w of words) {
    if (isFigure(w)) {
      if (text.length > 0) out.push(text.join(' '));
      text = [];
      out.push(w);
    } else text.push(w);
  }
  if (text.length > 0) out.push(text.join(' '));
  return out;
}

/** Brackets and quotes opened and not yet closed: the cell goes on in the next line. */
export function unbalanced(text: string): boolean {
  const pairs: [string, string][] = [['（(', '）)'], ['“', '”'], ['《', '》'], ['[【', '】]']];
  return pairs.some(([open, close]) => [...text].filter((c) => open.includes(c)).length > [...text].filter((c) => close.includes(c)).length);
}

/** A label that starts a row of its own: `1.`, `（三）`, `三、`, `第二十条`. */
export const NUMBERED = /^(\d{1,2}[.、．]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+条)/;
