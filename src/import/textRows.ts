import { cleanText, ImportError, type SourceCell, type SourceRow } from './source.js';
import { delimitedCells, flatCells, isFigure, unbalanced, type TextShape } from './textShape.js';
import { layoutTableRows, type LayoutLine } from './layoutTable.js';

/** A table's lines in a shape of text (textShape.ts) → its rows of cells. */
export function tableRows(lines: LayoutLine[], shape: TextShape): SourceRow[] {
  if (shape.cells === 'spaces') return layoutTableRows(lines);
  if (shape.cells === 'single') return flatRows(lines);
  // Tabs or `|`: one row a line, blank cells kept; a cell whose brackets are still open at the
  // line end goes on in the next line (a cell of several paragraphs, as a copied page has it).
  const rows: string[][] = [];
  for (const l of lines) {
    const cells = delimitedCells(l.text, shape.cells);
    if (cells.length === 0) continue;
    const last = rows[rows.length - 1];
    if (last && unbalanced(last[last.length - 1]!)) {
      last[last.length - 1] += `\n${cells[0]}`;
      last.push(...cells.slice(1));
    } else rows.push(cells);
  }
  return rows.map((r) => r.map(cell));
}

/**
 * Flattened text: labels then figures, repeatedly (one paragraph may hold a whole table, or a
 * row). Label lines followed by figures are that row's labels (a line whose brackets are still
 * open goes on in the next); figures on lines of their own go on the row above. A table of one
 * cell a line (no label beside a figure), or a row of more figures than any table has, is text
 * whose cells are in the order a PDF draws them — `pdftotext` without `-layout`, a PDF viewer's
 * copy: labels, then figures, column by column — and is refused: its rows cannot be told.
 */
function flatRows(lines: LayoutLine[]): SourceRow[] {
  const rows: string[][] = [];
  let pending: string[][] = [];
  let open = false;
  let mixed = false;
  let figureLines = 0;
  for (const l of lines) {
    const cells = flatCells(l.text);
    if (cells.some((c) => isFigure(c)) && cells.some((c) => c !== '' && !isFigure(c))) mixed = true;
    else if (cells.some((c) => isFigure(c))) figureLines++;
    for (const segment of segments(cells)) {
      if (open && pending.length > 0 && segment.labels.length > 0) {
        const last = pending[pending.length - 1]!;
        last[last.length - 1] += segment.labels.shift()!;
      }
      if (segment.values.length === 0) {
        if (segment.labels.length > 0) pending.push(segment.labels);
      } else if (segment.labels.length === 0 && pending.length === 0 && rows.length > 0) rows[rows.length - 1]!.push(...segment.values);
      else if (segment.labels.length === 0) {
        rows.push([...pending.flat(), ...segment.values]);
        pending = [];
      } else {
        rows.push(...pending);
        pending = [];
        rows.push([...segment.labels, ...segment.values]);
      }
      const lastLabel = pending[pending.length - 1]?.at(-1);
      open = lastLabel !== undefined && unbalanced(lastLabel);
    }
  }
  rows.push(...pending);
  if ((!mixed && figureLines >= 10) || rows.some((r) => r.filter((c) => c !== '' && isFigure(c)).length > MOST_FIGURES)) {
    throw new ImportError('这段文字里表格的单元格不是按行排列的（例如不带 -layout 参数的 pdftotext 输出：先是一列列标签，再是一列列数字），无法可靠地还原表格。请用 pdftotext -layout 重新提取文字，或直接导入 PDF 文件');
  }
  return rows.map((r) => r.map(cell));
}

/** The most figures a row of the official tables has (四: three groups of five). */
const MOST_FIGURES = 15;

/** Labels then figures (a blank cell is a figure here), repeatedly. */
function segments(cells: string[]): { labels: string[]; values: string[] }[] {
  const out: { labels: string[]; values: string[] }[] = [];
  let cur = { labels: [] as string[], values: [] as string[] };
  for (const c of cells) {
    if (c === '' || isFigure(c)) cur.values.push(c);
    else {
      if (cur.values.length > 0) {
        out.push(cur);
        cur = { labels: [], values: [] };
      }
      cur.labels.push(c);
    }
  }
  if (cur.labels.length > 0 || cur.values.length > 0) out.push(cur);
  return out;
}

const cell = (text: string): SourceCell => ({ text: isFigure(text) || text === '' ? text.trim() : cleanText(text), colSpan: 1, rowSpan: 1, continuation: 'no' });
