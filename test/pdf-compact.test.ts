import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compactPdf } from '../src/render/pdf/compact.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { paint } from '../src/render/pdf/paint.js';
import { preparePaged } from '../src/render/pdf/prepare.js';
import { documentOf, examples } from './support/examples.js';
import { pdfGlyphs, pdfOutline, pdfPages, pdfSource, pdfTableCells } from './support/pdf.js';

/** The PDF as pdfkit paints it, before its objects go into object streams. */
async function painted(name: string): Promise<{ before: Uint8Array; after: Uint8Array }> {
  const doc = documentOf(examples().find((e) => e.name === name)!);
  const { style, layout, face, tables, outline } = preparePaged(doc, {});
  const before = await paint(layout, { meta: doc.meta, tables, outline, face, border: style.tableBorder });
  return { before, after: (await renderPdf(doc, {})).bytes };
}

const streams = (pdf: Uint8Array): Buffer[] => {
  const buf = Buffer.from(pdf);
  const out: Buffer[] = [];
  for (const m of buf.toString('latin1').matchAll(/\/Length (\d+)\n>>\nstream\n/g)) out.push(buf.subarray(m.index + m[0].length, m.index + m[0].length + Number(m[1])));
  return out;
};

/**
 * Object streams and a cross-reference stream (render/pdf/compact.ts, issue 18's size goal): the
 * same document for every reader — pdf.js (text, every glyph's place, the tagged table cells,
 * the bookmarks) and poppler (pdftotext) — in less than four fifths of the bytes, every stream
 * of pdfkit's file carried over byte for byte.
 */
describe.each(examples().map((e) => [e.name] as const))('compacted PDF of %s', (name) => {
  it('reads as the PDF pdfkit painted, in fewer bytes', async () => {
    const { before, after } = await painted(name);
    expect(after.length).toBeLessThan(0.8 * before.length);
    expect(Buffer.from(after).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdfSource(after)).toMatch(/\/Type \/XRef/);
    expect(await pdfPages(after)).toEqual(await pdfPages(before));
    expect(await pdfGlyphs(after)).toEqual(await pdfGlyphs(before));
    expect(await pdfTableCells(after)).toEqual(await pdfTableCells(before));
    expect(await pdfOutline(after)).toEqual(await pdfOutline(before));
    const poppler = (pdf: Uint8Array) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    expect(poppler(after)).toBe(poppler(before));
    const kept = Buffer.from(after);
    for (const s of streams(before)) expect(kept.indexOf(s)).toBeGreaterThan(0);
  });
});

describe('compactPdf', () => {
  it('leaves what is not pdfkit 1.7 output as it is', () => {
    const odd = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'));
    expect(compactPdf(odd)).toBe(odd);
    // pdfkit's layout but an xref table pointing elsewhere: unchanged too, never a broken file.
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000001 00000 n \ntrailer\n<<\n/Size 2\n/Root 1 0 R\n>>\nstartxref\n', 'latin1');
    const shifted = new Uint8Array(Buffer.concat([pdf, Buffer.from(`${pdf.indexOf('xref')}\n%%EOF\n`, 'latin1')]));
    expect(compactPdf(shifted)).toBe(shifted);
  });

  it('is not applied to PDF/A (PDF/A-1 has no object streams; PDF/A-2 stays as Preflight checked it)', async () => {
    const doc = documentOf(examples()[0]!);
    for (const pdfa of ['1b', '2b'] as const) expect(pdfSource((await renderPdf(doc, { pdfa })).bytes)).not.toMatch(/\/Type \/(XRef|ObjStm)/);
  });
});
