import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../support/runCli.js';

const seeds = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const seed = `${seeds}${readdirSync(seeds).find((f) => f.startsWith('002'))!}`;

describe('nianbao import (CLI)', () => {
  it('writes the YAML to stdout, the check summary to stderr, exit 0', async () => {
    const r = await runCli(['import', seed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# yaml-language-server/);
    expect(r.stdout).toContain('agency: "西塞山区科学技术和经济信息化局"');
    expect(r.stderr).toMatch(/导入完成：.*2019年版式，2020年度/);
  });

  it('an unreadable input is a Chinese error with exit 1, never a stack trace', async () => {
    for (const [name, bytes] of [
      ['old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1])],
      ['x.docx', new TextEncoder().encode('not a zip')],
      ['empty.txt', new Uint8Array()],
    ] as const) {
      const r = await runCli(['import', tempFile(name, bytes)]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(/错误 /);
      expect(r.stderr, name).not.toMatch(/at \w+ \(/);
    }
    expect((await runCli(['import', '/nonexistent/a.docx'])).stderr).toContain('文件不存在');
    expect((await runCli(['import'])).code).toBe(2);
  });
});
