import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { reportYaml } from './support/reports.js';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [bin, ...args], { encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('nianbao CLI (built dist/, as users run it)', () => {
  it('check exits 0 on a clean file and 1 with a compiler-style message and caret', async () => {
    expect((await cli(['check', file('ok.yaml', reportYaml('2021'))])).code).toBe(0);
    const bad = file('bad.yaml', reportYaml('2021', [[['applications', 'newlyReceived'], [1, 0, 0, 0, 0, 0, 2]]]));
    const r = await cli(['check', bad]);
    expect(r.code).toBe(1);
    const [head, src, caret] = r.stderr.split('\n');
    expect(head).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ 错误 .*一、本年新收政府信息公开申请数量 · 总计.* \\[identity/row-total\\]$`));
    // The caret sits under the offending figure "2".
    const srcLine = src!.replace(/^\s*\d+ \| /, '');
    const caretCol = caret!.replace(/^\s*\| /, '').indexOf('^');
    expect(srcLine[caretCol]).toBe('2');
  });

  it('--json prints the diagnostics for programs', async () => {
    const bad = file('bad2.yaml', reportYaml('2019', [[['review', 'reconsideration'], [1, 0, 0, 0, 2]]]));
    const r = await cli(['check', '--json', bad]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { errors: number; files: { diagnostics: { code: string; line: number; column: number; path: unknown[] }[] }[] };
    expect(json.errors).toBe(1);
    expect(json.files[0]!.diagnostics[0]).toMatchObject({ code: 'identity/review-total', path: ['review', 'reconsideration', 4] });
  });

  it('usage errors exit 2, unknown commands exit 2, missing files exit 1', async () => {
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['check', '--nope', 'x.yaml'])).code).toBe(2);
    const missing = await cli(['check', join(dir, 'missing.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[input/unreadable]');
    expect(missing.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('init writes a complete, valid file for both editions with the schema line and Chinese comments', async () => {
    for (const year of ['2020', '2021']) {
      const r = await cli(['init', '--agency', '某某县科学技术局', '--year', year]);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=../nianbao.schema.json');
      expect(r.stdout).toContain('# 1.属于国家秘密');
      const p = file(`init-${year}.yaml`, r.stdout);
      const c = await cli(['check', '--json', p]);
      const json = JSON.parse(c.stdout) as { errors: number; files: { diagnostics: { code: string }[] }[] };
      expect(json.errors).toBe(0);
      expect(new Set(json.files[0]!.diagnostics.map((d) => d.code))).toEqual(new Set(['prose/todo']));
    }
    expect((await cli(['init', '--year', '2021'])).code).toBe(2);
  });

  it('schema prints a JSON Schema with Chinese titles for every field', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    const text = JSON.stringify(schema);
    for (const title of ['机关全称', '报告年度', '一、总体情况', '三、收到和处理政府信息公开申请情况', '信息处理费', '1.属于国家秘密', '采购总金额']) {
      expect(text).toContain(`"title":"${title}`);
    }
  });
});

describe('input that is not a file', () => {
  it('a folder where a file is needed is refused with input/is-directory', async () => {
    const r = await cli(['check', '--previous', dir, file('ok-prev.yaml', reportYaml('2021'))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[input/is-directory]');
  });
});
