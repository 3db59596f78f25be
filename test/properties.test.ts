import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureRows } from '../src/editions/rows.js';
import { getEdition } from '../src/editions/index.js';
import { resolveGrid } from '../src/model/grid.js';
import type { Block } from '../src/model/document.js';
import { checkText, composeChecked } from '../src/pipeline.js';
import { reportArbitrary } from './support/arbitrary.js';
import { proseChoice, withFigureProse } from './support/phrasings.js';

/** Fixed seed and a bounded run count in CI; `NIANBAO_DEEP=1` (npm run test:deep) runs many more, NIANBAO_SEED picks another seed. */
const RUNS = process.env.NIANBAO_DEEP ? 2000 : 60;
const SEED = Number(process.env.NIANBAO_SEED ?? 20261125);
/** 2000 runs take over a minute on a busy machine: deep runs get their own timeout. */
const TIMEOUT = process.env.NIANBAO_DEEP ? 900_000 : undefined;

describe('generated reports (property-based)', () => {
  it('check reports nothing and every table figure is printed where the edition puts it', () => {
    fc.assert(
      fc.property(reportArbitrary(), (g) => {
        const c = checkText(g.yaml, 'gen.yaml');
        // Clean: no error and no warning (the figures are consistent and plausible, labels only annotated).
        expect(c.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
        const doc = composeChecked(c)!;
        const tables = doc.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
        const printedValues = tables.map((t) => resolveGrid(t).placed.filter((p) => p.cell.kind === 'value').map((p) => p.cell.text));
        expect(printedValues).toEqual([g.figures.proactive, g.figures.applications, g.figures.review]);
        // The official rows print the figures the YAML gave, wherever local rows sit around them.
        for (const d of figureRows(getEdition(g.edition))) if (g.printed[d.key]) expect(g.figures[d.table].join('\u0000')).toContain(g.printed[d.key]!.join('\u0000'));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);

  it('prose that states the report’s own figures in the phrasings reports use, in every number form, gets no warning', () => {
    fc.assert(
      fc.property(reportArbitrary(), proseChoice, (g, choice) => {
        const yaml = withFigureProse(g, choice);
        const c = checkText(yaml, 'gen.yaml');
        expect(c.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);
});
