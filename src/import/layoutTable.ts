import type { SourceCell, SourceRow } from './source.js';
import { byPlace, centre, columnCentres, em, joinLetterSpaced, nearest, overlaps, overTwo, place, rowValues, tokensOf, unmerge, type Token } from './layoutGrid.js';
import { isFigure, NUMBERED, unbalanced } from './textShape.js';

/** A line of a table in layout text and the page it is on (a page break resets the columns). */
export interface LayoutLine {
  text: string;
  page: number;
}

interface Cell {
  tokens: Token[];
  x0: number;
  x1: number;
  first: number;
  last: number;
  /** The line holding this cell's figures. */
  figure: number | null;
  /** Further lines with figures of the same row (a column set on another line: `…只计这一情   7` over `6 1 0 0 0 0`). */
  more: number[];
}

const TITLE = /^第[一二三四五六七八九十]+条第[（(][一二三四五六七八九十]+[）)]项$/;

/**
 * A table of layout text (`pdftotext -layout`: cells placed by their x position on a character
 * grid, no rules) → rows of cells. The grid is read as printed: figures line up under their
 * column headers, so a blank cell is a column with no figure (placed by the columns of the full
 * rows, or of the header when no row is full); a label cell wraps over several lines, its figures
 * on the middle line (cells are centred vertically), and is cut where a new number starts
 * (`1.`, `（三）`), where its brackets close, or where a line stops short of the column's width;
 * a header cell is its column's words top to bottom. Each page is measured on its own (the grid
 * shifts from page to page), and so is each 第二十条 part.
 */
export function layoutTableRows(lines: LayoutLine[]): SourceRow[] {
  const rows: SourceRow[] = [];
  let segment: LayoutLine[] = [];
  let previous: number[] | null = null;
  const flush = () => {
    if (segment.length > 0) {
      const read = readSegment(segment, previous);
      rows.push(...read.rows);
      previous = read.centres ?? previous;
    }
    segment = [];
  };
  lines.forEach((l, i) => {
    if (l.text.trim() === '') return;
    if (i > 0 && l.page !== lines[i - 1]!.page) flush();
    const t = l.text.replace(/\s+/g, '');
    if (TITLE.test(t)) {
      flush();
      rows.push([label(t)]);
      previous = null;
      return;
    }
    segment.push(l);
  });
  flush();
  return rows;
}

function readSegment(lines: LayoutLine[], previous: number[] | null): { rows: SourceRow[]; centres: number[] | null } {
  const tokens = lines.map((l, i) => tokensOf(l.text, i));
  const figures = tokens.map((ts) => {
    let k = ts.length;
    while (k > 0 && isFigure(ts[k - 1]!.text)) k--;
    return ts.slice(k);
  });
  const texts = tokens.map((ts, i) => ts.slice(0, ts.length - figures[i]!.length));
  joinLetterSpaced(figures);
  const firstFigure = figures.findIndex((f) => f.length > 0);
  if (firstFigure < 0 && !previous) return { rows: texts.filter((t) => t.length > 0).map((t) => t.map((x) => label(x.text))), centres: null };
  const valueStart = firstFigure < 0 ? Math.min(...previous!) - 1 : Math.min(...figures.flatMap((f) => f.map((t) => t.x0)));
  // The header: lines above the first row of figures, up to the last one with words over the figure columns.
  let headerEnd = -1;
  for (let i = (firstFigure < 0 ? 0 : firstFigure) - 1; i >= 0; i--) {
    if (texts[i]!.some((t) => t.x1 > valueStart - 1)) {
      headerEnd = i;
      break;
    }
  }
  const bodyLabels = texts.slice(headerEnd + 1).flat().filter((t) => t.x0 < valueStart);
  const labelEnd = bodyLabels.length > 0 ? Math.max(...bodyLabels.map((t) => t.x1)) : -1;
  const header = joinSpaced(texts.slice(0, headerEnd + 1).flat(), true);
  const headerValues = header.filter((t) => centre(t) >= labelEnd);
  const centres = columnCentres(figures.slice(headerEnd + 1), headerValues, previous);
  const rows: SourceRow[] = [];
  if (header.length > 0) rows.push(...headerRows(header.filter((t) => centre(t) < labelEnd), headerValues, centres, labelEnd >= 0));
  rows.push(...bodyRows(bodyLabels, figures, headerEnd + 1, centres));
  return { rows, centres };
}

