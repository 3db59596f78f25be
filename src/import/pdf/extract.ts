import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError } from '../source.js';
import { IMAGE_OPS, OP, type RawPdf } from './raw.js';

/**
 * Runs pdf.js on a PDF in a worker thread and returns each page's text items and drawing
 * operators (raw.ts). Why a thread: pdfjs-dist's legacy build, the one that runs on Node 20,
 * installs core-js polyfills (Iterator helpers, Promise.withResolvers, …) and DOM globals
 * (DOMMatrix, Path2D, navigator) into the realm that loads it; in a worker they stay in the
 * worker's realm, so the rest of the process is untouched. The thread also bounds time and
 * memory for a hostile file, and keeps pdf.js's console warnings off standard output (where
 * `import` writes the YAML). Inside it pdf.js runs its own "fake worker" on the same thread:
 * no web worker, no canvas, no network (fonts' CMaps and standard font data come from the
 * package's own folders).
 */
export async function extractPdf(bytes: Uint8Array, limits: { seconds: number } = { seconds: 60 }): Promise<RawPdf> {
  const require = createRequire(import.meta.url);
  const pdfjs = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(dirname(dirname(pdfjs)));
  const data = new Uint8Array(bytes); // a copy the thread may own
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      pdfjs: pathToFileURL(pdfjs).href,
      cMapUrl: `${join(root, 'cmaps')}/`,
      standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
      keep: Object.values(OP),
      images: [...IMAGE_OPS],
      data,
    },
    transferList: [data.buffer],
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  worker.stdout.resume();
  worker.stderr.resume();
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ImportError(`读取 PDF 超时（超过 ${limits.seconds} 秒），文件可能已损坏或结构异常`)), limits.seconds * 1000);
      worker.once('message', (m: WorkerReply) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        reject(new ImportError(/memory|heap/i.test(String(e)) ? '读取 PDF 时内存不足，文件可能已损坏或结构异常' : 'PDF 文件已损坏，无法读取'));
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new ImportError(`PDF 文件无法读取（读取进程意外结束，代码 ${code}）`));
      });
    });
    if (!reply.ok) throw new ImportError(failureMessage(reply.name, reply.message));
    return reply.pdf;
  } finally {
    await worker.terminate();
  }
}

type WorkerReply = { ok: true; pdf: RawPdf } | { ok: false; name: string; message: string };

/** pdf.js's exception names → what the user is told (never the English text of the library). */
export function failureMessage(name: string, message: string): string {
  if (name === 'PasswordException') {
    return 'PDF 文件已加密，需要密码才能打开，无法导入。请向发布单位索取未加密的文件，或使用年报的 Word 原件（.docx）或门户网站上的网页（另存为 .html）';
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || /Invalid PDF|No PDF header/i.test(message)) {
    return 'PDF 文件已损坏或不完整，无法读取。请重新下载，或使用年报的 Word 原件（.docx）或门户网站上的网页（另存为 .html）';
  }
  if (name === 'NoPages') return 'PDF 文件中没有页面，可能已损坏';
  return 'PDF 文件无法读取（文件可能已损坏或使用了不支持的功能）。请使用年报的 Word 原件（.docx）或门户网站上的网页（另存为 .html）';
}

/**
 * The worker: plain JavaScript (it runs from this string, so the same code serves the built
 * package and the TypeScript tests). It keeps only the operators listed in `keep`.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { pdfjs, cMapUrl, standardFontDataUrl, keep, images, data } = workerData;
  const lib = await import(pdfjs);
  const task = lib.getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    useWorkerFetch: false, cMapUrl, cMapPacked: true, standardFontDataUrl, stopAtErrors: false });
  const doc = await task.promise;
  if (doc.numPages < 1) throw Object.assign(new Error('no pages'), { name: 'NoPages' });
  const kept = new Set(keep), imageOps = new Set(images);
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
  await doc.destroy();
  parentPort.postMessage({ ok: true, pdf: { pages, info } });
})().catch((e) => parentPort.postMessage({ ok: false, name: String((e && e.name) || 'Error'), message: String((e && e.message) || e) }));
`;
