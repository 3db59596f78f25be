import type { Font } from 'fontkit';

/** A glyph's placement in pdfkit's units (1000 per em), as its `layoutRun` leaves it. */
export interface GlyphPlacement {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** A shaped stretch of text as pdfkit reads it: glyphs, their placements, the total advance. */
export interface ShapedRun {
  glyphs: unknown[];
  positions: GlyphPlacement[];
  /** In thousandths of the font size. */
  advanceWidth: number;
}

/** What fontkit's layout gives (its bundled types leave out the positions). */
interface FontkitRun {
  glyphs: { advanceWidth: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}

/** One line-breaking unit: a CJK character, a `——`/`……` pair, an ASCII word, or a space. */
export interface TextUnit {
  text: string;
  kind: 'cjk' | 'latin' | 'space';
}

const LATIN = /^[\x21-\x7e]$/;
const KEEP_PAIRS = /^[—…]$/;

/**
 * Splits text into the units the line breaker places (text.ts) and the painter draws: a unit is
 * the most that is ever shaped as one string, so a measured width is the drawn width.
 */
export function textUnits(text: string): TextUnit[] {
  const chars = [...text.replace(/[\t\r\n]+/g, ' ')];
  const out: TextUnit[] = [];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    let unit = ch;
    let n = 1;
    let kind: TextUnit['kind'] = 'cjk';
    if (ch === ' ') kind = 'space';
    else if (LATIN.test(ch)) {
      kind = 'latin';
      while (i + n < chars.length && LATIN.test(chars[i + n]!)) unit += chars[i + n++];
    } else if (KEEP_PAIRS.test(ch) && chars[i + 1] === ch) {
      unit = ch + ch;
      n = 2;
    }
    out.push({ text: unit, kind });
    i += n;
  }
  return out;
}

/**
 * Shaped units, per face, for the whole process: a batch worker shapes each character once, not
 * once per report for measuring and again for drawing (fontkit's GSUB/GPOS pass was a fifth of a
 * PDF's render time). The runs only depend on the face and are never changed by their readers.
 * Units are characters and words, so a few thousand cover a year of reports; a face's cache is
 * emptied past this many entries so that a stream of unusual words cannot grow it without end.
 */
const MAX_UNITS_PER_FACE = 20_000;
const cache = new WeakMap<Font, Map<string, ShapedRun>>();

/** One unit (or any string that must be shaped whole) in the face, from the process cache. */
export function shapeUnit(font: Font, text: string): ShapedRun {
  let units = cache.get(font);
  if (!units) cache.set(font, (units = new Map()));
  let run = units.get(text);
  if (!run) {
    if (units.size >= MAX_UNITS_PER_FACE) units.clear();
    // Scaled to 1000 units per em, each placement with its glyph's advance, as pdfkit's own
    // layoutRun does before it uses a run.
    const shaped = font.layout(text) as unknown as FontkitRun;
    const scale = 1000 / font.unitsPerEm;
    const positions = shaped.positions.map((p, i) => ({
      xAdvance: p.xAdvance * scale,
      yAdvance: p.yAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: shaped.glyphs[i]!.advanceWidth * scale,
    }));
    run = { glyphs: shaped.glyphs, positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) };
    units.set(text, run);
  }
  return run;
}

/** A drawn segment (one unit, or a row of CJK characters) as the concatenation of its units. */
export function shapeText(font: Font, text: string): ShapedRun {
  const units = textUnits(text);
  if (units.length === 1) return shapeUnit(font, text);
  const glyphs: unknown[] = [];
  const positions: GlyphPlacement[] = [];
  let advanceWidth = 0;
  for (const u of units) {
    const run = shapeUnit(font, u.text);
    for (const g of run.glyphs) glyphs.push(g);
    for (const p of run.positions) positions.push(p);
    advanceWidth += run.advanceWidth;
  }
  return { glyphs, positions, advanceWidth };
}
