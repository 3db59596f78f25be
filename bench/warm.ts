import type { Document } from '../dist/model/document.js';
import type { OutputFormat, Renderer } from '../dist/render/types.js';
import { dist, renderersModule } from './dist.js';
import type { Input } from './inputs.js';
import { max, median, timeMs } from './measure.js';

export const FORMATS: readonly OutputFormat[] = ['docx', 'pdf', 'ofd', 'html'];

export interface FormatStats {
  /** Median ms per report, each report's own median over `repeat` runs. */
  medianMs: number;
  medianBytes: number;
  maxBytes: number;
  failures: number;
}

export interface WarmResult {
  reports: number;
  /** The composed documents, for measurements that follow (A/B). */
  docs: Document[];
  invalid: number;
  checkMs: number;
  formats: Partial<Record<OutputFormat, FormatStats>>;
  peakRssMb: number;
}

/**
 * In this process, after warm-up: check + compose, then each registered renderer, per report.
 * Formats not registered are left out (the table prints n/a).
 */
export async function warm(inputs: Input[], repeat: number): Promise<WarmResult> {
  const { checkText, composeChecked } = await dist<typeof import('../dist/pipeline.js')>('pipeline.js');
  const { RENDERERS } = (await import(renderersModule())) as { RENDERERS: Partial<Record<OutputFormat, () => Promise<Renderer>>> };
  const docs: Document[] = [];
  const checkTimes: number[] = [];
  let invalid = 0;
  for (const input of inputs.slice(0, 5)) composeChecked(checkText(input.yaml, input.name)); // warm-up
  for (const input of inputs) {
    let doc: Document | undefined;
    checkTimes.push(await timeMs(async () => (doc = composeChecked(checkText(input.yaml, input.name)))));
    if (doc) docs.push(doc);
    else invalid++;
  }
  let peak = process.memoryUsage().rss;
  const formats: WarmResult['formats'] = {};
  for (const format of FORMATS) {
    const load = RENDERERS[format];
    if (!load) continue;
    const render = await load();
    for (const doc of docs.slice(0, 3)) await render(doc, {}).catch(() => undefined); // warm-up
    const times: number[] = [];
    const sizes: number[] = [];
    let failures = 0;
    for (const doc of docs) {
      const runs: number[] = [];
      for (let r = 0; r < repeat; r++) {
        try {
          let bytes = 0;
          runs.push(await timeMs(async () => (bytes = (await render(doc, {})).bytes.length)));
          if (r === 0) sizes.push(bytes);
        } catch {
          failures++;
          break;
        }
      }
      if (runs.length > 0) times.push(median(runs));
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    formats[format] = { medianMs: median(times), medianBytes: median(sizes), maxBytes: max(sizes), failures };
  }
  return { reports: inputs.length, docs, invalid, checkMs: median(checkTimes), formats, peakRssMb: peak / 1024 / 1024 };
}
