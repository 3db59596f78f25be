import { balancedLines, emWidth } from './breaks.js';
import type { TableBlock, TableCell } from './document.js';
import { resolveGrid, type ResolvedGrid } from './grid.js';
import { MM_TO_PT, type Style } from './style.js';

/** A cell as every format sets it: its size and, estimated from above, its lines. */
export interface FittedCell {
  cell: TableCell;
  row: number;
  col: number;
  /** Font size in points: the table size, stepped down (to 9 pt at least) for a figure too wide for its column. */
  size: number;
  /** The text in lines: template `\n` breaks kept, each part wrapped evenly to the column (balancedLines). */
  lines: string[];
  /** The same lines by template part (the text split at `\n`). */
  parts: string[][];
}

/** A table fitted to the 版心 (issue 16 items 2–6): widths, sizes, lines, heights, what stays together. */
export interface FittedTable {
  grid: ResolvedGrid;
  /** Column widths in points, adding up to the 版心 width. */
  widths: number[];
  /** In `grid.placed` order. */
  cells: FittedCell[];
  /** Row heights in points: lines × table pitch + padding (a spanning cell shares out what it needs more). */
  rowHeights: number[];
  /** `keepWithNext[r]`: row r stays on the page of row r + 1. */
  keepWithNext: boolean[];
  /** Rows that head the group a row belongs to and are repeated above it when the group must split. */
  groupHeader: (number[] | undefined)[];
}

/** Sizes a too-wide figure steps through (spec §6.4: 五号 10.5 pt down to 小五 9 pt). */
const SIZE_STEP = 0.5;
/** A label column keeps room for three characters a line (三、本 / 年度办 / 理结果 reads; two a line does not). */
const LABEL_MIN_EM = 3;
/** Lines are broken this much short of the cell, so Word and LibreOffice, measuring their own way, keep them. */
const SAFETY_EM = 0.2;

const cache = new WeakMap<TableBlock, Map<Style, FittedTable>>();

/**
 * Fits a table from its one definition to the 版心 of the one style, for every format alike:
 * columns start from the definition's proportions; a column of figures widens to hold its widest
 * figure on one line (label columns give way first, down to three characters; then columns with
 * room to spare); if the figures still cannot fit, the cells that do not fit step down in size,
 * to no less than `style.sizes.tableDense`. Label texts wrap evenly (no line of one character).
 * Rows that must share a page: header rows with the first body row, a group of rows (the 二
 * table's 第二十条 blocks) when it fits on a page, and as many rows under a merged label as its
 * text needs.
 */
export function fitTable(t: TableBlock, style: Style): FittedTable {
  let byStyle = cache.get(t);
  if (!byStyle) cache.set(t, (byStyle = new Map()));
  let hit = byStyle.get(style);
  if (!hit) byStyle.set(style, (hit = fit(t, style)));
  return hit;
}

/** The width of the 版心 in points (spec §6.1). */
export function textWidthPt(style: Style): number {
  return style.page.widthTwips / 20 - (style.page.marginLeftMm + style.page.marginRightMm) * MM_TO_PT;
}

export function cellPadding(style: Style): { x: number; y: number } {
  return { x: style.tablePadding.xMm * MM_TO_PT, y: style.tablePadding.yMm * MM_TO_PT };
}