/**
 * The header as rows: words over several columns first, then one cell per column (its words top
 * to bottom). A header line with a word for every column gives them in order (pdftotext pushes a
 * word along when the one before overflows its column); the words of other lines go to the
 * nearest figure column.
 */
function headerRows(labelArea: Token[], values: Token[], centres: number[] | null, hasLabelColumn: boolean): SourceRow[] {
  if (!centres || centres.length === 0) return [[...labelArea, ...values].sort(byPlace).map((t) => label(t.text))];
  const k = centres.length;
  const onLine = (t: Token) => values.filter((o) => o.line === t.line);
  const spanning = values.filter((t) => onLine(t).length < k && overTwo(t, values));
  const columns = centres.map(() => [] as Token[]);
  for (const t of values) {
    if (spanning.includes(t)) continue;
    const line = onLine(t).filter((o) => !spanning.includes(o)).sort((a, b) => a.x0 - b.x0);
    columns[line.length === k ? line.indexOf(t) : nearest(centre(t), centres)]!.push(t);
  }
  const row = columns.map((c) => label(joinWrapped(c)));
  return [
    ...(spanning.length > 0 ? [spanning.sort(byPlace).map((t) => label(t.text))] : []),
    hasLabelColumn || labelArea.length > 0 ? [label(joinWrapped(labelArea)), ...row] : row,
  ];
}

