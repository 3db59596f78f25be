import type { Document } from '../../model/document.js';
import { DEFAULT_STYLE } from '../../model/style.js';
import type { RenderOptions, RenderResult, RenderWarning, Renderer } from '../types.js';
import { buildDocx } from './build.js';
import { packDocx } from './pack.js';

/**
 * The DOCX renderer (issue 3): Document → a print-ready Word file laid out to GB/T 9704 with the
 * official merged-cell tables. `options.embedFonts` is not handled yet: font subsetting belongs
 * to the fonts work. Until then the file names the official faces (Word/WPS on an agency PC use
 * the installed fonts) and the option only draws a warning, so the user is not misled.
 */
export const renderDocx: Renderer = async (doc: Document, options: RenderOptions): Promise<RenderResult> => {
  const file = buildDocx(doc, DEFAULT_STYLE);
  const warnings: RenderWarning[] = [];
  if (options.embedFonts) {
    warnings.push({ code: 'docx/embed-fonts-unsupported', message: 'DOCX 暂不支持嵌入字体（--embed-fonts），文件只写明字体名称，请在打印的电脑上安装公文字体' });
  }
  return { bytes: await packDocx(file, doc.meta), warnings };
};
