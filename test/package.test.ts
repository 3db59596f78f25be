import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { tempDir } from './support/batch.js';

const root = join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The package as users get it: `npm pack`, installed with `--omit=dev` into an empty folder whose
 * path has `#`, spaces and Chinese characters, run through npm's bin symlink. Nothing of the
 * repository is beside it: no src/, no test fixtures, no dev dependencies, no build step.
 */
describe('the packed package, installed in an empty folder', () => {
  it('installs without dev dependencies and renders a real example to DOCX, PDF and HTML', () => {
    const work = tempDir('pack');
    const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    const files = execFileSync('tar', ['tzf', join(work, tarball)], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/LICENSE');
    expect(files).toContain('package/schemas/output.schema.json');
    expect(files).toContain('package/schemas/nianbao.schema.json');
    expect(files.filter((f) => /\.test\.|\/test\/|\/src\//.test(f))).toEqual([]);

    const home = join(work, '年报 工作#1', '项目');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'package.json'), '{ "name": "clerk", "private": true }');
    execFileSync(npm, ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], { cwd: home, stdio: 'pipe' });
    const bin = join(home, 'node_modules', '.bin', 'nianbao');
    expect(execFileSync(bin, ['--version'], { cwd: home, encoding: 'utf8' }).trim()).toBe(VERSION);

    const example = readFileSync(join(root, 'data', 'jiangzhou-sthjj-2021.yaml'));
    writeFileSync(join(home, 'report.yaml'), example);
    execFileSync(bin, ['render', 'report.yaml', '-o', 'out'], { cwd: home, stdio: 'pipe' });
    expect(readdirSync(join(home, 'out')).map((f) => f.split('.').at(-1)).sort()).toEqual(['docx', 'html', 'pdf']);
    const installed = execFileSync('du', ['-sm', join(home, 'node_modules')], { encoding: 'utf8' }).split('\t')[0];
    console.log(`installed size (node_modules, --omit=dev): ${installed} MB`);
  }, 300_000);
});