/** The rows under the header: label cells rebuilt from their lines, each with the figures it names. */
function bodyRows(spaced: Token[], figures: Token[][], from: number, centres: number[] | null): SourceRow[] {
  const labels = joinSpaced(spaced);
  const figureLines = new Set(figures.map((f, i) => (i >= from && f.length > 0 ? i : -1)).filter((i) => i >= 0));
  const onLine = (i: number) => labels.filter((t) => t.line === i);
  const spanning = (t: Token) => {
    const lines = new Set(labels.filter((a) => a !== t && overlaps(a, t)).map((a) => a.line));
    return [...lines].some((i) => onLine(i).filter((a) => a !== t && overlaps(a, t)).some((a, _, all) => all.some((b) => b !== a && !overlaps(a, b))));
  };
  const narrow = labels.filter((t) => !spanning(t));
  const columnWidth = (t: Token) => Math.max(em(t), ...narrow.filter((a) => overlaps(a, t)).map(em));
  const cells: Cell[] = [];
  const claimed = new Set<number>();
  // Two lines of figures are one row's when they fill different columns.
  const slots = (i: number) => place(figures[i]!, centres);
  const shares = (c: Cell, i: number) =>
    centres !== null && c.figure !== null && [c.figure, ...c.more].every((f) => slots(f).every((v, j) => v === '' || slots(i)[j] === ''));
  const lines = [...new Set(labels.map((t) => t.line))].sort((a, b) => a - b);
  for (const i of lines) {
    // Right to left: the label next to the figures claims a row of figures between its lines
    // (words of the cells to its left may be on that line: `理结果 （三）`) before the cell to its
    // left does (`（四）无法⏎提供` around `2.没有现成信⏎息需要另行制作`).
    for (const t of onLine(i).sort((a, b) => b.x0 - a.x0)) {
      const c = cells.filter((x) => x.last < i && x.x0 < t.x1 && t.x0 < x.x1).sort((a, b) => b.last - a.last || b.x0 - a.x0)[0];
      // A row of figures a cell to the left took on its own line (`理结果 （三）  0 0 …`) is this
      // label's when it goes on below them (`2.其他法律行` … `政法规禁止公开`).
      const takenBy = (f: number) => (c && c.figure === null ? cells.find((o) => o !== c && o.figure === f && o.more.length === 0 && o.x1 <= c.x0) : undefined);
      const between = [...figureLines].filter((f) => c && f > c.last && f < i && onLine(f).every((a) => a.x1 < c.x0) && (!claimed.has(f) || takenBy(f)));
      const ahead = c ? [...figureLines].some((f) => f >= i && !claimed.has(f)) : false;
      const sharing = c !== undefined && figureLines.has(i) && shares(c, i);
      if (c && continues(c, t, figureLines.has(i) && !sharing, between.length > 0 || ahead, columnWidth)) {
        c.tokens.push(t);
        c.x0 = Math.min(c.x0, t.x0);
        c.x1 = Math.max(c.x1, t.x1);
        c.last = i;
        // Not a cell with a label to its right still waiting for figures above them (`三、本⏎年度办⏎理结果`
        // beside `1.本机关不掌⏎…⏎握相关政府信息`): those figures are the inner label's.
        const inner = (f: number) => cells.some((d) => d !== c && d.x0 >= c.x1 && d.figure === null && d.first < f && d.last >= c.first);
        if (c.figure === null && between[0] !== undefined && !inner(between[0])) {
          const from = takenBy(between[0]);
          if (from) from.figure = null;
          c.figure = between[0];
          claimed.add(between[0]);
        } else for (const f of between) if (shares(c, f)) c.more.push(f), claimed.add(f);
        if (sharing && !claimed.has(i)) {
          c.more.push(i);
          claimed.add(i);
        }
      } else cells.push({ tokens: [t], x0: t.x0, x1: t.x1, first: i, last: i, figure: null, more: [] });
    }
    if (figureLines.has(i)) {
      const owner = cells.filter((c) => c.tokens.some((t) => t.line === i)).sort((a, b) => b.x0 - a.x0)[0];
      if (owner && owner.figure === null) {
        owner.figure = i;
        claimed.add(i);
      }
    }
  }
  // A row of figures with no words on its line, inside a label cell's lines, is that cell's.
  for (const f of figureLines) {
    if (claimed.has(f)) continue;
    const free = cells.filter((c) => c.figure === null);
    // Inside the cell's lines, or (a label of an even number of lines) just under its last line.
    const owner = free.filter((c) => c.first < f && c.last > f).sort((a, b) => b.x0 - a.x0)[0] ?? free.filter((c) => c.last === f - 1).sort((a, b) => b.x0 - a.x0)[0];
    const sharer = owner ? null : cells.filter((c) => c.first <= f && c.last + 1 >= f && shares(c, f)).sort((a, b) => b.x0 - a.x0)[0];
    if (owner) owner.figure = f;
    else sharer?.more.push(f);
    if (owner || sharer) claimed.add(f);
  }
  const intersects = (a: Cell, b: { first: number; last: number }) => a.first <= b.last && b.first <= a.last;
  const span = (c: Cell) => ({ first: Math.min(c.first, c.figure ?? c.first), last: Math.max(c.last, c.figure ?? c.last) });
  // A cell without figures beside cells to its right (三、本年度办理结果, （三）不予公开) labels their rows.
  const left = cells.filter((c) => c.figure === null && cells.some((d) => d !== c && d.x0 >= c.x1 && intersects(d, span(c))));
  type Entry = { at: number; cells: Cell[]; figures: number[] };
  const entries: Entry[] = cells.filter((c) => !left.includes(c)).map((c) => ({ at: c.figure ?? c.first, cells: [c], figures: c.figure === null ? [] : [c.figure, ...c.more] }));
  for (const f of figureLines) if (!claimed.has(f)) entries.push({ at: f, cells: [], figures: [f] });
  entries.sort((a, b) => a.at - b.at);
  const attached = new Set<Cell>();
  for (const e of entries) {
    const own = e.cells[0] ? span(e.cells[0]) : { first: e.at, last: e.at };
    const mine = left.filter((c) => !attached.has(c) && intersects(c, own));
    mine.forEach((c) => attached.add(c));
    e.cells = [...mine.sort((a, b) => a.x0 - b.x0), ...e.cells];
  }
  for (const c of left) if (!attached.has(c)) entries.push({ at: c.first, cells: [c], figures: [] });
  entries.sort((a, b) => a.at - b.at);
  const values = entries.map((e) => rowValues(e.figures.map(slots), centres));
  unmerge(entries.map((e) => e.figures.length > 0), values);
  return entries.map((e, i) => [...e.cells.map((c) => label(joinWrapped(c.tokens, true))), ...values[i]!.map(value)]);
}

/**
 * Words of one label that pdftotext set apart on a line (a justified CJK line has wide gaps:
 * `4.无正当理由大量反复 申请`): a word one space after another is its tail when the first still has a
 * bracket open, or when it does not start where a column of labels starts (where other labels
 * start a line or follow a wider gap).
 */
