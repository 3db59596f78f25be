import type { TableBlock, TableCell } from '../../model/document.js';
import { cellPadding, fitTable } from '../../model/fit.js';
import type { Style } from '../../model/style.js';
import type { Geometry } from './geometry.js';
import type { MissingGlyphs } from './flow.js';
import { setText, type SetLine } from './text.js';
import type { Metrics } from './types.js';

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
export const boxHeight = (c: PreparedCell, p: PreparedTable): number => c.textHeight + 2 * p.pad.y;

/** A table measured for the page: column edges, row heights, every cell's lines. */
export interface PreparedTable {
  rowCount: number;
  headerRows: number;
  rowHeights: number[];
  cells: PreparedCell[];
  /** Cell padding in points (style.tablePadding). */
  pad: { x: number; y: number };
  /** From fitTable: which rows share a page with the next, and the group rows repeated above a split group. */
  keepWithNext: boolean[];
  groupHeader: (number[] | undefined)[];
}

/**
 * Measures a table from `resolveGrid` (the one place spans are worked out): columns scaled to the
 * 版心 width, each cell's text wrapped inside its width honouring the template `\n` breaks, row
 * heights grown until every cell fits (a spanning cell shares its extra height among its rows).
 */
export function prepareTable(t: TableBlock, style: Style, m: Metrics, g: Geometry, missingGlyphs: MissingGlyphs): PreparedTable {
  const fitted = fitTable(t, style);
  const pad = cellPadding(style);
  const colX = [g.left];
  for (const w of fitted.widths) colX.push(colX[colX.length - 1]! + w);
  const pitch = style.tableLinePitch;
  const cells: PreparedCell[] = fitted.cells.map(({ cell, row, col, size, lines: fittedLines }) => {
    const x = colX[col]!;
    const w = colX[col + cell.colSpan]! - x;
    const lines: SetLine[] = [];
    const missing: string[] = [];
    // The lines fitTable chose for every format; set in the real face each is no wider than estimated.
    for (const part of fittedLines) {
      const set = setText([{ text: part, role: 'table', size, tracking: 0 }], m, w - 2 * pad.x, 0, cell.align === 'left' ? 'left' : 'center');
      lines.push(...(set.lines.length > 0 ? set.lines : [{ segments: [], left: 0, right: 0, last: true }]));
      missing.push(...set.missing.filter((c) => !missing.includes(c)));
    }
    missingGlyphs.add(missing, cell.pos ?? t.pos);
    return { cell, row, col, x, w, lines, textHeight: lines.length * pitch };
  });
  const rowHeights = new Array<number>(fitted.grid.rowCount).fill(pitch + 2 * pad.y);
  const bySpan = [...cells].sort((a, b) => a.cell.rowSpan - b.cell.rowSpan);
  for (const c of bySpan) {
    const need = c.textHeight + 2 * pad.y;
    const rows = Array.from({ length: c.cell.rowSpan }, (_, k) => c.row + k);
    const have = rows.reduce((s, r) => s + rowHeights[r]!, 0);
    if (need > have) for (const r of rows) rowHeights[r]! += (need - have) / rows.length;
  }
  return { rowCount: fitted.grid.rowCount, headerRows: Math.min(t.headerRows, fitted.grid.rowCount), rowHeights, cells, pad, keepWithNext: fitted.keepWithNext, groupHeader: fitted.groupHeader };
}

/** Height of row `r` and of the rows it must share a page with (fitTable's keepWithNext chain). */
export function keptHeight(p: PreparedTable, r: number): number {
  let h = p.rowHeights[r]!;
  for (let k = r; k + 1 < p.rowCount && p.keepWithNext[k]; k++) h += p.rowHeights[k + 1]!;
  return h;
}

/** Height that must fit before the table may start on a page: the rows kept with its first row. */
export function startHeight(p: PreparedTable): number {
  return p.rowCount === 0 ? 0 : keptHeight(p, 0);
}

/** The words a user would use to find a row: its first label text, else its number. */
export function rowName(p: PreparedTable, row: number): string {
  const label = p.cells.find((c) => c.row === row && c.cell.kind !== 'value' && c.cell.text);
  return label ? `第 ${row + 1} 行（${label.cell.text.replace(/\n/g, '')}）` : `第 ${row + 1} 行`;
}
