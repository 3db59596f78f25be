import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The bundled CLI (src/build/bundleCli.ts, issue 18): dist/cli/main.js and dist/cli/worker.js load
 * one bundle beside them, dist/cli/nianbao.cjs, through the code cache (cli/codeCache.ts), and what
 * it starts or serves at run time resolves from dist/cli/ as before.
 */
const dist = (p: string) => new URL(`../dist/${p}`, import.meta.url);

describe('the bundled CLI entry', () => {
  it.each(['cli/main.js', 'cli/worker.js'])('%s loads the bundle through the code cache, and the bundle none of the unbundled modules of dist/', (entry) => {
    const stub = readFileSync(dist(entry), 'utf8');
    expect([...stub.matchAll(/from\s*'([^']+)'/g)].map((m) => m[1])).toEqual(['./codeCache.js']);
    const { hash } = JSON.parse(readFileSync(dist('cli/bundle.json'), 'utf8')) as { hash: string };
    expect(stub).toContain(`new URL('./nianbao.cjs', import.meta.url), '${hash}'`);
    const bundle = readFileSync(dist('cli/nianbao.cjs'), 'utf8');
    expect(bundle).not.toMatch(/require\(\s*["']\.{1,2}\//);
    expect(bundle).not.toMatch(/import\(\s*["']\.{1,2}\//);
  });

  it('is the bin as a program: executable, with its #! line (`npx nianbao` in a fresh clone runs the file itself)', () => {
    expect(statSync(dist('cli/main.js')).mode & 0o111).toBe(0o111);
    expect(readFileSync(dist('cli/main.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(execFileSync(fileURLToPath(dist('cli/main.js')), ['--version']).toString('utf8').trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('finds the worker, the renderers registry and the editor assets where the unbundled modules do', async () => {
    const { DEFAULT_WORKER_URL } = (await import(dist('cli/batch/pool.js').href)) as { DEFAULT_WORKER_URL: URL };
    const { DEFAULT_RENDERERS_MODULE } = (await import(dist('cli/batch/renderers.js').href)) as { DEFAULT_RENDERERS_MODULE: string };
    const { CLI_DIR } = (await import(dist('cli/dir.js').href)) as { CLI_DIR: URL };
    expect(fileURLToPath(CLI_DIR)).toBe(fileURLToPath(dist('cli/')));
    for (const u of [DEFAULT_WORKER_URL, new URL(DEFAULT_RENDERERS_MODULE), new URL('../editor/app.js', CLI_DIR)]) expect(existsSync(u)).toBe(true);
  });

  it('renders PDF/A with pdfkit bundled: the sRGB profile pdfkit reads beside its code is beside the bundle', () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-bundle-pdfa-'));
    execFileSync(process.execPath, [fileURLToPath(dist('cli/main.js')), 'render', fileURLToPath(new URL('../data/daxing-kw-2020.yaml', import.meta.url)), '--pdf', '--pdfa', '-o', out], { stdio: 'pipe' });
    const pdf = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.pdf'))!)).toString('latin1');
    expect(pdf).toMatch(/\/OutputIntents/);
    expect(pdf).toMatch(/\/DestOutputProfile/);
  });

  it('bundles pdfkit and fontkit, and leaves out what they import for encryption, line breaking, PNG images and WOFF2 fonts', () => {
    const code = readFileSync(dist('cli/nianbao.cjs'), 'utf8');
    expect(code).not.toMatch(/require\(\s*['"](pdfkit|fontkit)['"]\s*\)/);
    const bundle = JSON.parse(readFileSync(dist('cli/bundle.json'), 'utf8')) as { packages: string[]; substituted: string[] };
    expect(bundle.packages).toEqual(expect.arrayContaining(['pdfkit', 'fontkit', 'restructure', 'zod', 'yaml']));
    expect(bundle.substituted).toEqual(['../importModule.js', '@noble/ciphers/aes', 'brotli/decompress.js', 'linebreak', 'png-js', 'source-map', 'tiny-inflate']);
    for (const left of ['linebreak', 'png-js', '@noble/ciphers', 'brotli', 'tiny-inflate', 'source-map']) expect(bundle.packages).not.toContain(left);
  });
});
