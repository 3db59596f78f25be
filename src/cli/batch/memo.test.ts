import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENDERERS } from '../../render/index.js';
import { runJob } from './job.js';
import { contentKey, ContentCache, jobMemo, type JobMemo } from './memo.js';
import type { DoneMessage, JobEvent, JobSpec } from './protocol.js';

describe('ContentCache', () => {
  it('drops the least recently used entry past the bound on entries', () => {
    const c = new ContentCache<string>(() => 0, 1000, 2);
    c.set('a', 'A');
    c.set('b', 'B');
    expect(c.get('a')).toBe('A'); // a is now the most recent
    c.set('c', 'C');
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c'), c.size]).toEqual(['A', 'C', 2]);
  });

  it('drops entries past the bound on bytes, and never keeps a value larger than the bound', () => {
    const c = new ContentCache<Uint8Array>((v) => v.byteLength, 10, 100);
    c.set('a', new Uint8Array(4));
    c.set('b', new Uint8Array(4));
    c.set('c', new Uint8Array(4));
    expect([c.get('a'), c.size, c.bytes]).toEqual([undefined, 2, 8]);
    c.set('big', new Uint8Array(11));
    expect([c.get('big'), c.size, c.bytes]).toEqual([undefined, 2, 8]);
    c.set('b', new Uint8Array(1)); // replacing counts the new size only
    expect(c.bytes).toBe(5);
  });
});

describe('contentKey', () => {
  it('tells apart parts split differently, strings from bytes, and any changed byte', () => {
    const keys = [contentKey('ab', 'c'), contentKey('a', 'bc'), contentKey('abc'), contentKey(new TextEncoder().encode('abc')), contentKey('abd')];
    expect(new Set(keys).size).toBe(keys.length);
    expect(contentKey('a', new Uint8Array([1, 2]))).toBe(contentKey('a', new Uint8Array([1, 2])));
  });
});

describe('runJob with a memo', () => {
  const bytes = readFileSync(new URL('../../../data/daxing-kw-2020.yaml', import.meta.url));
  const spec = (id: number, over: Partial<JobSpec> = {}): JobSpec => ({ id, file: 'daxing-kw-2020.yaml', bytes, formats: ['pdf', 'html'], options: {}, ...over });
  const run = async (s: JobSpec, memo?: JobMemo): Promise<JobEvent[]> => {
    const events: JobEvent[] = [];
    await runJob(s, RENDERERS, (e) => events.push(e), memo);
    return events;
  };
  const outputsOf = (events: JobEvent[]) => (events.find((e) => e.type === 'done') as DoneMessage).outputs;

  it('answers the same input again with the bytes an uncached render gives, as copies, under the new job id', async () => {
    const plain = await run(spec(1));
    const memo = jobMemo();
    const first = await run(spec(2), memo);
    expect(memo.size).toBe(1);
    const rendered = outputsOf(plain).map((o) => Buffer.from(o.bytes));
    expect(outputsOf(first).map((o) => Buffer.from(o.bytes))).toEqual(rendered);
    // What a reader does to the bytes it got (a worker transfers them away) never reaches the memo.
    for (const o of outputsOf(first)) o.bytes.fill(0);
    const again = await run(spec(3), memo);
    expect(again.map((e) => [e.type, e.id])).toEqual([['checked', 3], ['done', 3]]);
    expect(outputsOf(again).map((o) => Buffer.from(o.bytes))).toEqual(rendered);
    expect(again[0]).toEqual({ ...plain[0], id: 3 });
    expect({ ...again[1], outputs: [] }).toEqual({ ...plain[1], id: 3, outputs: [] });
  }, 60_000);

  it('renders again for other options, formats, names or bytes', async () => {
    const memo = jobMemo();
    await run(spec(1), memo);
    await run(spec(2, { options: { pdfa: '2b' } }), memo);
    await run(spec(3, { formats: ['html'] }), memo);
    await run(spec(4, { file: 'other.yaml' }), memo);
    await run(spec(5, { bytes: Buffer.concat([bytes, Buffer.from('\n# 改过\n')]) }), memo);
    expect(memo.size).toBe(5);
  }, 60_000);

  it('keeps a report with errors (nothing rendered) as its diagnostics', async () => {
    const memo = jobMemo();
    const broken = spec(1, { bytes: Buffer.from(bytes.toString('utf8').replace('agency:', 'agenc:')) });
    const first = await run(broken, memo);
    const again = await run({ ...broken, id: 2 }, memo);
    expect(memo.size).toBe(1);
    expect(again).toEqual(first.map((e) => ({ ...e, id: 2 })));
    expect(outputsOf(again)).toEqual([]);
  });
});
