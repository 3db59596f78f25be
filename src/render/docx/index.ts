import type { Document } from '../../model/document.js';
import { DEFAULT_STYLE } from '../../model/style.js';
import type { RenderOptions, RenderResult, Renderer } from '../types.js';
import { bodyXml } from './build.js';
import { addFontParts } from './embed/parts.js';
import { packDocx } from './pack.js';

/**
 * The DOCX renderer (issue 3): Document → a print-ready Word file laid out to GB/T 9704 with the
 * official merged-cell tables. The runs name the official faces (Word/WPS on an agency PC use the
 * installed fonts); with `options.embedFonts` the resolved faces are embedded as subsets under
 * those names (issue 4 "DOCX fonts"), so the file looks the same on a machine without them.
 */
export const renderDocx: Renderer = async (doc: Document, options: RenderOptions): Promise<RenderResult> => {
  const body = bodyXml(doc, DEFAULT_STYLE);
  if (!options.embedFonts) return { bytes: await packDocx(body, doc.meta, DEFAULT_STYLE), warnings: [] };
  // Loaded only here: subset-font brings HarfBuzz and a WOFF2 codec whose 32 MB of WebAssembly
  // memory every batch worker would otherwise carry for nothing.
  const { embeddedFonts } = await import('./embed/index.js');
  const { entries, warnings } = await embeddedFonts(doc, DEFAULT_STYLE, options);
  return { bytes: await packDocx(body, doc.meta, DEFAULT_STYLE, (parts) => addFontParts(parts, entries)), warnings };
};
