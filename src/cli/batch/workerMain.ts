import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { useFontFileReader } from '../../fonts/files.js';
import { sharedFontReader } from './fontShare.js';
import { runJob } from './job.js';
import { loadRendererTable } from './renderers.js';
import type { JobEvent, JobSpec, ReadyMessage, WorkerInit } from './protocol.js';

/**
 * A pool worker: loads the pipeline and the renderers once, then renders one job at a time as
 * the pool sends them. Anything that escapes here (a renderer's stray async throw, running out
 * of memory) ends this thread only; the pool reports the file and starts a new worker.
 * `afterFirstJob` runs once, when the first job is done (the bundled worker saves its compiled
 * code then: cli/codeCache.ts).
 */
export function startWorker(afterFirstJob?: () => void): void {
  const port = parentPort;
  if (!port) throw new Error('worker.js 只能作为工作线程运行');
  const init = workerData as WorkerInit;
  if (init.fonts) useFontFileReader(sharedFontReader(init.fonts));
  const table = loadRendererTable(init.renderersModule);

  table.then(() => port.postMessage({ type: 'ready' } satisfies ReadyMessage));

  let first = afterFirstJob;
  port.on('message', (spec: JobSpec) => {
    void table.then(async (t) => {
      await runJob(spec, t, (e) => post(port, e));
      first?.();
      first = undefined;
    });
  });
}

/** Output bytes move to the main thread without a copy (a pooled Buffer is copied first). */
function post(port: MessagePort, event: JobEvent): void {
  if (event.type !== 'done') {
    port.postMessage(event);
    return;
  }
  const transfer: ArrayBuffer[] = [];
  for (const out of event.outputs) {
    const b = out.bytes;
    const own = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
    out.bytes = own ? b : new Uint8Array(b);
    transfer.push(out.bytes.buffer as ArrayBuffer);
  }
  port.postMessage(event, transfer);
}
