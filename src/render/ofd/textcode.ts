import { shapeText } from '../pdf/shaping.js';
import type { Segment } from '../pdf/types.js';
import type { OfdFont } from './fonts.js';

/** Characters drawn with glyphs other than their own nominal glyph one by one (a ligature `——`, `fi`). */
export interface GlyphCluster {
  /** Index of the first character in the segment, number of characters, and the glyphs drawn for them. */
  codePosition: number;
  codeCount: number;
  glyphs: number[];
}

/** A segment placed character by character, in points from the page's top-left corner. */
export interface PlacedText {
  chars: string[];
  /** Origin of each character (its glyph's pen position plus GPOS offset); y per character. */
  x: number[];
  y: number[];
  /** Pen position after the last glyph (its advance and spacing included). */
  end: number;
  clusters: GlyphCluster[];
}

interface ShapedGlyph {
  id: number;
  codePoints: number[];
}

/**
 * Places a segment's characters where the PDF draws their glyphs: the same shaped run
 * (shaping.ts, the runs pdfkit draws from), each glyph at the pen plus its offset, the pen moved by
 * the glyph's advance and the segment's spacing (the PDF's Tc, applied after every glyph). A run
 * whose glyphs are not each a character's nominal glyph becomes a cluster for a CGTransform; its
 * characters share the cluster's advance evenly, so a reader that ignores CGTransform still draws
 * each nominal glyph near its place.
 */
export function placeSegment(seg: Segment, baseline: number, font: OfdFont): PlacedText {
  const run = shapeText(font.face.font, seg.text);
  const glyphs = run.glyphs as ShapedGlyph[];
  const scale = seg.size / 1000;
  const chars = [...seg.text];
  const codes = chars.map((c) => c.codePointAt(0)!);
  const x: number[] = [];
  const y: number[] = [];
  const clusters: GlyphCluster[] = [];
  let pen = seg.x;
  const spans = clusterSpans(glyphs, codes);
  for (const { c0, k, g0, m } of spans) {
    const first = run.positions[g0]!;
    let advance = 0;
    for (let g = g0; g < g0 + m; g++) advance += run.positions[g]!.xAdvance * scale + seg.spacing;
    const plain = k === 1 && m === 1 && font.face.font.glyphForCodePoint(codes[c0]!).id === glyphs[g0]!.id;
    if (plain) {
      font.nominal(codes[c0]!);
      x.push(pen + first.xOffset * scale);
      y.push(baseline - first.yOffset * scale);
    } else {
      const drawn = glyphs.slice(g0, g0 + m).map((g) => font.glyph(g.id));
      for (let j = 0; j < k; j++) {
        font.nominal(codes[c0 + j]!);
        x.push(pen + (j === 0 ? first.xOffset * scale : (advance * j) / k));
        y.push(baseline);
      }
      clusters.push({ codePosition: c0, codeCount: k, glyphs: drawn });
    }
    pen += advance;
  }
  return { chars, x, y, end: pen, clusters };
}

/**
 * Which characters each glyph draws, from fontkit's `codePoints` of every glyph: a ligature
 * covers several, a glyph with none (a decomposition's second part) joins the glyph before it.
 * When the glyphs do not spell the characters, the whole segment is one cluster.
 */
function clusterSpans(glyphs: ShapedGlyph[], codes: number[]): { c0: number; k: number; g0: number; m: number }[] {
  const spans: { c0: number; k: number; g0: number; m: number }[] = [];
  let c = 0;
  for (let g = 0; g < glyphs.length; g++) {
    const cps = glyphs[g]!.codePoints;
    if (cps.length === 0 && spans.length > 0) {
      spans[spans.length - 1]!.m++;
      continue;
    }
    if (cps.length === 0 || cps.some((cp, j) => codes[c + j] !== cp)) return [{ c0: 0, k: codes.length, g0: 0, m: glyphs.length }];
    spans.push({ c0: c, k: cps.length, g0: g, m: 1 });
    c += cps.length;
  }
  return c === codes.length ? spans : [{ c0: 0, k: codes.length, g0: 0, m: glyphs.length }];
}
