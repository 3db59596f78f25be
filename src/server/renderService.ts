import { DEFAULT_JOB_TIMEOUT_MS, DEFAULT_WORKER_URL, WorkerPool } from '../cli/batch/pool.js';
import { contentKey, ContentCache } from '../cli/batch/memo.js';
import type { JobEvent } from '../cli/batch/protocol.js';
import type { OutputFormat, RenderOptions } from '../render/types.js';

/**
 * Renders for the editor's download buttons and the portal API: a pool of warm worker threads
 * (the batch's, cli/batch/pool.ts: each loads the renderers once; a render still running after
 * the batch's per-report time-out ends its worker, which is replaced), and a bound on renders in
 * flight past which a request is turned away at once (503 with Retry-After) instead of queueing
 * without end. Stateless: the YAML comes with each request; what was rendered is kept by content
 * (memo.ts), so the same YAML asked for again (a second click, another tab) is answered at once.
 */
export type RenderOutcome =
  | { status: 'ok'; bytes: Uint8Array; stem: string }
  | { status: 'invalid' }
  | { status: 'busy' }
  | { status: 'failed'; message: string };

export interface RenderServiceOptions {
  renderersModule: string;
  workers: number;
  /** Renders accepted at once (running or waiting for a worker). */
  maxInFlight: number;
  timeoutMs?: number;
  workerUrl?: URL;
  options: RenderOptions;
}

/** The outcomes a render of the same text, name, format and options gives again. */
type Settled = Extract<RenderOutcome, { status: 'ok' | 'invalid' }>;

interface Pending {
  key: string;
  stem: string | null;
  errors: number;
  resolve: (o: RenderOutcome) => void;
}

export class RenderService {
  private pool: WorkerPool | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly done = new ContentCache<Settled>((o) => (o.status === 'ok' ? o.bytes.byteLength : 0));

  constructor(private readonly o: RenderServiceOptions) {}

  get inFlight(): number {
    return this.pending.size;
  }

  render(text: string, file: string, format: OutputFormat): Promise<RenderOutcome> {
    const key = contentKey(file, text, format, JSON.stringify(this.o.options));
    const hit = this.done.get(key);
    if (hit) return Promise.resolve(copied(hit));
    if (this.pending.size >= this.o.maxInFlight) return Promise.resolve({ status: 'busy' });
    this.pool ??= new WorkerPool(this.o.workers, { renderersModule: this.o.renderersModule }, this.o.workerUrl ?? DEFAULT_WORKER_URL, (e) => this.onEvent(e), this.o.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { key, stem: null, errors: 0, resolve });
      this.pool!.submit({ id, file, bytes: new TextEncoder().encode(text), formats: [format], options: this.o.options });
    });
  }

  /**
   * Starts every worker and loads its renderers and fonts on a report of its own (`text`), in the
   * background, so that the clerk's first download does not wait for a start-up.
   */
  warmUp(text: string): void {
    for (let i = 0; i < this.o.workers; i++) void this.render(text, 'warm-up.yaml', 'pdf');
  }

  async close(): Promise<void> {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve({ status: 'failed', message: '编辑服务已关闭' });
    }
    await this.pool?.close();
  }

  private onEvent(e: JobEvent): void {
    const p = this.pending.get(e.id);
    if (!p) return;
    if (e.type === 'checked') {
      p.stem = e.stem;
      p.errors = e.errors;
      return;
    }
    this.pending.delete(e.id);
    if (e.type === 'crashed') return p.resolve({ status: 'failed', message: e.message });
    if (p.errors > 0 || !p.stem) return p.resolve(this.keep(p.key, { status: 'invalid' }));
    const out = e.outputs[0];
    if (!out) return p.resolve({ status: 'failed', message: e.failures.join('；') || '没有生成文件' });
    p.resolve(this.keep(p.key, { status: 'ok', bytes: out.bytes, stem: p.stem }));
  }

  private keep(key: string, outcome: Settled): Settled {
    this.done.set(key, outcome);
    return copied(outcome);
  }
}

/** A kept outcome as a response gets it: its own bytes, so that it cannot share (or change) the kept ones. */
const copied = (o: Settled): Settled => (o.status === 'ok' ? { ...o, bytes: new Uint8Array(o.bytes) } : o);
