import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, composeChecked } from '../src/pipeline.js';
import { documentTokens, expectedTokens, SEEDS, tokenLines } from './support/seedText.js';

/**
 * Issue 2 / design.md "Tests": each seed, composed from its YAML in data/, gives back its own
 * text — every prose paragraph, label and figure, in order — apart from documented normalisations.
 */
describe.each(SEEDS.filter((s) => existsSync(s.data)))('seed $id ($data)', (seed) => {
  const checked = checkText(readFileSync(seed.data, 'utf8'), seed.data);

  it('checks without errors', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('composes to the seed text, token by token', () => {
    const doc = composeChecked(checked)!;
    expect(tokenLines(documentTokens(doc), seed.added)).toEqual(tokenLines(expectedTokens(seed)));
  });
});
