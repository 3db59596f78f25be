import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
/** NIANBAO_SHRINK=0 stops at the first failure: shrinking a report that renders in 1–2 s takes long. */
const SHRINK = DEEP && process.env.NIANBAO_SHRINK !== '0';

/**
 * In deep runs each failing report (the first and every smaller one shrinking finds) is written
 * to the temp folder at once, so it can be looked at while shrinking goes on.
 */
let failures = 0;
async function checkKeeping(yaml: string, figures: Parameters<typeof checkOutputs>[1]): Promise<void> {
  try {
    await checkOutputs(yaml, figures);
  } catch (e) {
    if (DEEP) {
      const file = join(tmpdir(), `nianbao-property-${SEED}-${failures++}.yaml`);
      writeFileSync(file, `# ${String(e).split('\n')[0]}\n${yaml}`);
      console.error(`failing report: ${file} (${yaml.length} characters)`);
    }
    throw e;
  }
}

describe('generated reports through DOCX, PDF and HTML (property-based)', () => {
  it('give back every table figure in order, and keep the PDF text inside the margins', { timeout: DEEP ? 3_600_000 : 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(reportArbitrary(), (g) => checkKeeping(g.yaml, g.figures)), { numRuns: RUNS, seed: SEED, endOnFailure: !SHRINK });
  });
});
