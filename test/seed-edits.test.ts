import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { getEdition } from '../src/editions/index.js';
import { cellName, figureRows } from '../src/editions/rows.js';
import { checkText } from '../src/pipeline.js';
import { SEEDS } from './support/seedText.js';

/**
 * Issue 2, "done when": changing any one figure of a seed's 依申请 table makes `check` fail with a
 * message naming that cell (official row and column labels) at that cell's YAML position.
 * Every seed gives its totals, so every single edit unbalances something.
 */
describe.each(SEEDS)('seed $id: every 依申请 figure is guarded', (seed) => {
  const text = readFileSync(seed.data, 'utf8');
  const edition = getEdition(parseDocument(text).get('edition') as '2019' | '2021');
  const rows = figureRows(edition).filter((r) => r.table === 'applications');

  it.each(rows.map((r) => [r.key, r] as const))('%s', (_key, row) => {
    for (let col = 0; col < row.columns.length; col++) {
      const doc = parseDocument(text);
      const path = [...row.key.split('.'), col];
      const before = doc.getIn(path) as number | null;
      doc.setIn(path, (before ?? 0) + 1);
      const checked = checkText(doc.toString(), seed.data);

      const errors = checked.diagnostics.filter((d) => d.severity === 'error');
      const named = errors.filter((d) => d.message.includes(cellName(row, col)) && d.path.join('.') === path.join('.'));
      expect(named.map((d) => d.code), `${cellName(row, col)}: ${errors.map((d) => d.message).join(' / ')}`).not.toEqual([]);
      const edited = doc.toString();
      const lines = new LineCounter();
      const node = parseDocument(edited, { lineCounter: lines }).getIn(path, true) as { range: [number, number, number] };
      expect(named[0]!.line).toBe(lines.linePos(node.range[0]).line);
    }
  });
});
