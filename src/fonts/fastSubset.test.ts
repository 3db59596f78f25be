import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFonts } from './resolve.js';
import { readSfnt, writeSfnt } from './sfnt.js';
import { subsetFace, wholeFontFile } from './subset.js';
import { DEFAULT_STYLE } from '../model/style.js';
import { fastTrueTypeSubsets } from './fastSubset.js';

interface Glyph {
  advanceWidth: number;
  path: { toSVG(): string };
}
interface TestFont {
  numGlyphs: number;
  glyphForCodePoint(cp: number): { id: number };
  getGlyph(gid: number): Glyph;
  createSubset(): { includeGlyph(gid: number): number; encode(): Uint8Array };
}

const open = (bytes: Uint8Array) => fontkit.create(Buffer.from(bytes)) as unknown as TestFont;

/**
 * The Noto fallback has no composite glyphs, so the test makes a font with one: a subset of Noto
 * for a few characters, plus a last glyph made of 府 (glyph 2) shifted by (100, 50).
 */
async function fontWithComposite(): Promise<Uint8Array> {
  const face = resolveFonts(DEFAULT_STYLE.fonts, { explicit: {}, systemDirs: [] }).faces.body!;
  const sfnt = readSfnt(await subsetFace(wholeFontFile(face), '政府'));
  const t = (tag: string) => new DataView(sfnt.tables.get(tag)!.slice().buffer);
  const [head, maxp, hhea] = [t('head'), t('maxp'), t('hhea')];
  const longLoca = head.getInt16(50) === 1;
  const numGlyphs = maxp.getUint16(4);
  const component = open(writeSfnt(sfnt)).glyphForCodePoint('府'.codePointAt(0)!).id;
  const glyf = sfnt.tables.get('glyf')!;
  const loca = sfnt.tables.get('loca')!;
  const composite = new DataView(new ArrayBuffer(20));
  composite.setInt16(0, -1); // numberOfContours: a composite
  [100, 50, 1100, 1050].forEach((v, i) => composite.setInt16(2 + 2 * i, v));
  composite.setUint16(10, 0x0003); // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES, no more components
  composite.setUint16(12, component);
  composite.setInt16(14, 100);
  composite.setInt16(16, 50);
  const newGlyf = new Uint8Array(glyf.length + 20);
  newGlyf.set(glyf);
  newGlyf.set(new Uint8Array(composite.buffer), glyf.length);
  const entry = longLoca ? 4 : 2;
  const newLoca = new Uint8Array(loca.length + entry);
  newLoca.set(loca);
  const end = new DataView(newLoca.buffer);
  if (longLoca) end.setUint32(loca.length, newGlyf.length);
  else end.setUint16(loca.length, newGlyf.length / 2);
  maxp.setUint16(4, numGlyphs + 1);
  // A long metric (advance, bearing) when every glyph has one, else a bearing after the last one.
  const hmtx = sfnt.tables.get('hmtx')!;
  const long = hhea.getUint16(34) === numGlyphs;
  if (long) hhea.setUint16(34, numGlyphs + 1);
  const newHmtx = new Uint8Array(hmtx.length + (long ? 4 : 2));
  newHmtx.set(hmtx);
  if (long) new DataView(newHmtx.buffer).setUint16(hmtx.length, 1000);
  for (const [tag, data] of [['glyf', newGlyf], ['loca', newLoca], ['hmtx', newHmtx], ['maxp', maxp], ['hhea', hhea]] as const) {
    sfnt.tables.set(tag, data instanceof DataView ? new Uint8Array(data.buffer) : data);
  }
  return writeSfnt(sfnt);
}

describe('PDF font subsets without decoding simple glyphs', () => {
  let font: TestFont;
  beforeAll(async () => {
    font = open(await fontWithComposite());
    fastTrueTypeSubsets(font as unknown as fontkit.Font);
  });

  it('keeps every glyph outline and advance, a composite glyph (its component renumbered) included', () => {
    const composite = font.numGlyphs - 1;
    expect(font.getGlyph(composite).path.toSVG()).not.toBe('');
    // Only the composite and .notdef are asked for: its component must be pulled in and renumbered.
    const wanted = [composite, font.glyphForCodePoint('政'.codePointAt(0)!).id];
    const subset = font.createSubset();
    const ids = wanted.map((gid) => subset.includeGlyph(gid));
    const out = open(subset.encode());
    wanted.forEach((gid, i) => {
      expect(out.getGlyph(ids[i]!).path.toSVG(), `glyph ${gid}`).toBe(font.getGlyph(gid).path.toSVG());
      expect(out.getGlyph(ids[i]!).advanceWidth, `glyph ${gid}`).toBe(font.getGlyph(gid).advanceWidth);
    });
    expect(out.numGlyphs).toBe(4); // .notdef, the composite, 政, and the component 府
  });
});
