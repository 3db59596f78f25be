import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, FAKE_RENDERERS, listing, reportFor, tempDir, writeInputs } from './support/batch.js';

/** The CLI as users run it, with the fake renderers; stderr is collected as it comes. */
function start(args: string[], cwd: string, env: Record<string, string> = {}): ChildProcess & { stderr_: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'render', ...args], { cwd, env: { ...process.env, NIANBAO_TEST_RENDERERS: FAKE_RENDERERS, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return Object.assign(child, { stderr_: () => err, exited });
}

async function until(what: string, cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('render CLI: nothing lost when killed', () => {
  it('SIGKILL in the middle of writing leaves the previous output whole; the next run cleans the temp file', async () => {
    const dir = tempDir('kill');
    const [a] = writeInputs(dir, { 'a.yaml': reportFor('某某局') });
    const first = start(['a.yaml', '-o', 'out', '--pdf'], dir);
    expect(await first.exited).toBe(0);
    const before = readFileSync(join(dir, 'out', '某某局-2021.pdf'));

    writeFileSync(a!, reportFor('某某局').replace('已完成', '第二版'));
    const killed = start(['a.yaml', '-o', 'out', '--pdf'], dir, { NIANBAO_TEST_SLOW_WRITE: '20000' });
    children.push(killed);
    const temps = () => readdirSync(join(dir, 'out')).filter((n) => n.endsWith('.tmp'));
    await until('the temp file', () => temps().length > 0);
    killed.kill('SIGKILL');
    await killed.exited;

    expect(readFileSync(join(dir, 'out', '某某局-2021.pdf'))).toEqual(before);
    expect(Object.keys(listing(join(dir, 'out')))).toEqual(['某某局-2021.pdf']); // the temp file is a hidden dot-file
    expect(temps()[0]).toMatch(/^\.某某局-2021\.pdf\.\d+\.[0-9a-f]{12}\.tmp$/);

    const again = start(['a.yaml', '-o', 'out', '--pdf'], dir);
    expect(await again.exited).toBe(0);
    expect(temps()).toEqual([]);
    expect(readFileSync(join(dir, 'out', '某某局-2021.pdf'), 'utf8')).toContain('第二版');
  });

  it('SIGKILL during a slow render leaves earlier outputs and no temp file', async () => {
    const dir = tempDir('kill-render');
    writeInputs(dir, { 'a.yaml': reportFor('某某局'), 'b.yaml': reportFor('SLOW局') });
    expect(await start(['a.yaml', 'b.yaml', '-o', 'out', '--html', '--jobs', '1'], dir, { NIANBAO_FAKE_SLOW_MS: '0' }).exited).toBe(0);
    const before = listing(join(dir, 'out'));
    const slow = start(['a.yaml', 'b.yaml', '-o', 'out', '--html', '--jobs', '1'], dir, { NIANBAO_FAKE_SLOW_MS: '20000' });
    children.push(slow);
    await until('a.yaml done', () => slow.stderr_().includes('✓ a.yaml'));
    slow.kill('SIGKILL');
    await slow.exited;
    expect(listing(join(dir, 'out'))).toEqual(before);
    expect(readdirSync(join(dir, 'out')).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('render CLI: arguments', () => {
  it('expands a quoted recursive glob itself and exits 2 on usage errors', async () => {
    const dir = tempDir('cli-glob');
    writeInputs(join(dir, 'data', 'x'), { 'a.yaml': reportFor('甲局') });
    writeInputs(join(dir, 'data'), { 'b.yaml': reportFor('乙局') });
    const ok = start(['data/**/*.yaml', '-o', 'out', '--docx'], dir);
    expect(await ok.exited).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['乙局-2021.docx', '甲局-2021.docx']);
    for (const bad of [['data/*.yaml', '--jobs', '0'], [], ['data/b.yaml', '--bogus'], ['data/b.yaml', '--pdfa-level', '3'], ['-']]) {
      const r = start(bad, dir);
      expect(await r.exited, bad.join(' ')).toBe(2);
      expect(r.stderr_()).toMatch(/^用法错误：/);
    }
  });
});

describe('render --watch', () => {
  it('re-renders on a valid save; an invalid save prints diagnostics and keeps the last good output', async () => {
    const dir = tempDir('watch');
    const [a] = writeInputs(dir, { 'a.yaml': reportFor('某某局') });
    const out = join(dir, 'out', '某某局-2021.html');
    const watcher = start(['a.yaml', '-o', 'out', '--html', '--watch'], dir);
    children.push(watcher);
    await until('watching', () => watcher.stderr_().includes('正在监视 1 个文件'));

    writeFileSync(a!, reportFor('某某局').replace('已完成', '保存后的新内容'));
    await until('re-render', () => readFileSync(out, 'utf8').includes('保存后的新内容'));
    const good = readFileSync(out, 'utf8');

    writeFileSync(a!, reportFor('某某局').replace(/newlyReceived: \[[^\]]*\]/, 'newlyReceived: [1, 0, 0, 0, 0, 0, 9]'));
    await until('diagnostics', () => /a\.yaml:\d+:\d+ 错误 .*\[identity\/row-total\]/.test(watcher.stderr_()));
    await until('the failed line', () => watcher.stderr_().includes('✗ a.yaml'));
    expect(readFileSync(out, 'utf8')).toBe(good);

    writeFileSync(a!, reportFor('某某局').replace('已完成', '修好了'));
    await until('recovery', () => readFileSync(out, 'utf8').includes('修好了'));
    watcher.kill('SIGTERM');
    expect(await watcher.exited).toBe(0);
    expect(watcher.stderr_()).not.toMatch(/at .*\.js:\d+/);
  });

  it('renders a YAML file created later in a watched folder when the inputs match it, and no other', async () => {
    const dir = tempDir('watch-new');
    writeInputs(dir, { 'a.yaml': reportFor('某某局') });
    const watcher = start(['*.yaml', '-o', 'out', '--html', '--watch'], dir);
    children.push(watcher);
    await until('watching', () => watcher.stderr_().includes('正在监视 1 个文件'));

    writeInputs(dir, { 'b.yaml': reportFor('新来的局'), 'notes.txt': 'x', '.hidden.yaml': reportFor('隐藏局') });
    await until('the new file rendered', () => existsSync(join(dir, 'out', '新来的局-2021.html')));
    writeFileSync(join(dir, 'b.yaml'), reportFor('新来的局').replace('已完成', '又改了'));
    await until('the new file re-rendered on save', () => readFileSync(join(dir, 'out', '新来的局-2021.html'), 'utf8').includes('又改了'));
    expect(existsSync(join(dir, 'out', '隐藏局-2021.html'))).toBe(false);
    watcher.kill('SIGTERM');
    expect(await watcher.exited).toBe(0);
  });
});
