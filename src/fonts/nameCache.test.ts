import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir } from '../userCache.js';
import { FaceNameCache } from './nameCache.js';
import type { FaceNames } from './names.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-names-'));
const font = join(dir, 'fonts', 'a.ttf');
const faces = (file: string): FaceNames[] => [{ file, postscriptName: 'A-Regular', names: ['A', 'A Regular'] }];

describe('the font name cache', () => {
  it('reads a file once while its size and time stay, again when either changes, and across processes', () => {
    const file = join(dir, 'cache', 'names.json');
    const reads: string[] = [];
    const read = (p: string) => (reads.push(p), faces(p));
    const first = new FaceNameCache(file);
    expect(first.faces(font, 100, 1000, read)).toEqual(faces(font));
    expect(first.faces(font, 100, 1000, read)).toEqual(faces(font));
    expect(reads).toHaveLength(1);
    first.save();
    const next = new FaceNameCache(file); // a later run
    expect(next.faces(font, 100, 1000, read)).toEqual(faces(font));
    expect(reads).toHaveLength(1);
    expect(next.faces(font, 100, 2000, read)).toEqual(faces(font));
    expect(next.faces(font, 101, 2000, read)).toEqual(faces(font));
    expect(reads).toHaveLength(3);
  });

  it('forgets files that are gone from a folder, and only those', () => {
    const file = join(dir, 'cache2', 'names.json');
    const c = new FaceNameCache(file);
    const other = join(dir, 'elsewhere', 'b.ttf');
    c.faces(font, 1, 1, faces);
    c.faces(other, 1, 1, faces);
    c.forget(join(dir, 'fonts'), new Set());
    c.save();
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { files: object }).files)).toEqual([other]);
  });

  it('reads the files again when the cache is damaged, names another file, or cannot be written', () => {
    const reads: string[] = [];
    const read = (p: string) => (reads.push(p), faces(p));
    for (const text of ['{not json', JSON.stringify({ files: { [font]: { size: 1, mtimeMs: 1, faces: faces('/elsewhere.ttf') } } })]) {
      writeFileSync(join(dir, 'cache3.txt'), text);
      expect(new FaceNameCache(join(dir, 'cache3.txt')).faces(font, 1, 1, read)).toEqual(faces(font));
    }
    expect(reads).toHaveLength(2);
    writeFileSync(join(dir, 'blocker'), '');
    const unwritable = new FaceNameCache(join(dir, 'blocker', 'names.json')); // a folder where a file is
    unwritable.faces(font, 1, 1, faces);
    expect(() => unwritable.save()).not.toThrow();
  });

  it('lives in the user’s cache folder unless NIANBAO_CACHE_DIR says otherwise', () => {
    expect(cacheDir({ NIANBAO_CACHE_DIR: '/x/y' })).toBe('/x/y');
    if (process.platform === 'linux') {
      expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/nianbao');
      expect(cacheDir({})).toMatch(/\/\.cache\/nianbao$/);
    }
  });
});
