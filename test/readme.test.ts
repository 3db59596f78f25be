import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../src/check/codes.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('lists every rule code', () => {
    expect(Object.keys(RULE_CODES).filter((c) => !readme.includes(`\`${c}\``))).toEqual([]);
  });
  it('quick start renders a real example in every format (the first command, run as written but into a temp folder)', () => {
    const line = readme.split('\n').find((l) => l.startsWith('npm install && npx nianbao render '))!;
    const file = /render (\S+\.yaml)/.exec(line)![1]!;
    const out = mkdtempSync(join(tmpdir(), 'nianbao-readme-'));
    execFileSync(process.execPath, ['dist/cli/main.js', 'render', file, '-o', out], { stdio: 'pipe' });
    expect(readdirSync(out).map((f) => f.split('.').at(-1)).sort()).toEqual(['docx', 'html', 'pdf']);
  }, 60_000);

  it('gives the test command that CI runs', () => {
    expect(readme).toContain('npm test');
    expect(readFileSync(join(import.meta.dirname, '..', '.ci', 'run'), 'utf8')).toMatch(/^npm test\b/m);
  });
});
