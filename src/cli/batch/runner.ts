import { loadRendererTable, type RendererTable } from './renderers.js';
import type { JobMemo } from './memo.js';
import type { JobEvent, JobSpec } from './protocol.js';

/** Something that runs jobs and reports their events: a worker pool, or the main thread. */
export interface Runner {
  submit(spec: JobSpec): void;
  close(): Promise<void>;
}

export type EventSink = (event: JobEvent) => void;

/**
 * `--jobs 1` (and a single file): jobs run one after another in this thread, through the same
 * `runJob` the workers use, so outputs are byte-identical to the pool's.
 */
export class InProcessRunner implements Runner {
  private chain: Promise<void> = Promise.resolve();
  private table: Promise<RendererTable> | undefined;

  constructor(
    private readonly renderersModule: string,
    private readonly onEvent: EventSink,
    private readonly memo?: JobMemo,
  ) {}

  submit(spec: JobSpec): void {
    this.table ??= loadRendererTable(this.renderersModule);
    const table = this.table;
    this.chain = this.chain.then(async () => {
      try {
        // Loaded on first use: a pooled batch's main thread never needs the pipeline.
        const { runJob } = await import('./job.js');
        await runJob(spec, await table, this.onEvent, this.memo);
      } catch (e) {
        this.onEvent({ type: 'crashed', id: spec.id, message: e instanceof Error ? e.message : String(e) });
      }
    });
  }

  async close(): Promise<void> {
    await this.chain;
  }
}
