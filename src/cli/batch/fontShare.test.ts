import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/batch.js';
import { SharedFontFiles, type FontShareHandle } from './fontShare.js';

/** The built module: a worker thread runs JavaScript from dist/ (built before the tests). */
const BUILT = pathToFileURL(join(import.meta.dirname, '..', '..', '..', 'dist', 'cli', 'batch', 'fontShare.js')).href;

/** In a worker: read each file through the pool, report what came back. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then(({ sharedFontReader }) => {
  const read = sharedFontReader(workerData.handle);
  parentPort.postMessage(workerData.files.map((f) => {
    try {
      const b = read(f);
      return { shared: b.buffer instanceof SharedArrayBuffer, text: Buffer.from(b).toString('latin1') };
    } catch (e) { return { code: e.code }; }
  }));
});`;

function readInWorker(handle: FontShareHandle, transfer: readonly unknown[], files: string[]): Promise<({ shared: boolean; text: string } | { code: string })[]> {
  const w = new Worker(WORKER, { eval: true, workerData: { module: BUILT, handle, files }, transferList: transfer as never });
  return new Promise((resolve, reject) => {
    w.once('message', (m) => void w.terminate().then(() => resolve(m)));
    w.once('error', reject);
  });
}

describe('font files shared by the pool', () => {
  const dir = tempDir('fontshare');
  const font = join(dir, 'a.ttf');
  writeFileSync(font, 'not really a font, but bytes');
  const pool = new SharedFontFiles();
  afterAll(() => pool.close());

  it('gives every worker the same file in shared memory, read once; a missing file fails with its code', async () => {
    const a = pool.connect();
    const b = pool.connect();
    const [ra, rb] = await Promise.all([readInWorker(a.handle, a.transfer, [font, join(dir, 'missing.ttf')]), readInWorker(b.handle, b.transfer, [font])]);
    const expected = readFileSync(font).toString('latin1');
    expect(ra).toEqual([{ shared: true, text: expected }, { code: 'ENOENT' }]);
    expect(rb).toEqual([{ shared: true, text: expected }]);
    expect(pool.size).toBe(2); // one copy of the font (and the remembered failure), not one per worker
  });

  it('a worker whose pool does not answer reads the file itself', async () => {
    const silent = pool.connect();
    silent.close(); // the pool's end is gone: the request is never answered
    const handle = { ...silent.handle, flag: new SharedArrayBuffer(4) };
    // Wake the worker without an answer instead of after the time-out (until it has read).
    const nudge = setInterval(() => Atomics.notify(new Int32Array(handle.flag), 0), 20);
    const [r] = await readInWorker(handle, silent.transfer, [font]).finally(() => clearInterval(nudge));
    expect(r).toEqual({ shared: false, text: readFileSync(font).toString('latin1') });
  });
});
