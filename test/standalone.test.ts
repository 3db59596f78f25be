import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/**
 * The repository stands alone: a fresh clone with nothing beside it installs, renders and passes
 * its tests (.ci/run runs the suite in such a clone). No test, script, benchmark or README command
 * may reach for the project's shared material outside the repository.
 */
describe('the repository stands alone', () => {
  it('no tracked code, script or README command reads ../shared', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const code = tracked.filter((f) => /\.(ts|mts|mjs|js|cjs|json|sh|py)$/.test(f) || f === '.ci/run' || f === 'README.md');
    const outside = /\.\.\/+shared\b|\/work\/shared|['"`]shared['"`]\s*,\s*['"`](seeds|real|spec|peers|ofd-schema)/;
    const offenders = code.filter((f) => f !== 'test/standalone.test.ts' && outside.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('CI runs the README test command in a fresh clone in an empty folder', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/git clone/);
    expect(ci).toMatch(/^\s*npm test\b/m);
  });
});
