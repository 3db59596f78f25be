import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../src/check/codes.js';
import { checkBytes } from '../src/pipeline.js';

const dir = join(import.meta.dirname, 'fixtures', 'broken');
const EXPECTED: Record<string, string> = {
  'a1-unbalanced': 'identity/received-plus-carried',
  'a2-row-total': 'identity/row-total',
  'a3-results-total': 'identity/results-total',
  'a4-review-total': 'identity/review-total',
  'a5-negative': 'schema/negative',
  'a5-fraction': 'schema/not-an-integer',
  'unknown-key': 'schema/unknown-key',
  'missing-section': 'schema/missing',
  'prose-mismatch': 'prose/received-mismatch',
  'edition-year': 'format/edition-year',
  'fee-notice': 'plausibility/fee-notice-missing',
  placeholder: 'template/unknown-placeholder',
  'date-impossible': 'schema/bad-format',
  'date-february-30': 'schema/bad-format',
  'date-unpadded': 'schema/bad-format',
  'row-not-a-list': 'schema/wrong-type',
  'title-empty-list': 'schema/empty',
  'tag-binary': 'yaml/unsupported-tag',
  'tag-js-function': 'yaml/unsupported-tag',
  'tag-custom': 'yaml/unsupported-tag',
  'duplicate-key': 'yaml/duplicate-key',
  syntax: 'yaml/syntax',
};

describe('broken fixtures (test/fixtures/broken) each trip their rule', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  it('every fixture has an expectation', () => {
    expect(files.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const f of files) {
    it(f, () => {
      const c = checkBytes(readFileSync(join(dir, f)), f);
      expect(c.diagnostics.map((d) => d.code)).toContain(EXPECTED[f.replace(/\.yaml$/, '')]);
      for (const d of c.diagnostics) expect(d.line).toBeGreaterThan(0);
    });
  }
});

/**
 * What a clerk reads is Chinese: no Latin word in a message except the quoted input (“…”),
 * placeholders ({{…}}), YAML paths (fees.noticesIssued) and the file name; no empty slot left
 * by a missing value.
 */
export function messageProblems(message: string, file: string): string[] {
  const rest = message
    .replaceAll(file, '')
    .replace(/“[^”]*”/g, '“”')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+/g, 'path');
  const problems: string[] = [];
  const latin = rest.replace(/path/g, '').match(/[A-Za-z]{2,}/g);
  if (latin) problems.push(`Latin words ${latin.join(', ')}`);
  if (/（\s*）|\(\s*\)/.test(rest)) problems.push('empty （）');
  if (/ {2}/.test(message)) problems.push('double space');
  if (/：\s*$|，\s*$/.test(message)) problems.push('ends on a separator');
  return problems;
}

describe('messages are plain Chinese', () => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    it(f, () => {
      const c = checkBytes(readFileSync(join(dir, f)), f);
      expect(c.diagnostics.length).toBeGreaterThan(0);
      for (const d of c.diagnostics) expect(messageProblems(d.message, f), d.message).toEqual([]);
    });
  }
  it('the checker catches what it is meant to catch', () => {
    expect(messageProblems('应为tuple，实际是0', 'x.yaml')).toEqual(['Latin words tuple']);
    expect(messageProblems('标题：应填  个数字（），实际 0 个', 'x.yaml')).toEqual(['empty （）', 'double space']);
    expect(messageProblems('机关全称：实际是“abc”', 'x.yaml')).toEqual([]);
  });
});

describe('rule catalogue', () => {
  it('every rule code the checker reports is exercised by a test', () => {
    const root = join(import.meta.dirname, '..');
    const testSources = [
      ...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts')).map((f) => join(root, 'src', f)),
      ...readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts')).map((f) => join(root, 'test', f)),
    ]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // schema/invalid is the catch-all for zod issue kinds this schema cannot produce.
    const untested = Object.keys(RULE_CODES).filter((code) => code !== 'schema/invalid' && !testSources.includes(code));
    expect(untested).toEqual([]);
  });

  it('the source emits no code missing from the catalogue', () => {
    const root = join(import.meta.dirname, '..', 'src');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('render') && !f.startsWith('model'))
      .map((f) => readFileSync(join(root, f), 'utf8'))
      .join('\n');
    const emitted = new Set([...sources.matchAll(/'((?:identity|schema|yaml|input|template|format|plausibility|prose|crossyear)\/[a-z0-9-]+)'/g)].map((m) => m[1]!));
    expect([...emitted].filter((c) => !(c in RULE_CODES))).toEqual([]);
  });
});
