import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../diagnostics/format.js';
import type { OutputFormat, RenderOptions } from '../../render/types.js';
import { displayName } from '../inputs.js';
import { StemRegistry } from '../output.js';
import { cleanStaleTemps, realFs, writeAtomic, type AtomicFs } from './atomic.js';
import { summarize, writeErrorText, type BatchSummary, type FileOutcome, type Reporter } from './outcome.js';
import { DEFAULT_WORKER_URL, WorkerPool } from './pool.js';
import type { CheckedMessage, DoneMessage, JobEvent } from './protocol.js';
import type { JobMemo } from './memo.js';
import { InProcessRunner, type Runner } from './runner.js';

export interface BatchPlan {
  files: string[];
  formats: OutputFormat[];
  options: RenderOptions;
  /** As the user wrote it (relative paths print relative); created if missing. */
  outDir: string;
  /** 1 runs in this thread; more starts a worker pool (never more workers than files). */
  jobs: number;
  /** Inputs already read by the CLI (standard input, `-`), by their name in `files`. */
  contents?: Map<string, Uint8Array>;
}

/** Seams for tests: fake renderers, the built worker, file-system faults. */
export interface BatchDeps {
  renderersModule: string;
  workerUrl?: URL;
  fs?: AtomicFs;
  /** Per file, for the worker pool (`--jobs 1` renders in this thread and cannot end a stuck render). */
  jobTimeoutMs?: number;
  /** Finished jobs by content, for runs in this thread (`--watch` re-renders): an input rendered before is not rendered again. */
  memo?: JobMemo;
}

interface FileState {
  checked?: CheckedMessage;
  done?: DoneMessage;
  crash?: string;
  /** undefined until names up to this file are settled; null when nothing is to be written. */
  name?: string | null;
  writing?: Promise<void>;
  written: string[];
  writeFailures: string[];
  finished: boolean;
}

/** The output file's extension: a `--fragment` never overwrites the full HTML page. */
export const extensionFor = (format: OutputFormat, options: RenderOptions): string => (format === 'html' && options.fragment ? 'fragment.html' : format);

/**
 * Renders every file of the plan, writes each output atomically, reports each file as it
 * finishes, and never lets one file stop the others. Names are handed out in input order (not
 * finishing order), so a pool and `--jobs 1` write the same files under the same names.
 */
export async function runBatch(plan: BatchPlan, deps: BatchDeps, reporter: Reporter, registry = new StemRegistry()): Promise<BatchSummary> {
  const started = performance.now();
  const fs = deps.fs ?? realFs;
  await cleanStaleTemps(plan.outDir, fs);
  const states: FileState[] = plan.files.map(() => ({ written: [], writeFailures: [], finished: false }));
  const outcomes: FileOutcome[] = new Array(plan.files.length);
  const seenGeneral = new Set<string>();
  let nextToName = 0;
  let remaining = plan.files.length;
  let finishAll!: () => void;
  const allDone = new Promise<void>((resolve) => (finishAll = resolve));
  reporter.start(plan.files.length);

  const settleNames = () => {
    for (; nextToName < states.length; nextToName++) {
      const s = states[nextToName]!;
      const stem = s.checked ? s.checked.stem : s.crash !== undefined ? null : undefined;
      if (stem === undefined) return;
      s.name = stem === null ? null : registry.take(plan.files[nextToName]!, stem);
      progress(nextToName);
    }
  };
  const progress = (i: number) => {
    const s = states[i]!;
    if (s.finished || s.name === undefined) return;
    if (s.done && s.name !== null && !s.writing) s.writing = write(s, s.name);
    if (s.writing === undefined && !s.crash && !(s.done && s.name === null)) return;
    s.finished = true;
    void (s.writing ?? Promise.resolve()).then(() => {
      outcomes[i] = outcomeOf(displayName(plan.files[i]!), s, seenGeneral);
      reporter.file(outcomes[i]);
      if (--remaining === 0) finishAll();
      else feed();
    });
  };
  const write = async (s: FileState, name: string) => {
    for (const out of s.done!.outputs) {
      const file = `${name}.${extensionFor(out.format, plan.options)}`;
      try {
        s.written.push(await writeAtomic(plan.outDir, file, out.bytes, fs));
      } catch (e) {
        s.writeFailures.push(`无法写入 ${join(plan.outDir, file)}：${writeErrorText(e)}`);
      }
    }
    s.done!.outputs.forEach((o) => (o.bytes = new Uint8Array(0))); // let the bytes go
  };
  const onEvent = (e: JobEvent) => {
    const s = states[e.id]!;
    if (s.finished) return;
    if (e.type === 'checked') s.checked = e;
    else if (e.type === 'done') s.done = e;
    else s.crash = e.message;
    if (nextToName > e.id) progress(e.id);
    else settleNames();
  };

  if (plan.files.length === 0) finishAll();
  const runner = makeRunner(plan, deps, onEvent);
  // Backpressure: at most `window` files between submitted and written, so rendered bytes
  // waiting for a slow disk never pile up in memory, however long the batch.
  const window = Math.max(4, plan.jobs * 4);
  let submitted = 0;
  const feed = () => {
    for (; submitted < plan.files.length && submitted - (plan.files.length - remaining) < window; submitted++) {
      const bytes = plan.contents?.get(plan.files[submitted]!);
      runner.submit({ id: submitted, file: plan.files[submitted]!, formats: plan.formats, options: plan.options, ...(bytes ? { bytes } : {}) });
    }
  };
  feed();
  await allDone;
  await runner.close();
  const summary = summarize(outcomes, (performance.now() - started) / 1000);
  reporter.end(summary);
  return summary;
}

