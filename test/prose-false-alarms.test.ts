import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../src/import/index.js';
import { checkText } from '../src/pipeline.js';

/**
 * No false alarms (issue 15): every example in data/, every seed imported and checked, every
 * import fixture gets no prose warning and no new warning. The warnings each file had before the
 * prose rules (unrelated to prose: a local label, 2019 plausibility) are listed; nothing else may
 * appear. The prose of these files is read (see src/check/phrases/figures.test.ts for what is
 * read from them) and agrees with their tables.
 */
const KNOWN: Record<string, string[]> = {
  'shizhongqu-kjj-2020.yaml': ['plausibility/published-exceeds-made'],
  'taicang-kjj-2020.yaml': ['format/label-changed'],
  '000_3d5c770940331c82.txt': ['plausibility/published-exceeds-made'],
  '001_dfabd5f7c7b088c2.txt': ['format/label-changed'],
  'guanzhou-2022.html': ['format/label-changed'],
  'late-2019-tables-2021.txt': ['format/edition-year', 'plausibility/published-exceeds-made'],
  'shijianju-2021.docx': ['format/label-changed'],
};
const unexpected = (file: string, codes: string[]) => codes.filter((c) => c.startsWith('prose/') || c === 'schema/dash-cell' || !(KNOWN[file] ?? []).includes(c));

const root = new URL('../', import.meta.url);
const list = (dir: string, skip: RegExp) => readdirSync(new URL(dir, root)).filter((f) => !skip.test(f));

describe('no false alarms from the prose rules', () => {
  it.each(list('data/', /^(?!.*\.yaml$)/))('data/%s', (file) => {
    const c = checkText(readFileSync(new URL(`data/${file}`, root), 'utf8'), file);
    expect(unexpected(file, c.diagnostics.map((d) => d.code))).toEqual([]);
  });
  it.each([...list('test/fixtures/seeds/', /\.md$/).map((f) => `seeds/${f}`), ...list('test/fixtures/import/', /\.(py|md)$/).map((f) => `import/${f}`)])('%s imported and checked', (path) => {
    const file = path.split('/')[1]!;
    const result = importReport(readFileSync(new URL(`test/fixtures/${path}`, root)), file);
    expect(unexpected(file, result.diagnostics.map((d) => d.code))).toEqual([]);
  });
});
