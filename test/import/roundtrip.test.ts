import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/index.js';
import { RENDERERS } from '../../src/render/index.js';
import { documentOf, figuresOf, proseOf, reportOf, tokens } from '../support/importCompare.js';

/**
 * Round trip through the project's own renderers: every example in data/ rendered to DOCX and
 * to HTML and imported back gives the same figures, labels and prose. Runs over whatever
 * renderers src/render/index.ts has registered, so it lights up as they land.
 */
const DATA = new URL('../../data/', import.meta.url);
const examples = readdirSync(DATA).filter((f) => f.endsWith('.yaml'));
const formats = (['docx', 'html'] as const).filter((f) => RENDERERS[f] !== undefined);

describe('render with the registered renderers and import back', () => {
  if (formats.length === 0) it.skip('no DOCX or HTML renderer registered yet', () => undefined);
  const cases = formats.flatMap((format) => examples.map((file) => [format, file] as const));
  it.each(cases)('%s: %s', async (format, file) => {
    const yaml = readFileSync(new URL(file, DATA), 'utf8');
    const source = reportOf(yaml, file);
    const doc = documentOf(yaml, file);
    const render = await RENDERERS[format]!();
    const { bytes } = await render(doc, {});
    const result = importReport(bytes, `${file}.${format}`);
    const back = reportOf(result.yaml, file);
    expect(back.edition).toBe(source.edition);
    expect(figuresOf(back)).toEqual(figuresOf(source));
    expect(back.labels).toEqual(source.labels);
    expect(tokens(documentOf(result.yaml, file))).toEqual(tokens(doc));
    expect(Object.keys(proseOf(back))).toEqual(Object.keys(proseOf(source)));
  });
});
