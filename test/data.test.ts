import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/pipeline.js';

/** Issue 2 §6: the examples in data/ check clean; the 2021-edition ones exercise every table. */
const files = readdirSync('data').filter((f) => f.endsWith('.yaml')).map((f) => `data/${f}`);
const load = (file: string, previous?: ReturnType<typeof checkText>) => checkText(readFileSync(file, 'utf8'), file, previous);

describe('data/', () => {
  it('holds the five seeds and at least two 2021-edition examples', () => {
    const reports = files.map((f) => load(f).report!);
    expect(reports.filter((r) => r.edition === '2019').length).toBeGreaterThanOrEqual(5);
    expect(reports.filter((r) => r.edition === '2021').length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s has no errors', (file) => {
    expect(load(file).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each(files.filter((f) => load(f).report!.edition === '2021'))('%s has non-zero figures in every table and several applicant columns', (file) => {
    const report = load(file).report!;
    for (const table of ['proactive', 'applications', 'review']) {
      const figures = Object.entries(report.rows).filter(([k]) => k.startsWith(`${table}.`)).flatMap(([, r]) => r.cells);
      expect(figures.some((f) => (f.value ?? 0) > 0), table).toBe(true);
    }
    const received = report.rows['applications.newlyReceived']!.cells.slice(0, 6);
    expect(received.filter((f) => (f.value ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('the two years of 江州市生态环境局 carry over cleanly (X1–X3 quiet)', () => {
    const previous = load('data/jiangzhou-sthjj-2021.yaml');
    const current = load('data/jiangzhou-sthjj-2022.yaml', previous);
    expect(current.diagnostics.filter((d) => d.code.startsWith('crossyear/'))).toEqual([]);
  });
});
