import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { seedGlyphMetrics, seedLoca } from './fastTables.js';
import { openFontData, wholeFontData } from './lazyFile.js';
import { fallbackPath } from './resolve.js';

interface Face {
  numGlyphs: number;
  getGlyph(gid: number): { _getMetrics(): object; advanceWidth: number };
}

const FACES = [
  fallbackPath({ pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' }),
  fallbackPath({ pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf' }),
  fallbackPath({ pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' }),
  // The 楷体 fallback, from Debian fonts-lxgw-wenkai (.ci/apt-packages): its hmtx has fewer long metrics than glyphs.
  '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf',
].filter((f) => existsSync(f));

describe('fontkit tables read from the bytes', () => {
  it.each(FACES)('equal fontkit’s own for every glyph of %s', (file) => {
    const bytes = readFileSync(file);
    const own = fontkit.create(bytes) as unknown as Face;
    const seeded = fontkit.create(bytes) as unknown as Face;
    seedGlyphMetrics(seeded as unknown as fontkit.Font, wholeFontData(bytes));
    expect(Object.prototype.hasOwnProperty.call(seeded, 'getGlyph')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(own, 'getGlyph')).toBe(false);
    const differ: number[] = [];
    for (let gid = 0; gid < own.numGlyphs; gid++) {
      if (JSON.stringify(seeded.getGlyph(gid)._getMetrics()) !== JSON.stringify(own.getGlyph(gid)._getMetrics())) differ.push(gid);
    }
    expect(differ).toEqual([]);
  });

  it.each(FACES)('give fontkit’s own loca for %s', (file) => {
    const bytes = readFileSync(file);
    const own = fontkit.create(bytes) as unknown as { loca: object };
    const seeded = fontkit.create(bytes) as unknown as { loca: object; _tables: Record<string, unknown> };
    seedLoca(seeded as unknown as fontkit.Font, wholeFontData(bytes));
    expect('loca' in seeded._tables).toBe(true);
    expect({ ...seeded.loca }).toEqual({ ...own.loca });
  });

  it('leaves metrics to fontkit when the face has no vmtx', () => {
    const file = FACES[0]!;
    const font = fontkit.create(readFileSync(file)) as unknown as { directory: { tables: Record<string, unknown> } };
    delete font.directory.tables.vmtx;
    seedGlyphMetrics(font as unknown as fontkit.Font, openFontData(file));
    expect(Object.prototype.hasOwnProperty.call(font, 'getGlyph')).toBe(false);
  });
});

describe('the short loca format', () => {
  it('is doubled as fontkit doubles it', async () => {
    const { subsetFace } = await import('./subset.js');
    const bytes = Buffer.from(await subsetFace({ bytes: readFileSync(FACES[0]!), postscriptName: 'NotoSerifSC-Regular' }, '政府信息公开'));
    const own = fontkit.create(bytes) as unknown as { loca: { version: number }; head: { indexToLocFormat: number } };
    expect(own.head.indexToLocFormat).toBe(0);
    const seeded = fontkit.create(bytes) as unknown as { loca: object };
    seedLoca(seeded as unknown as fontkit.Font, wholeFontData(bytes));
    expect({ ...seeded.loca }).toEqual({ ...own.loca });
  });
});
