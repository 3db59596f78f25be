import { joinLines, type Line } from './lines.js';

/** The body text's left and right edges and usual line gap, from the lines themselves. */
export interface Measure {
  left: number;
  right: number;
  size: number;
  gap: number;
}

const mode = (values: number[]): number => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
};

/**
 * The body measure: the most common size (by characters), the most common line start (the left
 * edge continuation lines share) and end (justified lines reach the right edge).
 */
export function measure(lines: Line[]): Measure {
  const sizes = lines.flatMap((l) => new Array<number>(Math.min(60, [...l.text].length)).fill(Math.round(l.size * 2) / 2));
  const size = mode(sizes.map((s) => s * 10)) / 10 || 12;
  const body = lines.filter((l) => Math.abs(l.size - size) <= 0.15 * size);
  // The left edge is where continuation lines start: the leftmost start shared by several lines
  // (not the most common one: a report of short paragraphs has more indented first lines).
  const starts = new Map<number, number>();
  for (const l of body) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const shared = [...starts.entries()].filter(([x, n]) => n + (starts.get(x - 1) ?? 0) + (starts.get(x + 1) ?? 0) >= Math.max(2, 0.05 * body.length));
  const left = shared.length > 0 ? Math.min(...shared.map(([x]) => x)) : mode(body.map((l) => l.x0));
  // Justified text: most lines end at the right edge. Ragged text: the long lines do.
  const ends = body.map((l) => l.x1).sort((a, b) => a - b);
  const common = mode(ends);
  const right = ends.filter((x) => Math.abs(x - common) <= 2).length >= 0.25 * ends.length ? common : (ends[Math.floor(ends.length * 0.9)] ?? common);
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) if (body[i]!.page === body[i - 1]!.page) gaps.push(body[i]!.top - body[i - 1]!.bottom);
  gaps.sort((a, b) => a - b);
  return { left, right, size, gap: gaps[Math.floor(gaps.length / 2)] ?? size * 0.8 };
}

/**
 * Lines of running text → paragraphs, from the line geometry: a paragraph ends where a line
 * stops short of the right edge, before an indented line (first-line indent), a centred line
 * (title, by-lines), a change of type size, or a wider gap than between the lines of a
 * paragraph. A paragraph running over a page break stays one paragraph.
 */
export function paragraphsOf(lines: Line[], m: Measure): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    const text = joinLines(cur).trim();
    if (text) out.push(text);
    cur = [];
  };
  const centred = (l: Line) => l.x0 > m.left + 1.5 * l.size && Math.abs(l.x0 - m.left - (m.right - l.x1)) < 1.5 * l.size;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const prev = lines[i - 1];
    if (prev && cur.length > 0) {
      const short = prev.x1 < m.right - 1.5 * prev.size;
      const indented = l.x0 > m.left + 0.9 * l.size;
      const resized = Math.abs(l.size - prev.size) > 0.15 * Math.max(l.size, prev.size);
      const gap = l.page === prev.page && l.top - prev.bottom > m.gap + Math.max(4, 0.6 * m.size);
      if (short || indented || resized || gap || centred(l) || centred(prev)) flush();
    }
    cur.push(l.text);
  }
  flush();
  return out;
}
