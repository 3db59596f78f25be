import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { resolveFonts } from '../../fonts/resolve.js';
import { DEFAULT_STYLE } from '../../model/style.js';
import { drawText, type PdfkitText } from './textOps.js';

const faces = resolveFonts(DEFAULT_STYLE.fonts, { explicit: {}, systemDirs: [] }).faces;

/** The page's content stream as text, after drawing with `draw`. */
function contentOf(draw: (doc: PDFKit.PDFDocument) => void): string {
  const doc = new PDFDocument({ compress: false, autoFirstPage: false, size: 'A4', margin: 0 });
  doc.addPage();
  draw(doc);
  const page = doc.page as unknown as { content: { buffer: Uint8Array[] } };
  return page.content.buffer.map((b) => Buffer.from(b).toString('latin1')).join('');
}

const cases: [string, number, boolean][] = [
  ['政府信息公开工作年度报告', 0, false],
  ['一、总体情况（2021年）', 0.443389, false],
  ['AVATAR Wave 1,234', -0.5, false],
  ['1.加强组织领导', 0, true],
  ['', 0, false],
];

describe('drawText', () => {
  it.each(cases)('writes what pdfkit text() writes for %j (spacing %s, stroke %s)', (text, spacing, stroke) => {
    const font = faces.body!.font as unknown as string;
    const viaPdfkit = contentOf((doc) => {
      doc.font(font, 'body', 16);
      doc.fillColor('black').text(text, 88.767646, 120.5, { lineBreak: false, characterSpacing: spacing, baseline: 'alphabetic', ...(stroke ? { fill: true, stroke: true } : {}) });
    });
    const direct = contentOf((doc) => {
      doc.font(font, 'body', 16);
      drawText(doc as unknown as PdfkitText, text, 88.767646, 120.5, spacing, stroke);
    });
    expect(direct).toBe(viaPdfkit);
    if (text) expect(direct).toContain(' TJ');
  });
});
