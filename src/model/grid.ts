import type { TableBlock, TableCell } from './document.js';

/** One slot of the resolved grid: the cell anchored here, or a pointer to the cell covering it. */
export type GridSlot =
  | { kind: 'cell'; cell: TableCell; row: number; col: number }
  | { kind: 'merged'; row: number; col: number; ownerRow: number; ownerCol: number };

export interface ResolvedGrid {
  rowCount: number;
  colCount: number;
  /** slots[row][col], every position filled. */
  slots: GridSlot[][];
  /** Cells in document order with their anchor position. */
  placed: { cell: TableCell; row: number; col: number }[];
}

export class GridError extends Error {
  constructor(
    readonly code: 'grid/overlap' | 'grid/ragged' | 'grid/overflow' | 'grid/bad-span',
    message: string,
    readonly row: number,
  ) {
    super(message);
  }
}

/**
 * Places every cell of a table on its grid. Cells covered by a row or column span are left out
 * of later rows (the rule HTML, docx and pdfkit share); each cell takes the next free column.
 * Rejects overlapping spans, rows that do not fill the grid, and spans running off the table.
 * Every renderer reads this; none works out spans on its own (design.md).
 */
export function resolveGrid(table: Pick<TableBlock, 'rows' | 'columnWidths'>): ResolvedGrid {
  const colCount = table.columnWidths.length;
  const rowCount = table.rows.length;
  const slots: (GridSlot | undefined)[][] = Array.from({ length: rowCount }, () =>
    new Array<GridSlot | undefined>(colCount).fill(undefined),
  );
  const placed: ResolvedGrid['placed'] = [];

  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      if (!Number.isInteger(cell.rowSpan) || !Number.isInteger(cell.colSpan) || cell.rowSpan < 1 || cell.colSpan < 1) {
        throw new GridError('grid/bad-span', `row ${r + 1}: span must be a positive integer`, r);
      }
      while (c < colCount && slots[r]![c] !== undefined) c++;
      if (c + cell.colSpan > colCount) {
        throw new GridError('grid/overflow', `row ${r + 1}: cell "${cell.text}" runs past column ${colCount}`, r);
      }
      if (r + cell.rowSpan > rowCount) {
        throw new GridError('grid/overflow', `row ${r + 1}: cell "${cell.text}" spans past the last row`, r);
      }
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (slots[rr]![cc] !== undefined) {
            throw new GridError('grid/overlap', `row ${rr + 1}, column ${cc + 1}: cell "${cell.text}" overlaps another cell`, r);
          }
          slots[rr]![cc] =
            dr === 0 && dc === 0
              ? { kind: 'cell', cell, row: r, col: c }
              : { kind: 'merged', row: rr, col: cc, ownerRow: r, ownerCol: c };
        }
      }
      placed.push({ cell, row: r, col: c });
      c += cell.colSpan;
    }
  });

  slots.forEach((row, r) => {
    const missing = row.findIndex((s) => s === undefined);
    if (missing >= 0) {
      throw new GridError('grid/ragged', `row ${r + 1}: column ${missing + 1} has no cell`, r);
    }
  });
  return { rowCount, colCount, slots: slots as GridSlot[][], placed };
}
