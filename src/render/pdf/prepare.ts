import type { Document, TableBlock } from '../../model/document.js';
import { DEFAULT_STYLE, type Style } from '../../model/style.js';
import { defaultFontSettings, resolveFonts } from '../../fonts/resolve.js';
import { sharedFaceMessages } from '../../fonts/sharing.js';
import { outlineOf, type OutlineEntry } from '../outline.js';
import type { RenderOptions, RenderWarning } from '../types.js';
import { layoutDocument } from './layout.js';
import { fontMetrics } from './metrics.js';
import type { Layout } from './types.js';

/** What every painter of the paged formats (PDF, OFD) starts from: one layout, its faces, the tables. */
export interface PagedDocument {
  style: Style;
  layout: Layout;
  /** The resolved face of each role, as the layout measured it. */
  face: ReturnType<typeof fontMetrics>['face'];
  /** The table blocks by block index, for the structure of their cells (tags). */
  tables: Map<number, TableBlock>;
  /** The headings as bookmarks (PDF outline, OFD Outlines), from the same layout. */
  outline: OutlineEntry[];
  /** Font resolution problems, the fallback notice, then the layout's own warnings. */
  warnings: RenderWarning[];
}

/**
 * Resolves the faces, lays the document out (the pure step that decides every line and page
 * break) and gathers the warnings. PDF and OFD both paint what this returns, so their pages are
 * the same; neither painter breaks a line or a page itself (test/painters.test.ts).
 */
export function preparePaged(doc: Document, options: RenderOptions): PagedDocument {
  const style: Style = DEFAULT_STYLE;
  const set = resolveFonts(style.fonts, defaultFontSettings(options.fonts ?? {}));
  const warnings: RenderWarning[] = set.problems.map((message) => ({ code: 'font/unreadable', message }));
  const fellBack = Object.values(set.faces).filter((f) => f.source === 'fallback' || f.source === 'open');
  if (fellBack.length > 0) {
    const wanted = [...new Set(fellBack.map((f) => `${f.wanted}（用 ${f.postscriptName}）`))].join('、');
    warnings.push({ code: 'font/fallback', message: `未找到 ${wanted}，使用开源替代字体；把正版字体放进 fonts/ 文件夹即可（nianbao fonts 查看详情）` });
  }
  for (const message of sharedFaceMessages(set)) warnings.push({ code: 'font/shared-face', message });
  const metrics = fontMetrics(set);
  const layout = layoutDocument(doc, style, metrics);
  const tables = new Map<number, TableBlock>();
  doc.blocks.forEach((b, i) => b.type === 'table' && tables.set(i, b));
  return { style, layout, face: metrics.face, tables, outline: outlineOf(doc, layout), warnings: [...warnings, ...layout.warnings] };
}
