import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { IMAGE_OPS, OP, type RawPdf } from './raw.js';

export type ThreadReply = { ok: true; pdf: RawPdf } | { ok: false; name: string; message: string };

/** Why a job ended without a reply from pdf.js: it ran past its time, the thread ran out of memory, or the thread died. */
export class ThreadFailure extends Error {
  constructor(readonly kind: 'timeout' | 'memory' | 'crash') {
    super(kind);
  }
}

/** A thread that has grown past this much heap after a job is ended rather than kept warm. */
const RETIRE_HEAP_BYTES = 256 * 1024 * 1024;
/** How long a warm thread waits for the next PDF before it ends. */
const IDLE_MS = 2000;

/**
 * The pdf.js thread, kept warm for the next PDF in the same process (starting one and loading
 * pdf.js into it costs about as much as reading a report) and ended when idle. PDFs are read one
 * at a time. While it waits the thread does not hold the process open (`unref`), so a command
 * exits as soon as its work is done. The caps stay per PDF: a job past its time ends the thread
 * (pdf.js may be stuck in it), the heap limit is the thread's, and a thread grown large on a big
 * file is ended after it rather than kept.
 */
class PdfThread {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | null = null;
  private next = 0;
  started = 0;

  read(bytes: Uint8Array, seconds: number): Promise<ThreadReply> {
    const job = this.queue.then(() => this.run(bytes, seconds));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private run(bytes: Uint8Array, seconds: number): Promise<ThreadReply> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = (this.worker ??= this.start());
    worker.ref();
    const id = ++this.next;
    const data = new Uint8Array(bytes); // a copy the thread may own
    return new Promise<ThreadReply>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (kind: ThreadFailure['kind']) => {
        done();
        this.stop(worker);
        reject(new ThreadFailure(kind));
      };
      const onMessage = (m: ThreadReply & { id: number; heap: number }) => {
        if (m.id !== id) return;
        done();
        if (m.heap > RETIRE_HEAP_BYTES) this.stop(worker);
        else this.rest(worker);
        resolve(m.ok ? { ok: true, pdf: m.pdf } : { ok: false, name: m.name, message: m.message });
      };
      const onError = (e: unknown) => fail(/memory|heap/i.test(String(e)) ? 'memory' : 'crash');
      const onExit = () => fail('crash');
      const timer = setTimeout(() => fail('timeout'), seconds * 1000);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, data }, [data.buffer]);
    });
  }

  private start(): Worker {
    const require = createRequire(import.meta.url);
    const pdfjs = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
    const root = dirname(dirname(dirname(pdfjs)));
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        pdfjs: pathToFileURL(pdfjs).href,
        cMapUrl: `${join(root, 'cmaps')}/`,
        standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
        keep: Object.values(OP),
        images: [...IMAGE_OPS],
      },
      // No piped stdio: a piped stream would hold the process open while the thread waits. The
      // thread silences its own console instead (pdf.js warns there; `import` writes YAML to stdout).
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    this.started++;
    return worker;
  }

  /** Between PDFs: the thread no longer holds the process open, and ends if no PDF comes. */
  private rest(worker: Worker): void {
    worker.unref();
    this.idle = setTimeout(() => this.stop(worker), IDLE_MS);
    this.idle.unref();
  }

  private stop(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    worker.removeAllListeners();
    void worker.terminate();
  }
}

/** The process's one pdf.js thread. */
export const pdfThread = new PdfThread();

/**
 * The thread: plain JavaScript (it runs from this string, so the same code serves the built
 * package and the TypeScript tests). It loads pdf.js once, then reads each PDF posted to it and
 * keeps only the operators listed in `keep`.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
for (const k of ['log', 'info', 'warn', 'error', 'debug', 'trace']) console[k] = () => undefined;
process.stdout.write = process.stderr.write = () => true;
const { pdfjs, cMapUrl, standardFontDataUrl, keep, images } = workerData;
const lib = import(pdfjs);
const kept = new Set(keep), imageOps = new Set(images);
async function read(data) {
  const task = (await lib).getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    useWorkerFetch: false, cMapUrl, cMapPacked: true, standardFontDataUrl, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw e;
  }
  try {
    if (doc.numPages < 1) throw Object.assign(new Error('no pages'), { name: 'NoPages' });
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const text = await page.getTextContent({ disableNormalization: false });
      const list = await page.getOperatorList();
      const ops = [];
      let imageCount = 0;
      for (let i = 0; i < list.fnArray.length; i++) {
        const fn = list.fnArray[i];
        if (kept.has(fn)) ops.push([fn, list.argsArray[i]]);
        else if (imageOps.has(fn)) imageCount++;
      }
      const verticalFonts = Object.entries(text.styles).filter(([, s]) => s.vertical).map(([k]) => k);
      const items = text.items.filter((t) => typeof t.str === 'string').map((t) => ({ str: t.str, transform: t.transform, width: t.width, height: t.height, fontName: t.fontName, hasEOL: t.hasEOL }));
      pages.push({ viewport: viewport.transform, width: viewport.width, height: viewport.height, items, verticalFonts, ops, images: imageCount });
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => ({ info: {} }));
    const info = {};
    for (const [k, v] of Object.entries(meta.info || {})) if (typeof v === 'string') info[k] = v;
    return { pages, info };
  } finally {
    await doc.destroy();
  }
}
parentPort.on('message', ({ id, data }) => {
  read(data).then(
    (pdf) => parentPort.postMessage({ id, ok: true, pdf, heap: process.memoryUsage().heapUsed }),
    (e) => parentPort.postMessage({ id, ok: false, name: String((e && e.name) || 'Error'), message: String((e && e.message) || e), heap: process.memoryUsage().heapUsed }),
  );
});
`;
