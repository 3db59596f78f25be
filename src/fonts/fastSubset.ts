import type { Font } from 'fontkit';
import type { FontData } from './lazyFile.js';

/** The parts of fontkit 2.0.4's TrueType subset (a class it does not export) that this uses. */
interface TrueTypeSubset {
  font: {
    loca: { offsets: number[] };
    directory: { tables: Record<string, { offset: number } | undefined> };
    _variationProcessor?: unknown;
    _getTableStream(tag: 'glyf'): { pos: number; readBuffer(length: number): Uint8Array };
    getGlyph(gid: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}

interface WithSubsets {
  createSubset(): object;
}

/**
 * Makes the subsets of this one face (PDF and OFD embed them) copy a simple glyph without
 * decoding its outline. fontkit's `_addGlyph` decodes every glyph's points only to learn whether
 * it is a composite, then copies the glyph's bytes unchanged anyway: for the thousand-odd CJK
 * glyphs of a report that decoding was a tenth of a PDF's render time. A glyph whose header says
 * it is a composite (its components are renumbered), and any glyph of a variable font, still goes
 * through fontkit's own code, so the subset is byte-identical. The glyph's bytes are read from the
 * file first when its outlines were left unread (lazyFile.ts).
 *
 * Only this face's subsets change: `createSubset` becomes an own property of the face and each
 * subset it makes gets an own `_addGlyph`; fontkit's classes, and every other face, are untouched.
 * fontkit is pinned (2.0.4); the tests fail if an upgrade moves these internals.
 */
export function fastTrueTypeSubsets(font: Font, data?: FontData): void {
  const face = font as unknown as WithSubsets;
  if (Object.prototype.hasOwnProperty.call(face, 'createSubset')) return;
  const create = face.createSubset;
  const glyfAt = (font as unknown as TrueTypeSubset['font']).directory.tables.glyf?.offset;
  Object.defineProperty(face, 'createSubset', {
    configurable: true,
    value: function createSubset(this: WithSubsets): object {
      const subset = create.call(this) as TrueTypeSubset;
      // A CFF (.otf) face's subset has no _addGlyph: it is left as it is.
      if (typeof subset._addGlyph === 'function' && glyfAt !== undefined) subset._addGlyph = fastAddGlyph(subset, subset._addGlyph, glyfAt, data);
      return subset;
    },
  });
}

/** Reads glyph `gid`'s outline from the file if it was left unread, before fontkit decodes it (its bbox). */
export function ensureOutline(font: Font, data: FontData, gid: number): void {
  const f = font as unknown as TrueTypeSubset['font'];
  const glyfAt = f.directory.tables.glyf?.offset;
  if (glyfAt === undefined) return;
  data.ensure(glyfAt + f.loca.offsets[gid]!, glyfAt + f.loca.offsets[gid + 1]!);
}

function fastAddGlyph(subset: TrueTypeSubset, original: (gid: number) => number, glyfAt: number, data: FontData | undefined): (gid: number) => number {
  return function addGlyph(gid: number): number {
    const font = subset.font;
    const start = font.loca.offsets[gid]!;
    const end = font.loca.offsets[gid + 1]!;
    data?.ensure(glyfAt + start, glyfAt + end);
    if (font._variationProcessor) return original.call(subset, gid);
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const bytes = stream.readBuffer(end - start);
    // numberOfContours, the header's first int16, is negative for a composite glyph.
    if (bytes.length >= 2 && (bytes[0]! & 0x80) !== 0) return original.call(subset, gid);
    const glyph = font.getGlyph(gid);
    subset.glyf.push(bytes);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    subset.offset += bytes.length;
    return subset.glyf.length - 1;
  };
}
