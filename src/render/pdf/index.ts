import type { Renderer } from '../types.js';
import { paint } from './paint.js';
import { preparePaged } from './prepare.js';

/** Document → PDF bytes: resolve the faces, lay out (pure, shared with the OFD), paint with pdfkit. */
export const renderPdf: Renderer = async (doc, options) => {
  const { style, layout, face, tables, outline, warnings } = preparePaged(doc, options);
  const bytes = await paint(layout, { meta: doc.meta, tables, outline, face, border: style.tableBorder, ...(options.pdfa ? { pdfa: options.pdfa } : {}) });
  return { bytes, warnings };
};
