import type { Document } from '../dist/model/document.js';
import type { OutputFormat, Renderer } from '../dist/render/types.js';
import { renderersModule } from './dist.js';
import { median, timeMs } from './measure.js';

/** Two formats timed against each other, per report: their medians and the spread of the per-report ratio. */
export interface AbResult {
  a: OutputFormat;
  b: OutputFormat;
  reports: number;
  rounds: number;
  /** Median over reports of each report's median ms. */
  aMs: number;
  bMs: number;
  /** Per-report ratio b / a: median, and min / quartiles / max across reports. */
  ratio: { median: number; min: number; q1: number; q3: number; max: number };
}

/**
 * A/B in one run: for every report, `rounds` rounds of both renderers back to back, the order
 * swapped every round, so that a neighbour's load on the shared machine falls on both alike. The
 * ratio is taken per report (its two medians), then summarised across reports.
 */
export async function ab(docs: Document[], a: OutputFormat, b: OutputFormat, rounds: number): Promise<AbResult | undefined> {
  const { RENDERERS } = (await import(renderersModule())) as { RENDERERS: Partial<Record<OutputFormat, () => Promise<Renderer>>> };
  if (!RENDERERS[a] || !RENDERERS[b] || docs.length === 0) return undefined;
  const ra = await RENDERERS[a]();
  const rb = await RENDERERS[b]();
  for (const doc of docs.slice(0, 3)) await Promise.all([ra(doc, {}), rb(doc, {})]); // warm-up
  const am: number[] = [];
  const bm: number[] = [];
  const ratios: number[] = [];
  for (const doc of docs) {
    const ta: number[] = [];
    const tb: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ([ra, rb] as const) : ([rb, ra] as const);
      for (const render of order) (render === ra ? ta : tb).push(await timeMs(() => render(doc, {})));
    }
    am.push(median(ta));
    bm.push(median(tb));
    ratios.push(median(tb) / median(ta));
  }
  const s = [...ratios].sort((x, y) => x - y);
  const q = (p: number) => s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))]!;
  return { a, b, reports: docs.length, rounds, aMs: median(am), bMs: median(bm), ratio: { median: median(ratios), min: s[0]!, q1: q(0.25), q3: q(0.75), max: s[s.length - 1]! } };
}
