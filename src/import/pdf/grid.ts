import type { Rule } from './geometry.js';

/**
 * Tables from ruling lines: the drawn lines of a page are merged into horizontal and vertical
 * lines, lines that touch form a table, the distinct line positions give its elementary grid, and
 * two neighbouring grid cells belong to one (merged) cell where no line separates them. So row and
 * column spans come from what is drawn, not from a guessed number of columns.
 */
export interface GridCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export interface TableGrid {
  /** Column edges, left to right, and row edges, top to bottom (points). */
  xs: number[];
  ys: number[];
  /** Cells in reading order (by first row, then first column); each covers r0..r1 × c0..c1. */
  cells: GridCell[];
  /** The cell index at each elementary slot [row][column]. */
  slots: number[][];
}

interface HLine {
  y: number;
  x0: number;
  x1: number;
}
interface VLine {
  x: number;
  y0: number;
  y1: number;
}

/** Positions closer than this (points) are one line: double strokes, 0.5–1 pt borders drawn as rectangles. */
const SAME = 2;
/** Segments of one line with a gap up to this are joined (dashed or per-cell borders). */
const GAP = 2.5;
/** A boundary exists between two grid cells when lines cover at least this share of their common side. */
const COVER = 0.6;

export function findTables(rules: Rule[]): TableGrid[] {
  const h = mergeLines(rules.filter((r) => r.y0 === r.y1).map((r) => ({ at: r.y0, from: r.x0, to: r.x1 }))).map((l) => ({ y: l.at, x0: l.from, x1: l.to }));
  const v = mergeLines(rules.filter((r) => r.x0 === r.x1 && r.y0 !== r.y1).map((r) => ({ at: r.x0, from: r.y0, to: r.y1 }))).map((l) => ({ x: l.at, y0: l.from, y1: l.to }));
  const groups = components(h, v);
  const tables: TableGrid[] = [];
  for (const g of groups) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const t = gridOf(g.h, g.v);
    if (t && t.xs[t.xs.length - 1]! - t.xs[0]! >= 40 && t.ys[t.ys.length - 1]! - t.ys[0]! >= 10) tables.push(t);
  }
  return tables.sort((a, b) => a.ys[0]! - b.ys[0]!);
}

function mergeLines(segs: { at: number; from: number; to: number }[]): { at: number; from: number; to: number }[] {
  const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
  const rows: { at: number; segs: { from: number; to: number }[] }[] = [];
  for (const s of sorted) {
    const row = rows.find((r) => Math.abs(r.at - s.at) <= SAME);
    if (row) row.segs.push(s);
    else rows.push({ at: s.at, segs: [s] });
  }
  const out: { at: number; from: number; to: number }[] = [];
  for (const r of rows) {
    r.segs.sort((a, b) => a.from - b.from);
    let cur = { ...r.segs[0]! };
    for (const s of r.segs.slice(1)) {
      if (s.from <= cur.to + GAP) cur.to = Math.max(cur.to, s.to);
      else {
        out.push({ at: r.at, ...cur });
        cur = { ...s };
      }
    }
    out.push({ at: r.at, ...cur });
  }
  return out;
}

/** Lines that cross or touch, transitively: one table each. */
function components(h: HLine[], v: VLine[]): { h: HLine[]; v: VLine[] }[] {
  const parent = [...h.map((_, i) => i), ...v.map((_, i) => h.length + i)];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (b.x >= a.x0 - SAME && b.x <= a.x1 + SAME && a.y >= b.y0 - SAME && a.y <= b.y1 + SAME) parent[find(i)] = find(h.length + j);
    }),
  );
  const byRoot = new Map<number, { h: HLine[]; v: VLine[] }>();
  const group = (i: number) => {
    const r = find(i);
    let g = byRoot.get(r);
    if (!g) byRoot.set(r, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((a, i) => group(i).h.push(a));
  v.forEach((b, j) => group(h.length + j).v.push(b));
  return [...byRoot.values()];
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1]! <= SAME) last.push(x);
    else out.push([x]);
  }
  return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

function covered(lines: { at: number; from: number; to: number }[], at: number, from: number, to: number): boolean {
  let len = 0;
  for (const l of lines) if (Math.abs(l.at - at) <= SAME) len += Math.max(0, Math.min(l.to, to) - Math.max(l.from, from));
  return len >= COVER * (to - from);
}

function gridOf(h: HLine[], v: VLine[]): TableGrid | null {
  const xs = cluster(v.map((l) => l.x));
  const ys = cluster(h.map((l) => l.y));
  // A border left undrawn (WPS draws no bottom rule where a table breaks to the next page, nor a
  // top rule where it continues): the lines reaching past the last edge end at the missing one.
  const lowest = Math.max(...v.map((l) => l.y1));
  const highest = Math.min(...v.map((l) => l.y0));
  if (lowest > ys[ys.length - 1]! + 3) ys.push(lowest);
  if (highest < ys[0]! - 3) ys.unshift(highest);
  const leftmost = Math.min(...h.map((l) => l.x0));
  const rightmost = Math.max(...h.map((l) => l.x1));
  if (rightmost > xs[xs.length - 1]! + 3) xs.push(rightmost);
  if (leftmost < xs[0]! - 3) xs.unshift(leftmost);
  if (xs.length < 2 || ys.length < 2) return null;
  const hl = h.map((l) => ({ at: l.y, from: l.x0, to: l.x1 }));
  const vl = v.map((l) => ({ at: l.x, from: l.y0, to: l.y1 }));
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Union-find over elementary cells: join neighbours that no drawn line separates.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(vl, xs[c + 1]!, ys[r]!, ys[r + 1]!)) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covered(hl, ys[r + 1]!, xs[c]!, xs[c + 1]!)) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  const boxes = new Map<number, GridCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const b = boxes.get(root);
      if (!b) boxes.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        b.r0 = Math.min(b.r0, r);
        b.r1 = Math.max(b.r1, r);
        b.c0 = Math.min(b.c0, c);
        b.c1 = Math.max(b.c1, c);
      }
    }
  }
  // An irregular (non-rectangular) group keeps its bounding box; slots already taken stay with the earlier cell.
  const cells: GridCell[] = [];
  const slots: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  for (const b of [...boxes.values()].sort((a, z) => a.r0 - z.r0 || a.c0 - z.c0)) {
    const free: GridCell = { ...b };
    if (slots[b.r0]![b.c0] !== -1) continue;
    const index = cells.length;
    cells.push(free);
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) if (slots[r]![c] === -1) slots[r]![c] = index;
  }
  return { xs, ys, cells, slots };
}
