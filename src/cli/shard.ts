import { createHash } from 'node:crypto';
import { UsageError } from './args.js';

/** `render --shard K/N`: the K-th (0-based) of N parts of the inputs. */
export interface Shard {
  index: number;
  count: number;
}

export const MAX_SHARDS = 100_000;

/** `K/N` with 0 ≤ K < N, as a Kubernetes Indexed Job gives K in `JOB_COMPLETION_INDEX`. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > MAX_SHARDS || index >= count) {
    throw new UsageError(`--shard 的写法是 K/N（N 份中的第 K 份，K 从 0 数到 N−1，如 --shard 0/4），实际是“${text}”`);
  }
  return { index, count };
}

/**
 * Whether the input with this key (its path relative to the folder or glob it was found under)
 * belongs to the shard. A hash of the key, not its position in the list, decides: every machine
 * that runs the same command on the same corpus puts each report in the same part, so N machines
 * render every report exactly once, even when their file lists are mounted in other places.
 */
export function inShard(key: string, shard: Shard): boolean {
  const hash = createHash('sha256').update(key, 'utf8').digest();
  return hash.readUInt32BE(0) % shard.count === shard.index;
}
