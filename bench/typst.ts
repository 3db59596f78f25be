import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BIN, ROOT } from './dist.js';
import { median, runProcess } from './measure.js';
import type { Scaling } from './scaling.js';
import { SEED_004, TYPST_FONTS } from './seed004.js';

/** Seed 004 typeset by Typst 0.14 and by nianbao, measured in the same run (issue 18). */
export interface SideBySide {
  /** Undefined when the compiler package or its fonts are missing (the reason is in `typstMissing`). */
  typst?: { coldMs: number; fullMs: number; againMs: number; bytes: number };
  typstMissing?: string;
  /** processMs: the whole process with the code an earlier run saved; firstProcessMs: with nothing saved. */
  nianbao: { fullMs: number; againMs: number; coldMs: number; processMs: number; firstProcessMs: number; bytes: number };
}

const CHILD = join(ROOT, 'dist-bench', 'bench', 'seed004.js');

/** One fresh process of bench/seed004.ts, its JSON line. */
function child<T>(mode: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CHILD, mode, ROOT], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`seed004 ${mode} exited ${code}`))));
  });
}

function typstMissing(): string | undefined {
  try {
    createRequire(join(ROOT, 'package.json')).resolve('@myriaddreamin/typst-ts-node-compiler');
  } catch {
    return 'the dev dependency @myriaddreamin/typst-ts-node-compiler is not installed';
  }
  const fonts = TYPST_FONTS.filter((f) => !existsSync(f));
  return fonts.length ? `fonts missing (Debian fonts-noto-cjk, fonts-lxgw-wenkai): ${fonts.join(', ')}` : undefined;
}

/**
 * Each measure is the median of `runs` fresh processes (each process takes medians of its own
 * repeats). The tools take turns, one process of each per round, so that a slower or a quieter
 * spell of a shared machine falls on both alike.
 */
export async function sideBySide(runs: number, log: (s: string) => void): Promise<SideBySide> {
  const missing = typstMissing();
  log(`Typst and nianbao: seed 004, ${runs} rounds, each a Typst process and nianbao's warm, cold in process and whole render process`);
  const t: NonNullable<SideBySide['typst']>[] = [];
  const warm: { fullMs: number; againMs: number; bytes: number }[] = [];
  const cold: { coldMs: number }[] = [];
  const whole: number[] = [];
  const firstRun: number[] = [];
  // The bin's compiled code (src/cli/codeCache.ts) in a folder of the bench's own: saved by one
  // untimed run, as by a clerk's first; each round also times a run with nothing saved (the very first).
  const cache = mkdtempSync(join(tmpdir(), 'nianbao-bench-code-'));
  const render = (env: NodeJS.ProcessEnv) => runProcess(process.execPath, [BIN, 'render', join(ROOT, 'data', SEED_004), '--pdf', '-o', join(ROOT, 'dist-bench', 'seed004-out')], { ...process.env, NIANBAO_CACHE_DIR: cache, ...env });
  await render({});
  for (let i = 0; i < runs; i++) {
    if (!missing) t.push(await child('typst'));
    warm.push(await child('warm'));
    cold.push(await child('cold'));
    whole.push((await render({})).ms);
    firstRun.push((await render({ NIANBAO_CODE_CACHE: '0' })).ms);
  }
  rmSync(cache, { recursive: true, force: true });
  const typst = t.length > 0 ? { coldMs: median(t.map((x) => x.coldMs)), fullMs: median(t.map((x) => x.fullMs)), againMs: median(t.map((x) => x.againMs)), bytes: t[0]!.bytes } : undefined;
  return {
    ...(typst ? { typst } : { typstMissing: missing }),
    nianbao: { fullMs: median(warm.map((x) => x.fullMs)), againMs: median(warm.map((x) => x.againMs)), coldMs: median(cold.map((x) => x.coldMs)), processMs: median(whole), firstProcessMs: median(firstRun), bytes: warm[0]!.bytes },
  };
}

interface Goal {
  what: string;
  typst: string;
  nianbao: string;
  ratio: number | undefined;
  /** The ratio must be at most this (nianbao / Typst), or at least this for `atLeast`. */
  atMost?: number;
  atLeast?: number;
}

