import type { SourceRow } from '../source.js';
import type { Glyphs } from './geometry.js';
import type { TableGrid } from './grid.js';
import { joinLines, linesOf, type Line } from './lines.js';

/** A table found on a page: its grid, its rows as the interpreter reads them, and its extent. */
export interface PageTable {
  grid: TableGrid;
  rows: SourceRow[];
  /** For each row of `rows`, the cell indices of the grid (to join a table continued on the next page). */
  cellIds: number[][];
  top: number;
  bottom: number;
  x0: number;
  x1: number;
}

/** Whether a run's centre lies inside the table's outer box. */
export function insideTable(g: Glyphs, t: TableGrid): boolean {
  const cx = (g.x0 + g.x1) / 2;
  const cy = (g.top + g.bottom) / 2;
  return cx >= t.xs[0]! - 1 && cx <= t.xs[t.xs.length - 1]! + 1 && cy >= t.ys[0]! - 1 && cy <= t.ys[t.ys.length - 1]! + 1;
}

/**
 * Puts each run into the cell under it. A run that crosses a cell border (a PDF that sets a row's
 * figures as one run with spaces between) is cut at the border, its characters shared out by
 * their advance (CJK one em, Latin and digits half an em).
 */
export function fillTable(grid: TableGrid, glyphs: Glyphs[], page: number): PageTable {
  const perCell: Glyphs[][] = grid.cells.map(() => []);
  for (const g of glyphs) for (const piece of cutAtBorders(g, grid)) {
    const cell = cellAt(grid, (piece.x0 + piece.x1) / 2, (piece.top + piece.bottom) / 2);
    if (cell >= 0) perCell[cell]!.push(piece);
  }
  const rows: SourceRow[] = [];
  const cellIds: number[][] = [];
  for (let r = 0; r < grid.ys.length - 1; r++) {
    const ids = grid.cells.map((c, i) => (c.r0 === r ? i : -1)).filter((i) => i >= 0).sort((a, b) => grid.cells[a]!.c0 - grid.cells[b]!.c0);
    if (ids.length === 0) continue;
    rows.push(
      ids.map((i) => {
        const c = grid.cells[i]!;
        const text = cellText(linesOf(perCell[i]!, page), grid.xs[c.c1 + 1]! - grid.xs[c.c0]!);
        return { text, colSpan: c.c1 - c.c0 + 1, rowSpan: c.r1 - c.r0 + 1, continuation: 'no' as const };
      }),
    );
    cellIds.push(ids);
  }
  return { grid, rows, cellIds, top: grid.ys[0]!, bottom: grid.ys[grid.ys.length - 1]!, x0: grid.xs[0]!, x1: grid.xs[grid.xs.length - 1]! };
}

/**
 * The lines of a cell as its text: a line the cell's width wrapped runs on; a line that ended
 * although the next line's first character would still have fitted was broken on purpose
 * (`上一年项目数量⏎（指2019年事项数）`) and keeps its `\n`. Vertical text reads top to bottom.
 */
function cellText(lines: Line[], width: number): string {
  const horizontal = lines.filter((l) => !l.glyphs[0]?.vertical);
  if (horizontal.length !== lines.length) return lines.map((l) => l.text).join('');
  const avail = Math.max(width - 12, ...horizontal.map((l) => l.x1 - l.x0));
  let out = '';
  horizontal.forEach((l, i) => {
    const prev = horizontal[i - 1];
    if (prev) {
      // Two characters: line breaking moves an opening bracket, or a character before a closing
      // comma, to the next line although it alone would fit.
      const next = [...l.text].slice(0, 2).reduce((w, ch) => w + (/[\u0000-\u02ff]/.test(ch) ? 0.5 : 1) * l.size, 0);
      out += prev.x1 - prev.x0 + next <= avail - 0.25 * l.size ? '\n' : joinLines([out, l.text]) === out + l.text ? '' : ' ';
    }
    out += l.text;
  });
  return out;
}

function index(edges: number[], v: number): number {
  for (let i = 0; i < edges.length - 1; i++) if (v < edges[i + 1]!) return i;
  return edges.length - 2;
}

function cellAt(grid: TableGrid, x: number, y: number): number {
  return grid.slots[index(grid.ys, y)]?.[index(grid.xs, x)] ?? -1;
}

const advance = (ch: string) => (/[\u0000-\u02ff]/.test(ch) ? 0.5 : 1);

function cutAtBorders(g: Glyphs, grid: TableGrid): Glyphs[] {
  if (g.vertical) return [g];
  const cy = (g.top + g.bottom) / 2;
  const borders = grid.xs.filter((x) => x > g.x0 + 1 && x < g.x1 - 1);
  const row = index(grid.ys, cy);
  const real = borders.filter((x) => {
    const c = grid.xs.indexOf(x);
    return grid.slots[row]?.[c - 1] !== grid.slots[row]?.[c];
  });
  if (real.length === 0) return [g];
  const chars = [...g.text];
  const total = chars.reduce((s, ch) => s + advance(ch), 0) || 1;
  const scale = (g.x1 - g.x0) / total;
  const out: Glyphs[] = [];
  let x = g.x0;
  let text = '';
  let start = g.x0;
  let next = 0;
  for (const ch of chars) {
    const w = advance(ch) * scale;
    if (next < real.length && x + w / 2 > real[next]!) {
      if (text.trim()) out.push({ ...g, text, x0: start, x1: x });
      text = '';
      start = x;
      while (next < real.length && x + w / 2 > real[next]!) next++;
    }
    text += ch;
    x += w;
  }
  if (text.trim()) out.push({ ...g, text, x0: start, x1: x });
  return out;
}
