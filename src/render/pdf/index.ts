import type { TableBlock } from '../../model/document.js';
import { DEFAULT_STYLE, type Style } from '../../model/style.js';
import { defaultFontSettings, resolveFonts, type FontSettings } from '../../fonts/resolve.js';
import { sharedFaceMessages } from '../../fonts/sharing.js';
import type { Renderer, RenderWarning } from '../types.js';
import { fastTrueTypeSubsets } from './fastSubset.js';
import { layoutDocument } from './layout.js';
import { fontMetrics } from './metrics.js';
import { paint } from './paint.js';

/** Document → PDF bytes: resolve the faces, lay out (pure), paint with pdfkit. */
export const renderPdf: Renderer = async (doc, options) => {
  const style: Style = DEFAULT_STYLE;
  const settings: FontSettings = defaultFontSettings(options.fonts ?? {});
  const set = resolveFonts(style.fonts, settings);
  const warnings: RenderWarning[] = set.problems.map((message) => ({ code: 'font/unreadable', message }));
  const fellBack = Object.values(set.faces).filter((f) => f.source === 'fallback' || f.source === 'open');
  if (fellBack.length > 0) {
    const wanted = [...new Set(fellBack.map((f) => `${f.wanted}（用 ${f.postscriptName}）`))].join('、');
    warnings.push({ code: 'font/fallback', message: `未找到 ${wanted}，使用开源替代字体；把正版字体放进 fonts/ 文件夹即可（nianbao fonts 查看详情）` });
  }
  for (const message of sharedFaceMessages(set)) warnings.push({ code: 'font/shared-face', message });
  for (const face of Object.values(set.faces)) fastTrueTypeSubsets(face.font);
  const metrics = fontMetrics(set);
  const layout = layoutDocument(doc, style, metrics);
  const tables = new Map<number, TableBlock>();
  doc.blocks.forEach((b, i) => b.type === 'table' && tables.set(i, b));
  const bytes = await paint(layout, { meta: doc.meta, tables, face: metrics.face, border: style.tableBorder, ...(options.pdfa ? { pdfa: options.pdfa } : {}) });
  return { bytes, warnings: [...warnings, ...layout.warnings] };
};