/** The batch goals of issue 18, from the same run of `npm run bench` (undefined: not measured in it). */
export interface BatchGoals {
  scaling?: Scaling;
  /** Peak RSS of the whole batch (all formats, the machine's workers), MB. */
  peakMb?: number;
  reports?: number;
  /** LibreOffice's and nianbao's cost of each further report of a batch in one process, ms. */
  perReport?: { soffice: number; nianbao: number };
}

const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** The side-by-side table with the goal ratios of issue 18, each marked met or not. */
export function sideBySideTable(s: SideBySide, batch: BatchGoals = {}): string {
  const t = s.typst;
  const n = s.nianbao;
  const goals: Goal[] = [
    { what: 'full layout, fonts loaded, nothing of this report cached', typst: t ? `${ms(t.fullMs)} (evictCache(0) + compile + PDF)` : 'n/a', nianbao: `${ms(n.fullMs)} (first render of it in a warm process)`, ratio: t && n.fullMs / t.fullMs, atMost: 1.0 },
    { what: 'the same report again', typst: t ? `${ms(t.againMs)} (memoized)` : 'n/a', nianbao: `${ms(n.againMs)} (read + content memo, as the editor and --watch)`, ratio: t && n.againMs / t.againMs, atMost: 2.0 },
    { what: 'cold: nianbao whole `render one.yaml --pdf` process / Typst in process (fonts + create + first PDF)', typst: t ? ms(t.coldMs) : 'n/a', nianbao: `${ms(n.processMs)} (compiled code saved by an earlier run; the first run, nothing saved: ${ms(n.firstProcessMs)}; in process, unbundled modules: ${ms(n.coldMs)})`, ratio: t && n.processMs / t.coldMs, atMost: 1.5 },
    { what: 'PDF size', typst: t ? `${t.bytes.toLocaleString('en')} B` : 'n/a', nianbao: `${n.bytes.toLocaleString('en')} B`, ratio: t && n.bytes / t.bytes, atMost: 0.7 },
  ];
  const sc = batch.scaling;
  const pr = batch.perReport;
  goals.push(
    { what: `batch: ${sc ? `${sc.workers} workers / \`--jobs 1\`, throughput (${sc.reports} generated reports × ${sc.formats} formats, medians of interleaved runs)` : '2 workers / `--jobs 1`, throughput'}`, typst: '—', nianbao: sc ? `${ms(sc.poolMs)} / ${ms(sc.jobs1Ms)} (this machine's ceiling, two separate \`--jobs 1\` processes on the halves at once: ${(sc.jobs1Ms / sc.separateMs).toFixed(2)}×)` : 'not measured in this run', ratio: sc && sc.jobs1Ms / sc.poolMs, atLeast: 1.7 },
    { what: `batch: peak memory${batch.reports ? ` (${batch.reports} reports, all threads)` : ''}`, typst: '—', nianbao: batch.peakMb === undefined ? 'not measured in this run' : `${batch.peakMb.toFixed(0)} MB`, ratio: batch.peakMb === undefined ? undefined : batch.peakMb / 300, atMost: 1.0 },
    { what: 'batch: PDF per further report, LibreOffice `--convert-to pdf` / nianbao', typst: '—', nianbao: pr ? `${ms(pr.soffice)} / ${ms(pr.nianbao)}` : 'not measured in this run', ratio: pr && pr.soffice / pr.nianbao, atLeast: 20 },
  );
  const goalText = (g: Goal) => (g.atLeast !== undefined ? `≥ ${g.atLeast.toFixed(1)}×` : g.what.startsWith('batch: peak') ? '≤ 300 MB (ratio to it ≤ 1.0×)' : `≤ ${g.atMost!.toFixed(1)}×`);
  const met = (g: Goal) => (g.ratio === undefined ? '' : (g.atLeast !== undefined ? g.ratio >= g.atLeast : g.ratio <= g.atMost!) ? '✓' : '✗');
  const lines = [
    'Seed 004 (data/daxing-kw-2020.yaml), PDF, Typst 0.14 (bench/report-004.typ) and nianbao in the same run; the batch goals of issue 18 below it:',
    '',
    '| seed 004, PDF | Typst | nianbao | ratio | goal | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...goals.map((g) => `| ${g.what} | ${g.typst} | ${g.nianbao} | ${g.ratio === undefined ? 'n/a' : `${g.ratio.toFixed(2)}×`} | ${goalText(g)} | ${met(g)} |`),
  ];
  if (!t) lines.push('', `Typst not measured: ${s.typstMissing}; nianbao's numbers alone.`);
  return lines.join('\n');
}
