import type { ResolvedGrid } from './grid.js';

/** Anchor position of a cell on the resolved grid. */
export interface At {
  row: number;
  col: number;
}

/**
 * The header cells a cell is read with, for its `headers` attribute (WCAG H43), from the grid
 * `resolveGrid` worked out — no span logic here, only walking its slots.
 *
 * Column headers: looking up each column the cell covers, past value and label cells, the first
 * contiguous run of header cells. Stopping at the end of that run matters in the 二 table, where
 * every item (第二十条第（一）项, （五）项…) repeats its own header rows (spec §2.1, §3.1).
 * Row headers: looking left along each row the cell covers, past value cells, the first
 * contiguous run of label cells (三 table: `1.属于国家秘密` ← `（三）不予公开` ← `三、本年度办理结果`).
 */
export function headersOf(grid: ResolvedGrid, at: At, rowSpan: number, colSpan: number): At[] {
  const found: At[] = [];
  const seen = new Set<string>();
  const add = (p: At) => {
    const key = `${p.row},${p.col}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push(p);
    }
  };
  for (let c = at.col; c < at.col + colSpan; c++) {
    let inRun = false;
    for (let r = at.row - 1; r >= 0; r--) {
      const owner = ownerAt(grid, r, c);
      if (owner.kind === 'header') {
        inRun = true;
        add(owner.at);
      } else if (inRun) break;
    }
  }
  for (let r = at.row; r < at.row + rowSpan; r++) {
    let inRun = false;
    for (let c = at.col - 1; c >= 0; c--) {
      const owner = ownerAt(grid, r, c);
      if (owner.kind === 'label') {
        inRun = true;
        add(owner.at);
      } else if (inRun) break;
    }
  }
  return found;
}

function ownerAt(grid: ResolvedGrid, r: number, c: number): { kind: string; at: At } {
  const slot = grid.slots[r]![c]!;
  const at = slot.kind === 'cell' ? { row: slot.row, col: slot.col } : { row: slot.ownerRow, col: slot.ownerCol };
  const owner = grid.slots[at.row]![at.col]!;
  return { kind: owner.kind === 'cell' ? owner.cell.kind : 'merged', at };
}
