import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Io } from '../io.js';
import { StemRegistry } from '../output.js';
import { runBatch, type BatchDeps, type BatchPlan } from './batch.js';
import { expandInputs } from '../inputs.js';
import { jobMemo } from './memo.js';
import { LineReporter, makeReporter } from './progress.js';

/** Editors save in bursts (truncate, write, rename); one re-render per burst. */
const DEBOUNCE_MS = 150;

/**
 * `render --watch`: renders everything once, then re-checks and re-renders a file each time it
 * is saved. Folders are watched rather than files, because many editors save by writing a new
 * file and renaming it over the old one, which ends a watch on the old file. A save that leaves
 * the YAML invalid prints the diagnostics; nothing is written, so the last good outputs stay.
 * A YAML file created later in a watched folder is rendered too when the command line's files,
 * folders and globs (`inputs`) now match it. Runs until Ctrl+C (SIGINT) or SIGTERM, then exits 0.
 */
export async function runWatch(plan: BatchPlan, watchDeps: BatchDeps, io: Io, inputs: readonly string[] = []): Promise<number> {
  // A save that returns a file to a text rendered before (an undo) is answered from the memo.
  const deps: BatchDeps = { ...watchDeps, memo: watchDeps.memo ?? jobMemo() };
  const registry = new StemRegistry();
  const seen = new Map<string, string>();
  for (const f of plan.files) seen.set(f, await digest(f));
  await runBatch(plan, deps, makeReporter(io), registry);

  const byDir = new Map<string, Map<string, string>>();
  for (const f of plan.files) {
    const dir = dirname(resolve(f));
    if (!byDir.has(dir)) byDir.set(dir, new Map());
    byDir.get(dir)!.set(basename(f), f);
  }
  const timers = new Map<string, NodeJS.Timeout>();
  let queue: Promise<void> = Promise.resolve();
  const rerender = (file: string) => {
    queue = queue.then(async () => {
      const now = await digest(file);
      if (seen.get(file) === now) return; // touched, not changed
      seen.set(file, now);
      io.err(`${clock()} ${file} 已修改，重新生成`);
      await runBatch({ ...plan, files: [file], jobs: 1 }, deps, new LineReporter(io, false), registry);
    });
  };
  const schedule = (file: string) => {
    clearTimeout(timers.get(file));
    timers.set(file, setTimeout(() => rerender(file), DEBOUNCE_MS));
  };
  /** A new name in a watched folder: rendered from now on if the inputs match it. */
  const adopt = (dir: string, name: string, names: Map<string, string>) => {
    queue = queue.then(async () => {
      if (names.has(name)) return;
      const { files } = await expandInputs(inputs);
      const file = files.find((f) => resolve(f) === resolve(dir, name));
      if (!file) return;
      names.set(name, file);
      io.err(`${clock()} 发现新文件 ${file}`);
      schedule(file);
    });
  };
  const watchers: FSWatcher[] = [];
  for (const [dir, names] of byDir) {
    const w = watch(dir, (_event, changed) => {
      if (!changed) return;
      const name = changed.toString();
      const file = names.get(name);
      if (file) schedule(file);
      else if (/\.ya?ml$/i.test(name) && !name.startsWith('.')) adopt(dir, name, names);
    });
    w.on('error', (e) => io.err(`无法监视 ${dir}：${e.message}`));
    watchers.push(w);
  }
  io.err(`正在监视 ${plan.files.length} 个文件（按 Ctrl+C 结束）`);

  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  for (const w of watchers) w.close();
  for (const t of timers.values()) clearTimeout(t);
  await queue;
  return 0;
}

/** Content fingerprint; a missing file gets its own, so deleting and restoring re-renders. */
async function digest(file: string): Promise<string> {
  try {
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch (e) {
    return `missing:${(e as NodeJS.ErrnoException).code ?? ''}`;
  }
}

const clock = (): string => new Date().toTimeString().slice(0, 8);
