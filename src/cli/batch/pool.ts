import { Worker } from 'node:worker_threads';
import { SharedFontFiles } from './fontShare.js';
import type { JobEvent, JobSpec, ReadyMessage, WorkerInit } from './protocol.js';
import type { EventSink, Runner } from './runner.js';
import { CLI_DIR } from '../dir.js';

/** The bundled worker (build/bundleCli.ts); dist/cli/batch/worker.js is the same code unbundled. */
export const DEFAULT_WORKER_URL = new URL('worker.js', CLI_DIR);

const WORKER_HEAP_MB = 1024;
/**
 * V8's young generation per worker (its default here is 3 × 16 MB). A report's garbage is
 * short-lived, so a smaller nursery costs no time: 1,000 reports × 3 formats on two workers,
 * peak RSS 385 → 334 MB at the same wall time (45.9 s against 42–47 s); 4 MB was slower (53 s).
 */
const WORKER_YOUNG_MB = 8;

/** Workers that die before loading their renderers this many times in a row mean a broken setup. */
const MAX_STARTUP_FAILURES = 3;

/**
 * A report renders in well under a second (bench/) and the largest accepted input (2 MB of prose)
 * in seconds; a job still running after this long is stuck (a bug, a pathological input) and its
 * worker is ended so that the rest of the batch finishes.
 */
export const DEFAULT_JOB_TIMEOUT_MS = 120_000;

interface Slot {
  worker: Worker;
  job: JobSpec | undefined;
  ready: boolean;
  lastError: Error | undefined;
  timer: NodeJS.Timeout | undefined;
  timedOut: boolean;
  closeFonts(): void;
}

/**
 * A pool of worker threads. Each worker gets one job at a time, so when one crashes the pool
 * knows which file it was: it reports that file, starts a replacement and goes on with the rest.
 */
export class WorkerPool implements Runner {
  private readonly slots = new Set<Slot>();
  private readonly queue: JobSpec[] = [];
  private startupFailures = 0;
  private closing = false;
  private readonly fonts = new SharedFontFiles();

  constructor(
    private readonly size: number,
    private readonly init: WorkerInit,
    private readonly workerUrl: URL,
    private readonly onEvent: EventSink,
    private readonly jobTimeoutMs = DEFAULT_JOB_TIMEOUT_MS,
  ) {}

  submit(spec: JobSpec): void {
    this.queue.push(spec);
    this.pump();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
    this.slots.clear();
    this.fonts.close();
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => s.job === undefined);
      if (!slot && this.slots.size < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        slot.timedOut = true;
        void slot.worker.terminate(); // reported by the exit handler, with the file
      }, this.jobTimeoutMs);
      slot.worker.postMessage(job);
    }
  }

  private spawn(): Slot {
    // A heap cap per worker: a runaway render ends its own worker (reported for that file),
    // not the whole batch. Far above what a report needs (fonts included).
    const fonts = this.fonts.connect();
    const worker = new Worker(this.workerUrl, {
      workerData: { ...this.init, fonts: fonts.handle } satisfies WorkerInit,
      transferList: fonts.transfer,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    const slot: Slot = { worker, job: undefined, ready: false, lastError: undefined, timer: undefined, timedOut: false, closeFonts: fonts.close };
    this.slots.add(slot);
    worker.on('message', (m: JobEvent | ReadyMessage) => {
      if (m.type === 'ready') {
        slot.ready = true;
        this.startupFailures = 0;
        return;
      }
      this.onEvent(m);
      if (m.type === 'done') {
        clearTimeout(slot.timer);
        slot.job = undefined;
        this.pump();
      }
    });
    worker.on('error', (e) => (slot.lastError = e));
    worker.on('exit', (code) => this.lost(slot, code));
    return slot;
  }

  private lost(slot: Slot, code: number): void {
    this.slots.delete(slot);
    slot.closeFonts();
    clearTimeout(slot.timer);
    if (this.closing) return;
    const why = slot.lastError ? slot.lastError.message : `退出码 ${code}`;
    const message = slot.timedOut ? `渲染超时（${this.jobTimeoutMs / 1000} 秒仍未完成），已中止` : `渲染进程崩溃（${why}）`;
    if (slot.job) this.onEvent({ type: 'crashed', id: slot.job.id, message });
    if (!slot.ready && ++this.startupFailures >= MAX_STARTUP_FAILURES) {
      // The renderers cannot even load: fail what is left instead of respawning forever.
      for (const job of this.queue.splice(0)) this.onEvent({ type: 'crashed', id: job.id, message: `无法启动渲染进程（${why}）` });
      return;
    }
    this.pump();
  }
}
