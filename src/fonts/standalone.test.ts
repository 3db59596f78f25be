import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fallbackPath } from './resolve.js';
import { readSfnt } from './sfnt.js';
import { cmapTable, faceTable, standaloneSubset, type FontkitSubset } from './standalone.js';

const file = fallbackPath({ pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' });
const bytes = new Uint8Array(readFileSync(file));
const font = fontkit.create(bytes) as fontkit.Font;

describe('standalone subsets (fontkit 2.0.4 internals: the table directory, the subset classes)', () => {
  it('reads a table of the face as stored in the file', () => {
    expect(Buffer.from(faceTable(font, bytes, 'OS/2')!).equals(Buffer.from(readSfnt(bytes).tables.get('OS/2')!))).toBe(true);
    expect(faceTable(font, bytes, 'nope')).toBeUndefined();
  });

  it('makes a subset a font of its own: the subset’s glyphs in its order, a cmap of the characters, the face’s OS/2 and name', () => {
    const subset = (font as unknown as { createSubset(): FontkitSubset }).createSubset();
    const unicodes = new Map<number, number>();
    for (const ch of '政府信息公开2021') unicodes.set(ch.codePointAt(0)!, subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!).id));
    expect(subset.glyphs[0]).toBe(0); // .notdef first
    expect(subset.cff).toBeUndefined();
    const out = standaloneSubset(font, bytes, subset, unicodes);
    const tables = readSfnt(out).tables;
    for (const t of ['cmap', 'OS/2', 'name', 'post', 'glyf', 'loca', 'hmtx', 'head', 'hhea', 'maxp']) expect(tables.has(t), t).toBe(true);
    const back = fontkit.create(out) as fontkit.Font;
    expect(back.numGlyphs).toBe(subset.glyphs.length);
    for (const ch of '政府信息公开2021') {
      const g = back.glyphForCodePoint(ch.codePointAt(0)!);
      expect(g.id).toBe(unicodes.get(ch.codePointAt(0)!));
      expect(g.advanceWidth).toBe(font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth);
    }
    expect(back.postscriptName).toBe(font.postscriptName);
  });

  it('writes format 4 for the BMP and format 12 when a character lies beyond it', () => {
    const map = new Map([[0x4e00, 5], [0x4e01, 6], [0x4e03, 7], [0x20000, 8]]);
    const sub = (t: Uint8Array) => Array.from({ length: new DataView(t.buffer).getUint16(2) }, (_, i) => new DataView(t.buffer).getUint16(6 + 8 * i));
    expect(sub(cmapTable(new Map([[0x4e00, 5]])))).toEqual([1]);
    expect(sub(cmapTable(map))).toEqual([1, 10]);
  });
});
