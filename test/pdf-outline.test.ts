import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/render/pdf/index.js';
import { documentOf, examples } from './support/examples.js';
import { pdfGlyphs, pdfOutline, type PdfBookmark } from './support/pdf.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * PDF bookmarks (issue 17 left them out; the OFD had its Outlines): every heading of the report, nested
 * as the headings are (一、 → （一） → 1.), each going to where its first line is drawn — read back
 * by pdf.js, placed against the glyphs the page really draws.
 */
describe.each(examples().map((e) => [e.name, e] as const))('PDF bookmarks of %s', (_name, ex) => {
  const doc = documentOf(ex);

  it('list the headings in order, nested by level, each at its first line', async () => {
    const { bytes } = await renderPdf(doc, {});
    const { pageMode, outline } = await pdfOutline(bytes);
    expect(pageMode).toBe('UseOutlines');
    expect(outline.map((b) => b.title)).toEqual(doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : [])));
    const glyphs = (await pdfGlyphs(bytes)).filter((g) => !g.artifact);
    const pageHeight = 841.89;
    const flat = (bs: PdfBookmark[], depth = 1): [PdfBookmark, number][] => bs.flatMap((b) => [[b, depth] as [PdfBookmark, number], ...flat(b.children, depth + 1)]);
    const all = flat(outline);
    expect(all.length).toBeGreaterThan(outline.length);
    let after = -1;
    for (const [b, depth] of all) {
      expect(depth).toBeLessThanOrEqual(3);
      // Every item open: /Count is all its descendants (PDF 1.7 §12.3.3; PDF/A Preflight checks it).
      expect(b.count).toBe(b.children.length > 0 ? flat(b.children).length : undefined);
      // The heading's characters, drawn one after the other, from the first glyph after the previous heading's.
      const title = [...squeeze(b.title)];
      const at = glyphs.findIndex((g, i) => i > after && title.every((ch, k) => glyphs[i + k]?.char === ch));
      expect(at, b.title).toBeGreaterThan(after);
      const g = glyphs[at]!;
      expect(b.page, b.title).toBe(g.page);
      expect(b.left).toBeCloseTo(g.x0, 0);
      expect(b.top).toBeCloseTo(pageHeight - (g.baseline - g.size), 0);
      after = at;
    }
  });
});
