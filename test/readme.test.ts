import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../src/check/codes.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('lists every rule code', () => {
    expect(Object.keys(RULE_CODES).filter((c) => !readme.includes(`\`${c}\``))).toEqual([]);
  });
  it('gives the test command that CI runs', () => {
    expect(readme).toContain('npm test');
    expect(readFileSync(join(import.meta.dirname, '..', '.ci', 'run'), 'utf8')).toMatch(/^npm test\b/m);
  });
});
