import type { Font } from 'fontkit';

/** The parts of fontkit 2.0.4's TrueType subset (a class it does not export) that this patch uses. */
interface TrueTypeSubset {
  font: {
    loca: { offsets: number[] };
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

const seen = new WeakSet<object>();

/**
 * Copies a simple glyph into a PDF font subset without decoding its outline. fontkit's
 * `_addGlyph` decodes every glyph's points only to learn whether it is a composite, then copies
 * the glyph's bytes unchanged anyway: for the thousand-odd CJK glyphs of a report that decoding was
 * a tenth of a PDF's render time. A glyph whose header says it is a composite (its components are
 * renumbered), and any glyph of a variable font, still goes through fontkit's own code, so the
 * subset is byte-identical. Patched once per subset class, on its prototype; fontkit is pinned.
 */
export function fastTrueTypeSubsets(font: Font): void {
  if (seen.has(font)) return;
  seen.add(font);
  // A CFF (.otf) face's subset class has no _addGlyph: it is left alone.
  const proto = Object.getPrototypeOf((font as unknown as { createSubset(): object }).createSubset()) as TrueTypeSubset;
  if (seen.has(proto) || typeof proto._addGlyph !== 'function') return;
  seen.add(proto);
  const original = proto._addGlyph;
  proto._addGlyph = function addGlyph(this: TrueTypeSubset, gid: number): number {
    const font = this.font;
    if (font._variationProcessor) return original.call(this, gid);
    const start = font.loca.offsets[gid]!;
    const end = font.loca.offsets[gid + 1]!;
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const bytes = stream.readBuffer(end - start);
    // numberOfContours, the header's first int16, is negative for a composite glyph.
    if (bytes.length >= 2 && (bytes[0]! & 0x80) !== 0) return original.call(this, gid);
    const glyph = font.getGlyph(gid);
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}
