import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE_RENDERERS } from './support/batch.js';

/**
 * The CLI's compiled code kept between runs (src/cli/codeCache.ts, issue 18): saved by the first
 * run of a command, taken by V8 in the next, never in the way of a run.
 */
const dist = (p: string) => new URL(`../dist/${p}`, import.meta.url);
const BIN = fileURLToPath(dist('cli/main.js'));
const SEED = fileURLToPath(new URL('../data/daxing-kw-2020.yaml', import.meta.url));
const { hash } = JSON.parse(readFileSync(dist('cli/bundle.json'), 'utf8')) as { hash: string };

const fresh = (name: string) => mkdtempSync(join(tmpdir(), `nianbao-codecache-${name}-`));
const saved = (cache: string) => {
  try {
    return readdirSync(join(cache, 'code')).sort();
  } catch {
    return [];
  }
};

/** Loads the bundle in a child process as `role`, without running it; prints whether V8 took the saved code. */
function load(cache: string, role: string, env: NodeJS.ProcessEnv = {}): boolean {
  const script = `import(${JSON.stringify(dist('cli/codeCache.js').href)}).then((m) => { const l = m.loadBundle(new URL(${JSON.stringify(dist('cli/nianbao.cjs').href)}), ${JSON.stringify(hash)}, ${JSON.stringify(role)}); l.saveCode(); process.stdout.write(String(l.fromCache)); });`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, NIANBAO_CACHE_DIR: cache, ...env } }).toString() === 'true';
}

describe('the CLI’s code cache', () => {
  it('is saved by the first run of a command and taken by the next; a short render (no optimising compiler) included', () => {
    const cache = fresh('render');
    const out = fresh('out');
    const render = (dir: string) => execFileSync(process.execPath, [BIN, 'render', SEED, '--pdf', '-o', join(out, dir)], { env: { ...process.env, NIANBAO_CACHE_DIR: cache }, stdio: 'pipe' });
    render('a');
    const files = saved(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${hash}-\\d+-${process.version}-${process.arch}-main-render-one\\.bin$`));
    const first = statSync(join(cache, 'code', files[0]!)).mtimeMs;
    render('b');
    // Taken, not compiled again and saved over: V8 refuses code saved under other flags.
    expect(statSync(join(cache, 'code', files[0]!)).mtimeMs).toBe(first);
    const pdf = (dir: string) => readFileSync(join(out, dir, readdirSync(join(out, dir))[0]!));
    expect(pdf('b').equals(pdf('a'))).toBe(true);
  });

  it('imports a module named at run time (a renderers registry) with its code from the cache, in the process and in the pool', () => {
    const cache = fresh('import');
    const out = fresh('import-out');
    const env = { ...process.env, NIANBAO_CACHE_DIR: cache, NIANBAO_TEST_RENDERERS: FAKE_RENDERERS };
    const two = [SEED, fileURLToPath(new URL('../data/jiangzhou-sthjj-2021.yaml', import.meta.url))];
    for (const round of ['first', 'cached']) {
      for (const inputs of [[SEED], two]) {
        const r = spawnSync(process.execPath, [BIN, 'render', ...inputs, '--docx', '-o', join(out, `${round}-${inputs.length}`)], { env });
        expect(r.status, `${round}: ${r.stderr.toString()}`).toBe(0);
        expect(r.stderr.toString()).not.toMatch(/Warning|import callback/);
        expect(readdirSync(join(out, `${round}-${inputs.length}`))).toHaveLength(inputs.length);
      }
    }
    expect(saved(cache).map((f) => f.replace(/^.*-/, ''))).toEqual(['one.bin', 'render.bin', 'worker.bin']);
  });

  it('keeps code per role, and compiles again over a damaged file', () => {
    const cache = fresh('roles');
    expect(load(cache, 'main-check')).toBe(false);
    expect(load(cache, 'main-check')).toBe(true);
    expect(load(cache, 'worker')).toBe(false);
    expect(saved(cache).map((f) => f.replace(/^.*-/, ''))).toEqual(['check.bin', 'worker.bin']);
    const damaged = join(cache, 'code', saved(cache)[0]!);
    writeFileSync(damaged, Buffer.alloc(4096, 7));
    expect(load(cache, 'main-check')).toBe(false);
    expect(load(cache, 'main-check')).toBe(true); // saved again
  });

  it('a bin whose bundle is missing says so in Chinese, exit 70, no stack trace', () => {
    const dir = fresh('broken');
    const stub = join(dir, 'main.js');
    writeFileSync(stub, readFileSync(BIN, 'utf8').replace("from './codeCache.js'", `from ${JSON.stringify(dist('cli/codeCache.js').href)}`));
    const r = spawnSync(process.execPath, [stub, '--version']);
    expect(r.status).toBe(70);
    expect(r.stderr.toString()).toMatch(/^内部错误：.*nianbao\.cjs（ENOENT）/);
    expect(r.stderr.toString()).not.toMatch(/\n\s+at /);
  });

  it('is only a help: an unwritable cache folder, or NIANBAO_CODE_CACHE=0, runs as without it', () => {
    const blocked = join(fresh('blocked'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    expect(load(blocked, 'main-render')).toBe(false);
    expect(execFileSync(process.execPath, [BIN, '--version'], { env: { ...process.env, NIANBAO_CACHE_DIR: blocked } }).toString().trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const off = fresh('off');
    expect(load(off, 'main-render', { NIANBAO_CODE_CACHE: '0' })).toBe(false);
    expect(saved(off)).toEqual([]);
  });
});
