import type { Document } from '../../model/document.js';
import type { Style } from '../../model/style.js';
import { flowText } from './flow.js';
import { baselineIn, geometry } from './geometry.js';
import { Pager } from './page.js';
import { prepareTable, startHeight, type PreparedTable } from './table.js';
import { flowTable } from './tableflow.js';
import { setText } from './text.js';
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

/** `— N —` in 四号 宋体, 7 mm below the 版心; odd pages right, even pages left, one character in (spec §6.3). */
function addPageNumbers(pager: Pager, style: Style, m: Metrics): void {
  const g = pager.g;
  const size = style.sizes.pageNumber;
  const inset = style.pageNumber.insetChars * size;
  const y = g.bottom + style.pageNumber.belowTextMm * MM_TO_PT + baselineIn(size, size);
  for (const page of pager.pages) {
    const text = `${style.pageNumber.dash} ${page.number} ${style.pageNumber.dash}`;
    const { lines } = setText([{ text, role: 'pageNumber', size, tracking: 0 }], m, g.width - 2 * inset, 0, 'left');
    const line = lines[0]!;
    const width = line.right - line.left;
    const x = page.number % 2 === 1 ? g.left + g.width - inset - width : g.left + inset;
    page.items.push({ kind: 'text', y, segments: line.segments.map((s) => ({ ...s, x: s.x + x })), left: x, right: x + width, last: true, tag: { kind: 'artifact' } });
  }
}

