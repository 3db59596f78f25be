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

export { textUnits, type TextUnit } from '../../model/breaks.js';
import { textUnits } from '../../model/breaks.js';

/**
 * Shaped units, per face, for the whole process: a batch worker shapes each character once, not
 * once per report for measuring and again for drawing (fontkit's GSUB/GPOS pass was a fifth of a
 * PDF's render time). The runs only depend on the face and are never changed by their readers.
 *
 * Memory stays flat over any number of reports: placements are shared (nearly every CJK glyph has
 * the same one); single characters are kept up to a bound no year of reports reaches (they use a few
 * thousand; only a file of random code points would), words and figures are dropped past a few
 * thousand, since each distinct figure is a unit of its own and a long batch would grow the cache
 * without end.
 */
const MAX_WORDS_PER_FACE = 5_000;
const MAX_CHARS_PER_FACE = 50_000;

interface FaceCache {
  chars: Map<string, ShapedRun>;
  words: Map<string, ShapedRun>;
  placements: Map<string, GlyphPlacement>;
}
const cache = new WeakMap<Font, FaceCache>();

/** One unit (or any string that must be shaped whole) in the face, from the process cache. */
export function shapeUnit(font: Font, text: string): ShapedRun {
  let face = cache.get(font);
  if (!face) cache.set(font, (face = { chars: new Map(), words: new Map(), placements: new Map() }));
  const runs = text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff) ? face.chars : face.words;
  let run = runs.get(text);
  if (!run) {
    if (runs.size >= (runs === face.words ? MAX_WORDS_PER_FACE : MAX_CHARS_PER_FACE)) runs.clear();
    // Scaled to 1000 units per em, each placement with its glyph's advance, as pdfkit's own
    // layoutRun does before it uses a run.
    const shaped = ideograph(font, text) ?? (font.layout(text) as unknown as FontkitRun);
    const scale = 1000 / font.unitsPerEm;
    const positions = shaped.positions.map((p, i) => placement(face, p.xAdvance * scale, p.yAdvance * scale, p.xOffset * scale, p.yOffset * scale, shaped.glyphs[i]!.advanceWidth * scale));
    run = { glyphs: shaped.glyphs, positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) };
    runs.set(text, run);
  }
  return run;
}

/**
 * An ideograph on its own needs no OpenType layout: its glyph is the cmap's, its placement the
 * glyph's advance (no single substitution or adjustment of the default features applies to a lone
 * 汉字 in horizontal text). fontkit's GSUB/GPOS pass costs ~0.1 ms per new character, most of a
 * cold render's layout; Latin runs, digits and punctuation (locl, halt, kern) still go through it.
 * shaping.test.ts checks every ideograph of the bundled faces against fontkit's own layout.
 */
const HAN = /^\p{Script=Han}$/u;

function ideograph(font: Font, text: string): FontkitRun | undefined {
  if (!HAN.test(text)) return undefined;
  const glyph = font.glyphForCodePoint(text.codePointAt(0)!);
  if (glyph.id === 0) return undefined;
  return { glyphs: [glyph], positions: [{ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }] };
}

function placement(face: FaceCache, xAdvance: number, yAdvance: number, xOffset: number, yOffset: number, advanceWidth: number): GlyphPlacement {
  const key = `${xAdvance},${yAdvance},${xOffset},${yOffset},${advanceWidth}`;
  let p = face.placements.get(key);
  if (!p) {
    if (face.placements.size >= MAX_WORDS_PER_FACE) face.placements.clear();
    face.placements.set(key, (p = Object.freeze({ xAdvance, yAdvance, xOffset, yOffset, advanceWidth })));
  }
  return p;
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
