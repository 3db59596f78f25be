import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureRows } from '../src/editions/rows.js';
import { getEdition } from '../src/editions/index.js';
import { resolveGrid } from '../src/model/grid.js';
import type { Block } from '../src/model/document.js';
import { checkText, composeChecked } from '../src/pipeline.js';
import { reportArbitrary } from './support/arbitrary.js';

/** Fixed seed and a bounded run count in CI; `NIANBAO_DEEP=1` (npm run test:deep) runs many more. */
const RUNS = process.env.NIANBAO_DEEP ? 2000 : 60;
const SEED = 20261125;

describe('generated reports (property-based)', () => {
  it('check is clean and every table figure is printed where the edition puts it', () => {
    fc.assert(
      fc.property(reportArbitrary(), (g) => {
        const c = checkText(g.yaml, 'gen.yaml');
        expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const doc = composeChecked(c)!;
        const tables = doc.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
        const printedValues = tables.flatMap((t) => {
          const grid = resolveGrid(t);
          return grid.placed.filter((p) => p.cell.kind === 'value').map((p) => p.cell.text);
        });
        const expected = figureRows(getEdition(g.edition)).flatMap((d) => g.printed[d.key]!);
        expect(printedValues).toEqual(expected);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
