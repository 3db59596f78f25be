import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/batch.js';
import { expandInputs } from './inputs.js';
import { inShard, parseShard } from './shard.js';

/** A corpus of `n` reports in nested folders, made under `root`. */
function corpus(root: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const dir = join(root, `区县${i % 7}`, String(2019 + (i % 5)));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `报告-${i}.yaml`), '');
  }
}

describe('render --shard K/N', () => {
  it('parses K/N with K from 0 to N−1 and refuses anything else', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    for (const bad of ['4/4', '1/0', '-1/3', '1', 'a/b', '1/2/3']) expect(() => parseShard(bad), bad).toThrow(/--shard/);
  });

  it('splits the inputs into N disjoint parts that cover every input, the same wherever the corpus is mounted', async () => {
    const a = tempDir('shard-a');
    const b = join(tempDir('shard-b'), '别处', '挂载点');
    corpus(a, 120);
    corpus(b, 120);
    for (const count of [1, 2, 3, 8]) {
      const parts = (root: string) =>
        expandInputs([`${root}/**/*.yaml`]).then(({ files, keys }) =>
          Array.from({ length: count }, (_, index) => files.filter((f) => inShard(keys.get(f)!, { index, count })).map((f) => f.slice(root.length))),
        );
      const [onA, onB] = [await parts(a), await parts(b)];
      const all = onA.flat();
      expect(all).toHaveLength(120);
      expect(new Set(all).size).toBe(120);
      expect(onB).toEqual(onA);
      if (count > 1) for (const part of onA) expect(part.length).toBeGreaterThan(0);
    }
  });
});
