import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fastTrueTypeSubsets } from './fastSubset.js';
import { openFontData, outlineSpan } from './lazyFile.js';
import { fallbackPath } from './resolve.js';
import { readSfnt, writeSfnt } from './sfnt.js';

const FILE = fallbackPath({ pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' });
const TEXT = '本报告根据《中华人民共和国政府信息公开条例》第五十条规定编制，全文包括总体情况、主动公开政府信息情况（2021年）。';

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
  _addGlyph(gid: number): number;
}
const subsetOf = (font: fontkit.Font, text: string): Subset => {
  const s = (font as unknown as { createSubset(): Subset }).createSubset();
  for (const ch of text) s.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!).id);
  return s;
};

describe('font files with their outlines read on demand', () => {
  it('reads the tables fontkit parses and leaves the outlines unread until a glyph is embedded', () => {
    const data = openFontData(FILE);
    const size = statSync(FILE).size;
    expect(data.view.length).toBe(size);
    expect(data.bytesRead).toBeLessThan(size * 0.05);
    const lazy = fontkit.create(data.view as Buffer) as fontkit.Font;
    const full = fontkit.create(readFileSync(FILE)) as fontkit.Font;
    for (const ch of TEXT) {
      const cp = ch.codePointAt(0)!;
      expect(lazy.glyphForCodePoint(cp).id).toBe(full.glyphForCodePoint(cp).id);
      expect(lazy.glyphForCodePoint(cp).advanceWidth).toBe(full.glyphForCodePoint(cp).advanceWidth);
    }
    expect(lazy.layout('Report 2021').glyphs.map((g) => g.id)).toEqual(full.layout('Report 2021').glyphs.map((g) => g.id));

    // A subset through the fast path reads its glyphs first: byte-identical to fontkit's own on the whole file.
    fastTrueTypeSubsets(lazy, data);
    const before = data.bytesRead;
    const mine = subsetOf(lazy, TEXT).encode();
    expect(data.bytesRead).toBeGreaterThan(before);
    expect(data.bytesRead).toBeLessThan(size * 0.1);
    expect(Buffer.from(mine).equals(Buffer.from(subsetOf(full, TEXT).encode()))).toBe(true);
    expect(Buffer.from(data.whole()).equals(readFileSync(FILE))).toBe(true);
    expect(data.bytesRead).toBe(size);
  });

  it('changes the subsets of that face only: fontkit and other faces keep their own code', () => {
    const patched = fontkit.create(readFileSync(FILE)) as fontkit.Font;
    const other = fontkit.create(readFileSync(FILE)) as fontkit.Font;
    const original = Object.getPrototypeOf(subsetOf(other, '')) as Subset;
    const addGlyph = original._addGlyph;
    fastTrueTypeSubsets(patched);
    expect(Object.prototype.hasOwnProperty.call(subsetOf(patched, '政'), '_addGlyph')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(subsetOf(other, '政'), '_addGlyph')).toBe(false);
    expect(original._addGlyph).toBe(addGlyph);
    expect(Object.prototype.hasOwnProperty.call(other, 'createSubset')).toBe(false);
  });

  it('reads a face whole when reading it in parts would not be safe', () => {
    const sfnt = readSfnt(readFileSync(FILE));
    const head = (tables: Map<string, Uint8Array>) => writeSfnt({ version: 0x00010000, tables });
    const size = (b: Uint8Array) => b.length;
    const withAll = head(sfnt.tables);
    expect(outlineSpan(withAll.subarray(0, 4096), size(withAll))).toBeDefined();
    const without = (tag: string) => head(new Map([...sfnt.tables].filter(([t]) => t !== tag)));
    // No vmtx: fontkit decodes the outline for a glyph's vertical metrics.
    const noVmtx = without('vmtx');
    expect(outlineSpan(noVmtx.subarray(0, 4096), size(noVmtx))).toBeUndefined();
    // A variable face: its glyphs go through fontkit's own decoder.
    const variable = head(new Map([...sfnt.tables, ['fvar', new Uint8Array(16)]]));
    expect(outlineSpan(variable.subarray(0, 4096), size(variable))).toBeUndefined();
    // A table past the end of the file: read whole, so fontkit reports the damage as before.
    expect(outlineSpan(withAll.subarray(0, 4096), size(withAll) - 100)).toBeUndefined();
    // A header cut short.
    expect(outlineSpan(withAll.subarray(0, 20), size(withAll))).toBeUndefined();
  });

  describe('in a folder of its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-lazyfile-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    /** The byte range of the outline of the first character of TEXT. */
    const firstOutline = (data: ReturnType<typeof openFontData>): [number, number] => {
      const font = fontkit.create(data.view as Buffer) as fontkit.Font & { loca: { offsets: number[] }; directory: { tables: { glyf: { offset: number } } } };
      const gid = font.glyphForCodePoint(TEXT.codePointAt(0)!).id;
      const at = font.directory.tables.glyf.offset;
      return [at + font.loca.offsets[gid]!, at + font.loca.offsets[gid + 1]!];
    };

    it('takes a file it must read whole from the given reader (a worker: its pool), and reads the outlines of others itself', () => {
      const whole = vi.fn((f: string) => new Uint8Array(readFileSync(f)));
      expect(openFontData(FILE, whole).bytesRead).toBeLessThan(statSync(FILE).size * 0.05);
      expect(whole).not.toHaveBeenCalled();
      const sfnt = readSfnt(readFileSync(FILE));
      const noVmtx = join(dir, 'no-vmtx.ttf');
      writeFileSync(noVmtx, writeSfnt({ version: 0x00010000, tables: new Map([...sfnt.tables].filter(([t]) => t !== 'vmtx')) }));
      const data = openFontData(noVmtx, whole);
      expect(whole).toHaveBeenCalledExactlyOnceWith(noVmtx);
      expect(data.view).toBe(whole.mock.results[0]!.value);
      expect(data.bytesRead).toBe(statSync(noVmtx).size);
    });

    it('refuses outlines from a file rewritten in place after it was opened; one renamed into place is no change', () => {
      const rewritten = join(dir, 'rewritten.ttf');
      copyFileSync(FILE, rewritten);
      const data = openFontData(rewritten);
      const [from, to] = firstOutline(data);
      const later = new Date(statSync(rewritten).mtimeMs + 5000);
      writeFileSync(rewritten, readFileSync(FILE)); // in place: the same file, opened, gets new bytes
      utimesSync(rewritten, later, later);
      expect(() => data.ensure(from, to)).toThrow(rewritten);
      expect(data.bytesRead).toBeLessThan(statSync(FILE).size * 0.05); // nothing of the new file taken in

      const renamed = join(dir, 'renamed.ttf');
      copyFileSync(FILE, renamed);
      const kept = openFontData(renamed);
      const other = join(dir, 'other.ttf');
      writeFileSync(other, Buffer.alloc(statSync(FILE).size, 0x55));
      renameSync(other, renamed); // the opened file stays as it was
      kept.ensure(from, to);
      expect(Buffer.from(kept.view.subarray(from, to)).equals(readFileSync(FILE).subarray(from, to))).toBe(true);
    });
  });
});