/** Creates the output folder before any work, so `-o` on an unusable path fails at once. */
export async function prepareOutDir(outDir: string): Promise<string | undefined> {
  try {
    await mkdir(outDir, { recursive: true });
    return undefined;
  } catch (e) {
    return `无法创建输出文件夹 ${outDir}：${writeErrorText(e)}`;
  }
}

function makeRunner(plan: BatchPlan, deps: BatchDeps, onEvent: (e: JobEvent) => void): Runner {
  const size = Math.min(plan.jobs, plan.files.length);
  if (size <= 1) return new InProcessRunner(deps.renderersModule, onEvent, deps.memo);
  return new WorkerPool(size, { renderersModule: deps.renderersModule }, deps.workerUrl ?? DEFAULT_WORKER_URL, onEvent, deps.jobTimeoutMs);
}

/** `seenGeneral`: position-less renderer warnings already shown in this batch (shown once, counted always). */
function outcomeOf(file: string, s: FileState, seenGeneral: Set<string>): FileOutcome {
  const checked = s.checked;
  const diagnostics: Diagnostic[] = [...(checked?.diagnostics ?? [])];
  const messages = diagnostics.map((d, i) => formatDiagnostic(d, checked?.lines[i]));
  let repeated = 0;
  // PDF and OFD share one layout, so a positioned warning (a missing glyph) comes from both: shown once
  // per file, counted every time, as a position-less one is once per batch.
  const positioned = new Set<string>();
  for (const out of s.done?.outputs ?? []) {
    diagnostics.push(...out.warnings, ...out.generalWarnings);
    for (const w of out.warnings) {
      const key = formatDiagnostic(w);
      if (positioned.has(key)) repeated++;
      else messages.push(key);
      positioned.add(key);
    }
    for (const g of out.generalWarnings) {
      const key = `${g.message} [${g.code}]`;
      if (seenGeneral.has(key)) repeated++;
      else messages.push(`${file} 警告 ${key}`);
      seenGeneral.add(key);
    }
  }
  const failures: Diagnostic[] = [
    ...(s.done?.failures ?? []).map((m) => failure('render/failed', file, m)),
    ...s.writeFailures.map((m) => failure('output/write-failed', file, m)),
    ...(s.crash !== undefined ? [failure('render/crashed', file, s.crash)] : []),
  ];
  diagnostics.push(...failures);
  messages.push(...failures.map((f) => `${file}：${f.message}`));
  if (!s.crash && checked && checked.stem === null) messages.push(`${file}：有错误，未生成`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return { file, ok: errors === 0 && s.crash === undefined, outputs: s.written, diagnostics, messages, errors, warnings, repeated };
}

const failure = (code: string, file: string, message: string): Diagnostic => ({ code, severity: 'error', message, file, line: 1, column: 1, path: [] });
