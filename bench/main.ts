/**
 * `npm run bench`: prints a table, asserts nothing (issue 5). Knobs: BENCH_N (generated reports,
 * default 1000), BENCH_SAMPLE (how many of them are timed one by one in the warm process,
 * default 200), BENCH_REPEAT (runs per example and format, default 10), BENCH_SOFFICE_N (reports
 * LibreOffice converts in one process, default 30; nianbao's PDF path gets all BENCH_N), BENCH_SCALING_N
 * (generated reports rendered with `--jobs 1` and with the machine's workers, default 200) and
 * BENCH_SCALING_ROUNDS (interleaved runs of each, default 2).
 * BENCH_ONLY=editor measures only `nianbao edit` (keystrokes in Chromium, the render API);
 * BENCH_ONLY=typst only seed 004 against Typst 0.14 (BENCH_TYPST_RUNS rounds of fresh processes, default 7).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, dist, renderersModule, ROOT } from './dist.js';
import { examples, generated } from './inputs.js';
import { median, runProcess, type ProcessRun } from './measure.js';
import { benchEditor, editorTable } from './editor.js';
import { compareWithSoffice, type SofficeComparison } from './soffice.js';
import { printReport } from './table.js';
import { ab } from './ab.js';
import { scaling, type Scaling } from './scaling.js';
import { sideBySide, sideBySideTable } from './typst.js';
import { FORMATS, warm } from './warm.js';

const N = Number(process.env.BENCH_N ?? 1000);
/** Fresh processes per measure of the Typst side-by-side (bench/typst.ts). */
const TYPST_RUNS = Number(process.env.BENCH_TYPST_RUNS ?? 7);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 10);
/** Generated reports LibreOffice converts in one process, for its per-report cost in a batch (nianbao: all of them). */
const SOFFICE_N = Number(process.env.BENCH_SOFFICE_N ?? 30);
/** Generated reports the `--jobs 1` / workers comparison renders, and its interleaved rounds of each. */
const SCALING_N = Number(process.env.BENCH_SCALING_N ?? 200);
const SCALING_ROUNDS = Number(process.env.BENCH_SCALING_ROUNDS ?? 2);

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
try {
  log(`inputs in ${tmp}`);
  const ex = await examples(ROOT, join(tmp, 'examples'));
  const editorOnly = process.env.BENCH_ONLY === 'editor';
  if (process.env.BENCH_ONLY === 'typst') {
    process.stdout.write(`${sideBySideTable(await sideBySide(TYPST_RUNS, log))}\n`);
  } else if (editorOnly) {
    log('nianbao edit: keystrokes in Chromium, render API');
    const e = await benchEditor(ex, join(tmp, 'editor'), process.env);
    process.stdout.write(e ? `${editorTable(e)}\n` : 'nianbao edit: no Chromium, not measured\n');
  } else {
    const gen = generated(N, join(tmp, 'gen'));

    log(`warm, examples (${ex.length} × ${REPEAT} runs per format)`);
    const warmExamples = await warm(ex, REPEAT);
    log(`warm, ${Math.min(SAMPLE, N)} of the ${N} generated reports`);
    const warmGenerated = await warm(gen.slice(0, SAMPLE), 1);
    const registered = FORMATS.filter((f) => warmExamples.formats[f]);
    log(`A/B: PDF against OFD, examples (${ex.length} × ${REPEAT} rounds, order swapped each round)`);
    const ofdVsPdf = await ab(warmExamples.docs, 'pdf', 'ofd', REPEAT);
    // What `render` writes when no format is chosen: the batch below measures those.
    const { DEFAULT_FORMATS } = await dist<typeof import('../dist/render/types.js')>('render/types.js');
    const batchFormats = DEFAULT_FORMATS.filter((f) => warmExamples.formats[f]);
    const env = { ...process.env, NIANBAO_TEST_RENDERERS: renderersModule() };

    let batch: (ProcessRun & { outputs: number; bytes: number }) | undefined;
    if (batchFormats.length > 0) {
      log(`batch: ${N} reports × ${batchFormats.length} formats, ${availableParallelism()} workers`);
      const out = join(tmp, 'out');
      const run = await runProcess(process.execPath, [BIN, 'render', join(tmp, 'gen', '*.yaml'), '-o', out], env);
      const files = readdirSync(out);
      batch = { ...run, outputs: files.length, bytes: files.reduce((s, f) => s + statSync(join(out, f)).size, 0) };
    }

    let scaled: Scaling | undefined;
    if (batchFormats.length > 0) {
      log(`batch: --jobs 1 against ${availableParallelism()} workers, ${Math.min(SCALING_N, N)} reports, ${SCALING_ROUNDS} interleaved rounds`);
      scaled = await scaling(gen.slice(0, SCALING_N).map((g) => g.path), batchFormats, join(tmp, 'scaling'), env, SCALING_ROUNDS);
    }

    const cold: ProcessRun[] = [];
    if (registered.includes('pdf')) {
      log('cold: one PDF as a whole process, 5 runs');
      for (let i = 0; i < 5; i++) cold.push(await runProcess(process.execPath, [BIN, 'render', ex[0]!.path, '--pdf', '-o', join(tmp, 'cold')], env));
    }

    let soffice: SofficeComparison | undefined;
    if (registered.includes('docx') && registered.includes('pdf') && spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0) {
      const paths = gen.map((g) => g.path);
      soffice = await compareWithSoffice(ex.map((e) => e.path), paths.slice(0, SOFFICE_N), paths, join(tmp, 'soffice'), env);
    }

    printReport({
      machine: `${cpus()[0]?.model ?? 'CPU'} × ${availableParallelism()}, Node ${process.version}`,
      fake: process.env.NIANBAO_TEST_RENDERERS !== undefined,
      n: N,
      sample: Math.min(SAMPLE, N),
      repeat: REPEAT,
      warmExamples,
      warmGenerated,
      examples: ex.length,
      batch,
      batchFormats,
      ofdVsPdf,
      coldMs: cold.length ? median(cold.map((c) => c.ms)) : undefined,
      soffice,
    });
    const batchGoals = { ...(scaled ? { scaling: scaled } : {}), ...(batch ? { peakMb: batch.peakMb, reports: N } : {}), ...(soffice ? { perReport: { soffice: soffice.perReportSoffice, nianbao: soffice.perReportNianbao } } : {}) };
    process.stdout.write(`\n${sideBySideTable(await sideBySide(TYPST_RUNS, log), batchGoals)}\n`);
    log('nianbao edit: keystrokes in Chromium, render API');
    const editor = await benchEditor(ex, join(tmp, 'editor'), env);
    process.stdout.write(editor ? `\n${editorTable(editor)}\n` : '\nnianbao edit: no Chromium, not measured\n');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
