import type { Renderer } from '../types.js';
import { compactPdf } from './compact.js';
import { paint } from './paint.js';
import { preparePaged } from './prepare.js';

/** Document → PDF bytes: resolve the faces, lay out (pure, shared with the OFD), paint with pdfkit. */
export const renderPdf: Renderer = async (doc, options) => {
  const { style, layout, face, tables, outline, warnings } = preparePaged(doc, options);
  const painted = await paint(layout, { meta: doc.meta, tables, outline, face, border: style.tableBorder, ...(options.pdfa ? { pdfa: options.pdfa } : {}) });
  // Object streams (PDF 1.5+) where the PDF may have them: not in PDF/A-1 (PDF 1.4); PDF/A-2 stays as
  // pdfkit writes it too, so that what Preflight checked is what is published.
  const bytes = options.pdfa ? painted : compactPdf(painted);
  return { bytes, warnings };
};
