import type { TableBlock, TableCell } from '../../model/document.js';
import { resolveGrid } from '../../model/grid.js';
import type { Style } from '../../model/style.js';
import type { Geometry } from './geometry.js';
import type { MissingGlyphs } from './flow.js';
import { setText, type SetLine } from './text.js';
import type { Metrics } from './types.js';

/** Cell padding in points: left/right and top/bottom (spec §6.4 practice: tight Word defaults). */
export const PAD_X = 2;
export const PAD_Y = 2;

export interface PreparedCell {
  cell: TableCell;
  row: number;
  col: number;
  x: number;
  w: number;
  lines: SetLine[];
  /** Height of the cell's text block (lines × table pitch). */
  textHeight: number;
}

/** The height a cell needs for its text: the text block and the padding above and below. */
export const boxHeight = (c: PreparedCell): number => c.textHeight + 2 * PAD_Y;

/** A table measured for the page: column edges, row heights, every cell's lines. */
export interface PreparedTable {
  rowCount: number;
  headerRows: number;
  rowHeights: number[];
  cells: PreparedCell[];
}

/**
 * Measures a table from `resolveGrid` (the one place spans are worked out): columns scaled to the
 * 版心 width, each cell's text wrapped inside its width honouring the template `\n` breaks, row
 * heights grown until every cell fits (a spanning cell shares its extra height among its rows).
 */
export function prepareTable(t: TableBlock, style: Style, m: Metrics, g: Geometry, missingGlyphs: MissingGlyphs): PreparedTable {
  const grid = resolveGrid(t);
  const total = t.columnWidths.reduce((a, b) => a + b, 0);
  const colX = [g.left];
  for (const w of t.columnWidths) colX.push(colX[colX.length - 1]! + (w / total) * g.width);
  const size = style.sizes.table;
  const pitch = style.tableLinePitch;
  const cells: PreparedCell[] = grid.placed.map(({ cell, row, col }) => {
    const x = colX[col]!;
    const w = colX[col + cell.colSpan]! - x;
    const lines: SetLine[] = [];
    const missing: string[] = [];
    for (const part of cell.text.split('\n')) {
      if (part === '' && cell.text === '') continue;
      const set = setText([{ text: part, role: 'table', size, tracking: 0 }], m, w - 2 * PAD_X, 0, cell.align === 'left' ? 'left' : 'center');
      lines.push(...set.lines);
      missing.push(...set.missing.filter((c) => !missing.includes(c)));
    }
    missingGlyphs.add(missing, cell.pos ?? t.pos);
    return { cell, row, col, x, w, lines, textHeight: lines.length * pitch };
  });
  const rowHeights = new Array<number>(grid.rowCount).fill(pitch + 2 * PAD_Y);
  const bySpan = [...cells].sort((a, b) => a.cell.rowSpan - b.cell.rowSpan);
  for (const c of bySpan) {
    const need = boxHeight(c);
    const rows = Array.from({ length: c.cell.rowSpan }, (_, k) => c.row + k);
    const have = rows.reduce((s, r) => s + rowHeights[r]!, 0);
    if (need > have) for (const r of rows) rowHeights[r]! += (need - have) / rows.length;
  }
  return { rowCount: grid.rowCount, headerRows: Math.min(t.headerRows, grid.rowCount), rowHeights, cells };
}

/** Height that must fit before the table may start on a page: its header rows and the first body row. */
export function startHeight(p: PreparedTable): number {
  const upto = Math.min(p.rowCount, Math.max(p.headerRows, 0) + 1);
  return p.rowHeights.slice(0, upto).reduce((a, b) => a + b, 0);
}

/** The words a user would use to find a row: its first label text, else its number. */
export function rowName(p: PreparedTable, row: number): string {
  const label = p.cells.find((c) => c.row === row && c.cell.kind !== 'value' && c.cell.text);
  return label ? `第 ${row + 1} 行（${label.cell.text.replace(/\n/g, '')}）` : `第 ${row + 1} 行`;
}