function fit(t: TableBlock, style: Style): FittedTable {
  const grid = resolveGrid(t);
  const W = textWidthPt(style);
  const pad = cellPadding(style);
  const base = style.sizes.table;
  const min = style.sizes.tableDense;
  const total = t.columnWidths.reduce((a, b) => a + b, 0);
  const emOf = (text: string) => (text.includes('\n') ? Math.max(...text.split('\n').map((s) => emWidth(s))) : emWidth(text));
  const valueCols = new Set(grid.placed.filter((p) => p.cell.kind === 'value' && p.cell.colSpan === 1).map((p) => p.col));
  // A column of figures keeps room for two characters (its header wraps), whatever its figures.
  const widestEm = t.columnWidths.map(() => 0);
  for (const p of grid.placed) if (p.cell.kind === 'value' && p.cell.colSpan === 1) widestEm[p.col] = Math.max(widestEm[p.col]!, emOf(p.cell.text));
  const needs = new Map<number, number[]>();
  const need = (size: number): number[] => {
    let n = needs.get(size);
    if (!n) needs.set(size, (n = t.columnWidths.map((w, c) => Math.max(Math.min(2 * base + 2 * pad.x, (w / total) * W), widestEm[c]! > 0 ? widestEm[c]! * size + 2 * pad.x : 0))));
    return n;
  };
  const labelFloor = (LABEL_MIN_EM + SAFETY_EM) * base + 2 * pad.x;
  const scaled = t.columnWidths.map((w) => (w / total) * W);
  // The largest size at which every figure fits beside label columns at their floor.
  let valueSize = base;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const floorsAt = (size: number, labels: (c: number) => number) => scaled.map((_, c) => (valueCols.has(c) ? need(size)[c]! : labels(c)));
  // A label column gives way to half its share, and never below three characters a line.
  const labelAt = (c: number) => Math.max(labelFloor, scaled[c]! / 2);
  while (valueSize - SIZE_STEP >= min - 1e-9 && sum(floorsAt(valueSize, labelAt)) > W + 1e-6) valueSize -= SIZE_STEP;
  let floors = floorsAt(valueSize, labelAt);
  // Too many figures for that: labels keep what the definition gives them, if less.
  if (sum(floors) > W + 1e-6) floors = floorsAt(valueSize, (c) => Math.min(scaled[c]!, labelAt(c)));
  const widths = scaled.map((s, c) => Math.max(s, floors[c]!));
  let excess = widths.reduce((a, b) => a + b, 0) - W;
  // Label columns give way first, then figure columns with room to spare, each in proportion to its slack.
  for (const pass of [false, true]) {
    if (excess <= 1e-9) break;
    const cols = widths.map((_, c) => c).filter((c) => valueCols.has(c) === pass && widths[c]! > floors[c]!);
    const slack = cols.reduce((a, c) => a + widths[c]! - floors[c]!, 0);
    if (slack <= 0) continue;
    const take = Math.min(excess, slack);
    for (const c of cols) widths[c] = widths[c]! - ((widths[c]! - floors[c]!) / slack) * take;
    excess -= take;
  }
  if (excess > 1e-9) {
    // Figures wider than the 版心 even at the smallest size: they must break anyway, so the
    // columns keep the definition's proportions (nothing else is squeezed for them).
    widths.splice(0, widths.length, ...scaled);
  }
  const cells: FittedCell[] = grid.placed.map(({ cell, row, col }) => {
    const width = cell.colSpan === 1 ? widths[col]! : widths.slice(col, col + cell.colSpan).reduce((a, b) => a + b, 0);
    let size = base;
    if (cell.kind === 'value') {
      const em = emOf(cell.text);
      while (size - SIZE_STEP >= min - 1e-9 && em * size + 2 * pad.x > width + 1e-6) size -= SIZE_STEP;
      // A figure is one unit: its one line needs no wrapping (most cells of a report).
      if (/^[\x21-\x7e]*$/.test(cell.text)) return cell.text === '' ? { cell, row, col, size, lines: [], parts: [] } : { cell, row, col, size, lines: [cell.text], parts: [[cell.text]] };
    }
    const capacity = (width - 2 * pad.x) / size - SAFETY_EM;
    const parts = cell.text === '' ? [] : cell.text.split('\n').map((part) => (part === '' ? [''] : balancedLines(part, capacity)));
    const lines: string[] = [];
    for (const p of parts) for (const l of p) lines.push(l);
    return { cell, row, col, size, lines, parts };
  });
  const pitch = style.tableLinePitch;
  const boxHeight = (c: FittedCell) => Math.max(1, c.lines.length) * pitch + 2 * pad.y;
  const rowHeights = new Array<number>(grid.rowCount).fill(pitch + 2 * pad.y);
  for (const c of [...cells].sort((a, b) => a.cell.rowSpan - b.cell.rowSpan)) {
    const span = c.cell.rowSpan;
    let have = 0;
    for (let r = c.row; r < c.row + span; r++) have += rowHeights[r]!;
    const extra = boxHeight(c) - have;
    if (extra > 0) for (let r = c.row; r < c.row + span; r++) rowHeights[r] = rowHeights[r]! + extra / span;
  }
  const keepWithNext = new Array<boolean>(grid.rowCount).fill(false);
  const groupHeader = new Array<number[] | undefined>(grid.rowCount).fill(undefined);
  const headerRows = Math.min(t.headerRows, grid.rowCount);
  for (let r = 0; r < headerRows && r + 1 < grid.rowCount; r++) keepWithNext[r] = true;
  const pageHeight = (style.page.heightTwips / 20) - (style.page.marginTopMm + style.page.marginBottomMm) * MM_TO_PT;
  const headerHeight = rowHeights.slice(0, headerRows).reduce((a, b) => a + b, 0);
  for (const g of t.rowGroups ?? []) {
    const height = rowHeights.slice(g.first, g.last + 1).reduce((a, b) => a + b, 0);
    const whole = height <= pageHeight - headerHeight;
    for (let r = g.first; r < g.last; r++) if (whole || r < g.first + g.headerRows) keepWithNext[r] = true;
    const heads = Array.from({ length: g.headerRows }, (_, k) => g.first + k);
    for (let r = g.first + g.headerRows; r <= g.last; r++) groupHeader[r] = heads;
  }
  for (const c of cells) {
    if (c.cell.rowSpan < 2) continue;
    // The rows that hold the merged label's text stay together; the rest of its rows may break.
    let height = 0;
    for (let r = c.row; r < c.row + c.cell.rowSpan - 1; r++) {
      height += rowHeights[r]!;
      if (height + 0.01 >= boxHeight(c)) break;
      keepWithNext[r] = true;
    }
  }
  return { grid, widths, cells, rowHeights, keepWithNext, groupHeader };
}
