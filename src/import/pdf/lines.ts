import type { Glyphs } from './geometry.js';

/** Printed lines: glyph runs on one baseline, left to right, with their extent and dominant font. */
export interface Line extends Omit<Glyphs, 'vertical'> {
  page: number;
  glyphs: Glyphs[];
}

/** Spaces next to CJK characters or full-width punctuation: letter-spacing of justified lines, not word breaks. */
export const CJK_SPACE = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…])\s+|\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…])/gu;
const LATIN = /[\p{Script=Latin}\d%.,:;!?@#&*+\-/\\'"()[\]]$/u;
const LATIN_START = /^[\p{Script=Latin}\d@#&*+\-/\\'"([]/u;

/**
 * Groups glyph runs into lines by baseline (vertical runs each make their own line, right to left
 * as vertical CJK reads), top to bottom.
 */
export function linesOf(glyphs: Glyphs[], page: number): Line[] {
  const horizontal = glyphs.filter((g) => !g.vertical).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: Glyphs[][] = [];
  for (const g of horizontal) {
    const line = groups.find((l) => Math.abs(l[0]!.baseline - g.baseline) <= Math.max(1, 0.35 * Math.min(l[0]!.size, g.size)));
    // The same text drawn again a hair away is a fake bold (WPS, Word's 加粗 of a face without a bold), not more text.
    if (line?.some((o) => o.text === g.text && Math.abs(o.x0 - g.x0) < 0.3 * g.size)) continue;
    if (line) line.push(g);
    else groups.push([g]);
  }
  const lines = groups.map((l) => lineOf(l, page));
  const vertical = glyphs.filter((g) => g.vertical).sort((a, b) => b.x0 - a.x0 || a.top - b.top);
  for (const g of vertical) lines.push({ ...lineOf([g], page), text: g.text });
  return lines.sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

function lineOf(glyphs: Glyphs[], page: number): Line {
  const sorted = [...glyphs].sort((a, b) => a.x0 - b.x0);
  let text = '';
  let prev: Glyphs | null = null;
  const chars = new Map<string, number>();
  for (const g of sorted) {
    const t = g.text.replace(/\s+/g, ' ');
    if (prev && needsSpace(text, t, g.x0 - prev.x1, g.size)) text += ' ';
    text += t;
    prev = g;
    chars.set(g.font, (chars.get(g.font) ?? 0) + [...t].length);
  }
  const font = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return {
    text: text.replace(/\s+/g, ' ').replace(CJK_SPACE, '').trim(),
    x0: Math.min(...sorted.map((g) => g.x0)),
    x1: Math.max(...sorted.map((g) => g.x1)),
    top: Math.min(...sorted.map((g) => g.top)),
    bottom: Math.max(...sorted.map((g) => g.bottom)),
    baseline: sorted[0]!.baseline,
    size: Math.max(...sorted.map((g) => g.size)),
    font,
    page,
    glyphs: sorted,
  };
}

/**
 * Whether two runs on a line are separate words: a visible gap between Latin letters or digits
 * (`2023 年` needs none: spacing between CJK and digits is typographic, not a word break).
 */
function needsSpace(before: string, next: string, gap: number, size: number): boolean {
  if (before.endsWith(' ') || next.startsWith(' ')) return false;
  return gap > 0.2 * size && LATIN.test(before) && LATIN_START.test(next);
}

/** Joins the lines of one paragraph: CJK runs straight on, Latin words get their space back. */
export function joinLines(texts: string[]): string {
  let out = '';
  for (const t of texts) {
    if (out && LATIN.test(out) && LATIN_START.test(t) && !/[\d.]$/.test(out)) out += ' ';
    out += t;
  }
  return out;
}
