import PDFDocument from 'pdfkit';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFile, ImportError } from '../index.js';
import { DRAW, IMAGE_OPS, OP } from './raw.js';

/** A PDF made with pdfkit: `draw` gets the document; options as pdfkit takes them (userPassword…). */
function pdfkitPdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  draw(doc);
  doc.end();
  return done;
}

/** A grey 8 × 8 PNG: a page that is only an image, as a scanner makes it. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, 128, 128, 128, 128, 128, 128, 128, 128])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) {
    c ^= x;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const failure = async (bytes: Uint8Array): Promise<string> => {
  try {
    await importFile(bytes, 'x.pdf');
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('imported');
};

describe('pdf.js internals the reader relies on (pinned pdfjs-dist 5.4.296)', () => {
  it('operator and path codes match the library', async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const ops = lib.OPS as unknown as Record<string, number>;
    for (const [name, code] of Object.entries(OP)) expect(ops[name], name).toBe(code);
    expect(IMAGE_OPS.map((c) => Object.keys(ops).find((k) => ops[k] === c))).toEqual([
      'paintImageMaskXObject', 'paintImageMaskXObjectGroup', 'paintImageXObject', 'paintInlineImageXObject', 'paintInlineImageXObjectGroup', 'paintImageXObjectRepeat', 'paintImageMaskXObjectRepeat',
    ]);
    expect((lib as unknown as { DrawOPS: Record<string, number> }).DrawOPS ?? DRAW).toEqual(DRAW);
  });
});

describe('PDFs that cannot be imported get their own clear Chinese error', () => {
  it('a scan (pages that are images, no text layer)', async () => {
    const bytes = await pdfkitPdf((d) => d.image(png(), 50, 50, { width: 400 }));
    expect(await failure(bytes)).toMatch(/扫描件.*Word 原件.*OCR/);
  });
  it('a page with nothing on it', async () => {
    expect(await failure(await pdfkitPdf(() => undefined))).toMatch(/没有文字/);
  });
  it('an encrypted PDF (needs a password)', async () => {
    const bytes = await pdfkitPdf((d) => d.text('x'), { userPassword: 'secret', ownerPassword: 'owner' } as PDFKit.PDFDocumentOptions);
    expect(await failure(bytes)).toMatch(/已加密.*密码/);
  });
  it('a corrupt or truncated PDF', async () => {
    const good = await pdfkitPdf((d) => d.text('x'));
    expect(await failure(new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage\n%%EOF'))).toMatch(/损坏|无法读取|没有页面/);
    expect(await failure(good.subarray(0, 200))).toMatch(/损坏|无法读取|没有页面|没有文字/);
  });
  it('never an English library message or a stack trace', async () => {
    const m = await failure(new TextEncoder().encode('%PDF-1.4\n'));
    expect(m).not.toMatch(/[A-Za-z]{6,}/);
  });
});
