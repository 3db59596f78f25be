import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { reportYaml } from './support/reports.js';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdfcli-'));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('nianbao render --pdf and nianbao fonts', () => {
  it('fonts prints every role with its face and file, marking the fallback', async () => {
    const r = await cli(['fonts']);
    expect(r.code).toBe(0);
    for (const name of ['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312', '宋体']) expect(r.stdout).toContain(name);
    expect(r.stdout).toMatch(/NotoSerifSC-Regular .*NotoSerifSC_400Regular\.ttf/);
    const json = JSON.parse((await cli(['fonts', '--json'])).stdout) as { roles: { role: string; source: string | null }[] };
    expect(json.roles.find((x) => x.role === 'body')!.source).toMatch(/fallback|system|project/);
  });

  it('render --pdf --pdfa writes the PDF; a broken font file is named in Chinese and skipped', async () => {
    const yaml = join(dir, 'r.yaml');
    writeFileSync(yaml, reportYaml('2021'));
    const broken = join(dir, 'broken.ttf');
    writeFileSync(broken, 'not a font');
    const out = join(dir, 'out');
    const r = await cli(['render', '--pdf', '--pdfa', '--font', `title=${broken}`, '-o', out, yaml]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('broken.ttf');
    expect(r.stderr).toContain('不是有效的字体文件');
    const files = readdirSync(out);
    expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(existsSync(join(out, files[0]!))).toBe(true);
  });

  it('a wrong --font or --pdfa-level is a usage error (exit 2)', async () => {
    expect((await cli(['render', '--pdf', '--font', 'nosuchrole=x.ttf', 'x.yaml'])).code).toBe(2);
    expect((await cli(['render', '--pdf', '--pdfa-level', '3u', 'x.yaml'])).code).toBe(2);
  });
});
