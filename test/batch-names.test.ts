import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanStaleTemps, realFs, writeAtomic, type AtomicFs } from '../src/cli/batch/atomic.js';
import { expandInputs } from '../src/cli/inputs.js';
import { MAX_STEM_BYTES, outputStem, StemRegistry, uniqueStems } from '../src/cli/output.js';
import { tempDir } from './support/batch.js';

const HOSTILE = [
  '../../etc/passwd',
  '某某局/办公室\\科室',
  '..',
  '.hidden局',
  '某某\u0000局\u0007\u001b[31m红\u007f',
  '\u202e局某某\u202c\u200f\u2066隔离\u2069',
  '某'.repeat(300),
  'CON',
  '某局. . ',
  'a:b*c?d"e<f>g|h',
  '',
];

describe('output names (issue 5 nothing lost, issue 7 hostile names)', () => {
  it.each(HOSTILE)('%j gives one safe, bounded file name', (agency) => {
    const stem = outputStem(agency, 2021);
    expect(stem).toMatch(/-2021$/);
    expect(stem).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(stem.startsWith('.')).toBe(false);
    expect(stem).not.toContain('..');
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES + 5);
    // With the longest extension and a temp-file wrapper it still fits a 255-byte file name.
    expect(Buffer.byteLength(`.${stem}.fragment.html.4194304.abcdefabcdef.tmp`)).toBeLessThanOrEqual(255);
    expect(stem.split('-2021')[0]).not.toMatch(/^(con|prn|aux|nul)$/i);
  });

  it('the 300-character name is cut on a character boundary, not in the middle of one', () => {
    const stem = outputStem('𠀀'.repeat(300), 2021);
    expect(stem.replace(/-2021$/, '')).toMatch(/^(𠀀)+$/u);
  });

  it('collisions get -2, -3 in input order, case-insensitively, never colliding with a real name', () => {
    expect(uniqueStems(['a-2021', 'a-2021', 'b-2021', 'a-2021'])).toEqual(['a-2021', 'a-2021-2', 'b-2021', 'a-2021-3']);
    expect(uniqueStems(['a-2021', 'a-2021-2', 'a-2021'])).toEqual(['a-2021', 'a-2021-2', 'a-2021-3']);
    expect(uniqueStems(['Ab-2021', 'aB-2021'])).toEqual(['Ab-2021', 'aB-2021-2']);
  });

  it('watch keeps a file its name while agency and year stay, and frees it when they change', () => {
    const r = new StemRegistry();
    expect(r.take('x.yaml', 'a-2021')).toBe('a-2021');
    expect(r.take('y.yaml', 'a-2021')).toBe('a-2021-2');
    expect(r.take('y.yaml', 'a-2021')).toBe('a-2021-2');
    expect(r.take('x.yaml', 'b-2021')).toBe('b-2021');
    expect(r.take('z.yaml', 'a-2021')).toBe('a-2021');
  });
});

describe('atomic writes', () => {
  it('a write that fails half-way (disk full) leaves the previous file and no temp file', async () => {
    const dir = tempDir('atomic');
    await writeAtomic(dir, 'r.pdf', new TextEncoder().encode('old good output'));
    const full: AtomicFs = {
      ...realFs,
      open: (async (path: string, flags: string) => {
        const fh = await fsp.open(path, flags);
        return Object.assign(Object.create(fh) as fsp.FileHandle, {
          writeFile: async (data: Uint8Array) => {
            await fh.write(data, 0, Math.floor(data.length / 2));
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          },
          close: () => fh.close(),
        });
      }) as AtomicFs['open'],
    };
    await expect(writeAtomic(dir, 'r.pdf', new Uint8Array(1000).fill(65), full)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(join(dir, 'r.pdf'), 'utf8')).toBe('old good output');
    expect(readdirSync(dir)).toEqual(['r.pdf']);
  });

  it('stale temp files of dead or day-old runs are cleaned; a live run’s are kept', async () => {
    const dir = tempDir('stale');
    const dead = join(dir, '.a-2021.pdf.999999999.0123456789ab.tmp');
    const live = join(dir, `.a-2021.docx.${process.pid}.0123456789ab.tmp`);
    const oldLive = join(dir, `.b-2021.docx.${process.pid}.0123456789ab.tmp`);
    const other = join(dir, '.keep-me.tmp');
    for (const p of [dead, live, oldLive, other]) writeFileSync(p, 'x');
    utimesSync(oldLive, new Date(Date.now() - 2 * 86400e3), new Date(Date.now() - 2 * 86400e3));
    expect(await cleanStaleTemps(dir)).toBe(2);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(oldLive)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});

describe('input expansion', () => {
  const dir = tempDir('glob');
  for (const f of ['a.yaml', 'sub/b.yaml', 'sub/deep/c.yml', 'sub/.hidden.yaml', 'notes.txt', '报告[2021].yaml']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '');
  }

  it('expands quoted globs itself, recursively, in a stable order, without dot-files', async () => {
    expect((await expandInputs(['**/*.{yaml,yml}'], dir)).files).toEqual(['a.yaml', 'sub/b.yaml', 'sub/deep/c.yml', '报告[2021].yaml']);
    expect((await expandInputs([`${dir}/sub/**/*.y*ml`])).files).toEqual([join(dir, 'sub/b.yaml'), join(dir, 'sub/deep/c.yml')]);
    expect((await expandInputs(['../*.yaml'], join(dir, 'sub'))).files).toEqual(['../a.yaml', '../报告[2021].yaml']);
  });

  it('takes existing names literally, folders as their YAML files, keeps missing files and unmatched patterns in order, dedupes', async () => {
    const r = await expandInputs(['报告[2021].yaml', 'sub', 'missing.yaml', 'a.yaml', './a.yaml', 'nope/*.yaml', '-', '-'], dir);
    expect(r.files).toEqual(['报告[2021].yaml', 'sub/b.yaml', 'missing.yaml', 'a.yaml', 'nope/*.yaml', '-']);
    expect(r.unmatched).toEqual(['nope/*.yaml']);
  });
});
