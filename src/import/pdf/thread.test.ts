import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../source.js';
import { extractPdf } from './extract.js';
import { pdfThread } from './thread.js';

function pdf(text: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.text(text);
  doc.end();
  return done;
}

const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort' || r === 'Worker').length;
const texts = (raw: Awaited<ReturnType<typeof extractPdf>>) => raw.pages.flatMap((p) => p.items.map((i) => i.str)).join('');

describe('the pdf.js thread', () => {
  it('is kept warm: PDFs one after another, or several at once, are read by one thread, each its own', async () => {
    const [a, b, c] = await Promise.all([pdf('first'), pdf('second'), pdf('third')]);
    await extractPdf(a);
    const started = pdfThread.started;
    expect(texts(await extractPdf(b))).toBe('second');
    const both = await Promise.all([extractPdf(c), extractPdf(a)]);
    expect(both.map(texts)).toEqual(['third', 'first']);
    expect(pdfThread.started).toBe(started);
  });

  it('holds the process open only while it reads (a command exits as soon as its work is done)', async () => {
    const bytes = await pdf('x');
    const idle = ports();
    const reading = extractPdf(bytes);
    await new Promise((r) => setImmediate(r)); // the job starts on the queue's turn
    expect(ports()).toBeGreaterThan(idle);
    await reading;
    expect(ports()).toBe(idle);
  });

  it('a PDF past its time ends the thread with the time-out error; the next PDF gets a new thread', async () => {
    const bytes = await pdf('slow');
    await extractPdf(bytes);
    const started = pdfThread.started;
    await expect(extractPdf(bytes, { seconds: 0.001 })).rejects.toThrow(ImportError);
    await expect(extractPdf(bytes, { seconds: 0.001 })).rejects.toThrow(/超时/);
    expect(texts(await extractPdf(bytes))).toBe('slow');
    expect(pdfThread.started).toBeGreaterThan(started);
  });
});