function joinSpaced(tokens: Token[], header = false): Token[] {
  // Where labels start: a word first on its line or after a wider gap. (Header words one space
  // apart are columns of their own, `结果 结果 其他 尚未`, and a header cell's bracket may close
  // on its next line: only the Latin spacing joins them.)
  const leading = tokens.filter((t) => !tokens.some((o) => o.line === t.line && o.x1 < t.x0 && t.x0 - o.x1 <= 1));
  // A numbered label starts a column of labels too, wherever its line puts it (`无法 2.没有现成信`
  // over `提供 息需要另行制作`: the second word is the numbered label's next line, not 提供's tail).
  const starts = (x: number) => header || [...leading, ...tokens.filter((o) => NUMBERED.test(o.text))].some((t) => Math.abs(t.x0 - x) <= 1);
  // The space LibreOffice and WPS set between Chinese and Latin or digits (`（指 2019 年事项数）`).
  const autospace = (a: Token, b: Token) => /[\x21-\x7e]$/.test(a.text) !== /^[\x21-\x7e]/.test(b.text);
  const out: Token[] = [];
  for (const t of [...tokens].sort(byPlace)) {
    const prev = out[out.length - 1];
    const tail = autospace(prev ?? t, t) || (!header && (unbalanced(prev?.text ?? '') || !starts(t.x0)));
    if (prev && prev.line === t.line && t.x0 - prev.x1 === 1 && !NUMBERED.test(t.text) && tail) {
      out[out.length - 1] = { ...prev, text: prev.text + t.text, x1: t.x1 };
    } else out.push(t);
  }
  return out;
}

/**
 * Whether a label cell goes on in the word `t` below it. `figuresToCome`: a row of figures not yet
 * taken lies between the cell and `t`, or further down — a full line of a label without figures
 * so far is the label wrapping towards them.
 */
function continues(c: Cell, t: Token, figuresHere: boolean, figuresToCome: boolean, width: (t: Token) => number): boolean {
  const text = c.tokens.map((x) => x.text).join('');
  if (figuresHere && c.figure !== null) return false;
  if (NUMBERED.test(t.text) && !unbalanced(text)) return false;
  if (unbalanced(text)) return true;
  // A row's label never starts with a bracket unless numbered: `（指…）` under a label annotates it.
  if (/^[（(]/.test(t.text)) return true;
  // A numbered label (`1.申请人无正当理由逾期⏎不补正、…`) goes on until the next number, its
  // lines starting where it starts or further in (a word further out is the next column's).
  // (pdftotext's grid may place a line one column further out: `（五） 1.信访举报` over ` 不予 投诉类申请`.)
  if (NUMBERED.test(text)) return t.x0 >= c.x0 - 1;
  const last = c.tokens[c.tokens.length - 1]!;
  const w = width(last);
  // The figures sit in the middle of their cell: more lines above them than below, the label goes on.
  const centred = c.figure !== null && c.figure - c.first > c.last - c.figure;
  // A line that stops short ended the label (estimated widths: half an em for a digit, which a
  // CJK font sets narrower; an em more when the figures say a line is still to come).
  if (em(last) < w - (centred ? 2 : 1)) return false;
  // A label of two lines whose figures came out on its first (`其他对外管  0 2 0` over `理服务事项`):
  // a first line filling the column wraps.
  const first = c.figure === c.first && c.last === c.first && em(last) >= w - 0.5;
  if (c.figure !== null) return centred || first;
  return figuresHere || figuresToCome || w <= 4 || em(t) < em(last) - 0.5;
}

/**
 * A cell's words top to bottom: a line that fills the column's width wraps into the next one
 * (joined); a shorter line ended there (a line break kept, as the official labels have them).
 * Row labels are joined whole (their line breaks are the column's, not the text's).
 */
function joinWrapped(tokens: Token[], flat = false): string {
  const sorted = [...tokens].sort(byPlace);
  const width = Math.max(0, ...sorted.map(em));
  let out = '';
  sorted.forEach((t, i) => {
    const prev = sorted[i - 1];
    if (prev) {
      const cjk = /[^\x00-\x7f]$/.test(prev.text) || /^[^\x00-\x7f]/.test(t.text);
      // Inside brackets a line wraps; a bracket opening a line after a closed one starts an
      // annotation (`上一年项目数量⏎（指2019年⏎收费项目数）`: the labels are wrapped evenly, so
      // the line before it need not be short).
      const wraps = unbalanced(out) || (!/^[（(]/.test(t.text) && em(prev) >= width - 1);
      out += prev.line === t.line || flat || wraps ? (cjk ? '' : ' ') : '\n';
    }
    out += t.text;
  });
  return out;
}

const label = (text: string): SourceCell => ({ text, colSpan: 1, rowSpan: 1, continuation: 'no' });
const value = (text: string): SourceCell => ({ text, colSpan: 1, rowSpan: 1, continuation: 'no' });
