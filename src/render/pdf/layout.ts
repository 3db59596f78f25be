import type { Document } from '../../model/document.js';
import type { Style } from '../../model/style.js';
import { flowText } from './flow.js';
import { geometry } from './geometry.js';
import { Pager } from './page.js';
import { prepareTable, startHeight, type PreparedTable } from './table.js';
import { flowTable } from './tableflow.js';
import { textUnits } from './shaping.js';
import type { Layout, Metrics } from './types.js';
import { MM_TO_PT } from '../../model/style.js';

/**
 * The pure layout step: Document + style + font metrics → pages of positioned glyph runs and
 * rectangles. No PDF bytes; the paint step only draws what this decides (design.md).
 */
export function layoutDocument(doc: Document, style: Style, m: Metrics): Layout {
  const g = geometry(style);
  const pager = new Pager(g);
  const tables = new Map<number, PreparedTable>();
  doc.blocks.forEach((b, i) => {
    if (b.type === 'table') {
      tables.set(i, prepareTable(b, style, m, g, pager.missing));
    }
  });
  const traces: Layout['tables'] = [];
  doc.blocks.forEach((b, i) => {
    const next = doc.blocks[i + 1];
    switch (b.type) {
      case 'pageBreak':
        if (!pager.fresh) pager.newPage();
        break;
      case 'table':
        traces.push(flowTable(b, i, tables.get(i)!, style, pager));
        // Room under the rule before the next paragraph (a heading sat 1 mm under it).
        if (next && next.type !== 'pageBreak' && next.type !== 'table') pager.y = Math.min(pager.y + style.tableSpaceAfter, pager.g.bottom);
        break;
      default: {
        const keep = next?.type === 'table' ? startHeight(tables.get(i + 1)!) : style.linePitch;
        flowText(b, i, style, m, pager, keep);
        // One blank line under the title block (spec §6.2 practice).
        if ((b.type === 'title' || b.type === 'byline') && next?.type !== 'byline') pager.y += style.linePitch;
      }
    }
  });
  addPageNumbers(pager, style, m);
  return { pageWidth: g.pageWidth, pageHeight: g.pageHeight, pages: pager.pages, tables: traces, warnings: pager.missing.warnings() };
}

/**
 * `— N —` in 四号 宋体, the 一字线 7 mm below the 版心 (the middle of the dash's ink, measured in the
 * face); odd pages right, even pages left, one character in (spec §6.3). One segment with its
 * spaces, so a reader copies `— 1 —`, not `—1—`.
 */
function addPageNumbers(pager: Pager, style: Style, m: Metrics): void {
  const g = pager.g;
  const size = style.sizes.pageNumber;
  const inset = style.pageNumber.insetChars * size;
  const dash = style.pageNumber.dash;
  const y = g.bottom + style.pageNumber.belowTextMm * MM_TO_PT + m.inkMiddle('pageNumber', size, dash);
  for (const page of pager.pages) {
    const text = `${dash} ${page.number} ${dash}`;
    const width = textUnits(text).reduce((w, u) => w + m.width('pageNumber', size, u.text), 0);
    const x = page.number % 2 === 1 ? g.left + g.width - inset - width : g.left + inset;
    page.items.push({ kind: 'text', y, segments: [{ x, text, role: 'pageNumber', size, spacing: 0 }], left: x, right: x + width, last: true, tag: { kind: 'artifact' } });
  }
}
