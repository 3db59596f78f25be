import { ImportError } from '../source.js';
import type { RawPdf } from './raw.js';
import { pdfThread, ThreadFailure } from './thread.js';

/**
 * Runs pdf.js on a PDF in a worker thread and returns each page's text items and drawing
 * operators (raw.ts). Why a thread: pdfjs-dist's legacy build, the one that runs on Node 20,
 * installs core-js polyfills (Iterator helpers, Promise.withResolvers, …) and DOM globals
 * (DOMMatrix, Path2D, navigator) into the realm that loads it; in a worker they stay in the
 * worker's realm, so the rest of the process is untouched. The thread also bounds time and
 * memory for a hostile file, and keeps pdf.js's console warnings off standard output (where
 * `import` writes the YAML). Inside it pdf.js runs its own "fake worker" on the same thread:
 * no web worker, no canvas, no network (fonts' CMaps and standard font data come from the
 * package's own folders). The thread is kept warm for the next PDF (thread.ts).
 */
export async function extractPdf(bytes: Uint8Array, limits: { seconds: number } = { seconds: 60 }): Promise<RawPdf> {
  let reply;
  try {
    reply = await pdfThread.read(bytes, limits.seconds);
  } catch (e) {
    if (!(e instanceof ThreadFailure)) throw e;
    if (e.kind === 'timeout') throw new ImportError(`读取 PDF 超时（超过 ${limits.seconds} 秒），文件可能已损坏或结构异常`);
    throw new ImportError(e.kind === 'memory' ? '读取 PDF 时内存不足，文件可能已损坏或结构异常' : 'PDF 文件已损坏，无法读取');
  }
  if (!reply.ok) throw new ImportError(failureMessage(reply.name, reply.message));
  return reply.pdf;
}

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
