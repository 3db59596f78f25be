import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { BIN } from './dist.js';
import { median, runProcess } from './measure.js';

/** The same batch with `--jobs 1` and with this machine's cores as workers (issue 18: ≥ 1.7× on two). */
export interface Scaling {
  reports: number;
  formats: number;
  workers: number;
  jobs1Ms: number;
  poolMs: number;
  /** Peak RSS of the pooled runs (all threads), MB. */
  poolPeakMb: number;
  /**
   * What this machine allows: two separate `--jobs 1` processes, each on half the inputs, at once
   * (nothing shared, no pool): their wall time. jobs1Ms / this is the most two workers could give.
   */
  separateMs: number;
}

/**
 * Whole `render` processes on the same inputs, `rounds` of each, the order swapped every round
 * (A B, B A, …) so that a neighbour's load falls on both alike; medians.
 */
export async function scaling(inputs: string[], formats: readonly string[], dir: string, env: NodeJS.ProcessEnv, rounds: number): Promise<Scaling | undefined> {
  const workers = availableParallelism();
  if (inputs.length < 2 || workers < 2) return undefined;
  const run = (jobs: number, r: number) => runProcess(process.execPath, [BIN, 'render', ...inputs, ...formats.map((f) => `--${f}`), '-o', join(dir, `jobs${jobs}-${r}`), '--jobs', String(jobs)], env);
  const half = Math.ceil(inputs.length / 2);
  const separate = async (r: number): Promise<number | undefined> => {
    const t = performance.now();
    const parts = [inputs.slice(0, half), inputs.slice(half)].map((part, i) =>
      runProcess(process.execPath, [BIN, 'render', ...part, ...formats.map((f) => `--${f}`), '-o', join(dir, `separate-${r}-${i}`), '--jobs', '1'], env),
    );
    const done = await Promise.all(parts);
    return done.every((p) => p.code === 0) ? performance.now() - t : undefined;
  };
  const one: number[] = [];
  const pool: number[] = [];
  const apart: number[] = [];
  const peaks: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const jobs of r % 2 ? [workers, 1] : [1, workers]) {
      const p = await run(jobs, r);
      if (p.code !== 0) return undefined;
      if (jobs === 1) one.push(p.ms);
      else pool.push(p.ms), peaks.push(p.peakMb);
    }
    const ms = await separate(r);
    if (ms === undefined) return undefined;
    apart.push(ms);
  }
  return { reports: inputs.length, formats: formats.length, workers, jobs1Ms: median(one), poolMs: median(pool), poolPeakMb: Math.max(...peaks), separateMs: median(apart) };
}
