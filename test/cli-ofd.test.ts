import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ofdParts, validateOfd } from './support/ofd.js';
import { reportYaml } from './support/reports.js';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-ofdcli-'));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [bin, ...args], { encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('nianbao render --ofd', () => {
  it('is in render --help', async () => {
    const r = await cli(['render', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--ofd');
    expect(r.stdout).toContain('GB/T 33190');
  });

  it('writes <机关>-<年度>.ofd beside the PDF in one batch with the worker pool, the same bytes as --jobs 1', async () => {
    const files = ['a', 'b'].map((n, i) => {
      const f = join(dir, `${n}.yaml`);
      writeFileSync(f, reportYaml('2021', [[['agency'], `某某县${['科学技术局', '教育局'][i]}`]]));
      return f;
    });
    const pooled = join(dir, 'pooled');
    const r = await cli(['render', ...files, '--pdf', '--ofd', '--jobs', '2', '-o', pooled, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { rendered: number; written: number };
    expect(summary.written).toBe(4);
    const names = readdirSync(pooled).sort();
    expect(names).toEqual(['某某县教育局-2021.ofd', '某某县教育局-2021.pdf', '某某县科学技术局-2021.ofd', '某某县科学技术局-2021.pdf']);
    const ofd = readFileSync(join(pooled, '某某县科学技术局-2021.ofd'));
    expect(validateOfd(ofdParts(ofd)).failures).toEqual([]);
    const single = join(dir, 'single');
    expect((await cli(['render', files[0]!, '--ofd', '--jobs', '1', '-o', single])).code).toBe(0);
    expect(readdirSync(single)).toEqual(['某某县科学技术局-2021.ofd']);
    expect(readFileSync(join(single, '某某县科学技术局-2021.ofd')).equals(ofd)).toBe(true);
  });

  it('reports a character the fonts lack once, though both the PDF and the OFD are set from the layout that found it', async () => {
    const f = join(dir, 'd.yaml');
    writeFileSync(f, reportYaml('2021', [[['problems'], ['人员不足𠀀，仍须加强。']]]));
    const r = await cli(['render', f, '--pdf', '--ofd', '--jobs', '1', '-o', join(dir, 'missing')]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/\[font\/missing-glyph\]/g)).toHaveLength(1);
  });

  it('is not among the formats written when none is chosen', async () => {
    const f = join(dir, 'c.yaml');
    writeFileSync(f, reportYaml('2021'));
    const out = join(dir, 'all');
    expect((await cli(['render', f, '--jobs', '1', '-o', out])).code).toBe(0);
    expect(readdirSync(out).map((n) => n.split('.').pop()).sort()).toEqual(['docx', 'html', 'pdf']);
  });
});
