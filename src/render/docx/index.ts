import type { Document } from '../../model/document.js';
import { DEFAULT_STYLE } from '../../model/style.js';
import type { RenderOptions, RenderResult, Renderer } from '../types.js';
import { buildDocx } from './build.js';
import { packDocx } from './pack.js';

/**
 * The DOCX renderer (issue 3): Document → a print-ready Word file laid out to GB/T 9704 with the
 * official merged-cell tables. `options.embedFonts` is not handled here yet: font subsetting
 * belongs to the fonts work; without it the file names the official faces and Word/WPS on an
 * agency PC uses the installed fonts.
 */
export const renderDocx: Renderer = async (doc: Document, _options: RenderOptions): Promise<RenderResult> => {
  const file = buildDocx(doc, DEFAULT_STYLE);
  return { bytes: await packDocx(file, doc.meta), warnings: [] };
};
