import fc from 'fast-check';
import { describe, it } from 'vitest';
import { reportArbitrary } from './support/arbitrary.js';
import { checkOutputs } from './support/outputs.js';

/**
 * Each generated report through DOCX, PDF and HTML, its figures read back from each output and
 * the PDF text kept inside the margins (support/outputs.ts).
 *
 * Fixed seed and few runs in CI (each report renders in all three formats, ~0.5 s); NIANBAO_DEEP=1
 * (npm run test:deep) runs many more, NIANBAO_RUNS and NIANBAO_SEED set the count and the seed.
 */
const DEEP = Boolean(process.env.NIANBAO_DEEP);
const RUNS = DEEP ? Number(process.env.NIANBAO_RUNS ?? 300) : 12;
const SEED = Number(process.env.NIANBAO_SEED ?? 20261126);

describe('generated reports through DOCX, PDF and HTML (property-based)', () => {
  it('give back every table figure in order, and keep the PDF text inside the margins', { timeout: DEEP ? 3_600_000 : 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(reportArbitrary(), (g) => checkOutputs(g.yaml, g.figures)), { numRuns: RUNS, seed: SEED, endOnFailure: !DEEP });
  });
});
