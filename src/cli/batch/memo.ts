import { createHash } from 'node:crypto';
import type { CheckedMessage, DoneMessage } from './protocol.js';

/**
 * Finished work keyed by the content it came from (issue 18): the editor's render API and
 * `render --watch` render the same report over and over (a second click on 下载 PDF, an undo
 * back to a text already rendered), and the pipeline is deterministic, so the bytes of the same
 * input, formats and options are the bytes rendered before. Least recently used entries go first,
 * past a bound on entries and on their bytes, so a long editing session stays flat in memory.
 * Only the processes that re-render (the editor's main thread, `--watch`) keep one; a batch of
 * distinct reports would only fill it.
 */
export class ContentCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    /** How many bytes one value holds (its outputs); the bound below counts these. */
    private readonly sizeOf: (value: V) => number,
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly maxEntries = 64,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V): void {
    const bytes = this.sizeOf(value);
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.bytes;
    }
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
      this.total -= e.bytes;
    }
  }
}

/** The key of some content: SHA-256 over its parts, each prefixed by its length so no two splits collide. */
export function contentKey(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    h.update(`${typeof p === 'string' ? 's' : 'b'}${bytes.byteLength}:`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** Finished jobs (cli/batch/job.ts) by the content of their input. */
export type JobMemo = ContentCache<{ checked: CheckedMessage; done: DoneMessage }>;

export function jobMemo(maxBytes?: number, maxEntries?: number): JobMemo {
  return new ContentCache((j) => j.done.outputs.reduce((n, o) => n + o.bytes.byteLength, 0), maxBytes, maxEntries);
}
