import type { Document } from '../model/document.js';
import type { Layout } from './pdf/types.js';

/** One entry of a paged document's outline (PDF bookmarks, OFD Outlines), in layout units (pt from the top-left). */
export interface OutlineEntry {
  level: number;
  title: string;
  /** Index of the page the heading's first line is on. */
  page: number;
  left: number;
  top: number;
  children: OutlineEntry[];
}

/**
 * The outline of a laid-out report, for every paged format alike: the headings (一、 → （一） → 1.)
 * and the run-in headings that open paragraphs (without their closing 。：), nested by level, each
 * going to the first line it is set on (its page, left edge and top). Empty when the report has
 * no headings.
 */
export function outlineOf(doc: Document, layout: Layout): OutlineEntry[] {
  const first = new Map<number, { page: number; left: number; top: number }>();
  layout.pages.forEach((p, page) => {
    for (const item of p.items) {
      if (item.kind !== 'text' || item.tag.kind !== 'block' || first.has(item.tag.block)) continue;
      const size = Math.max(...item.segments.map((s) => s.size));
      first.set(item.tag.block, { page, left: item.left, top: item.y - size });
    }
  });
  const roots: OutlineEntry[] = [];
  const open: OutlineEntry[] = [];
  doc.blocks.forEach((b, i) => {
    const heading = b.type === 'heading' ? { level: b.level, text: b.text } : b.type === 'paragraph' && b.lead ? { level: b.lead.level, text: b.lead.text.replace(/[。．.：:]+$/, '') } : undefined;
    const at = first.get(i);
    if (!heading || !at || heading.text.trim() === '') return;
    const entry: OutlineEntry = { level: heading.level, title: heading.text, ...at, children: [] };
    while (open.length > 0 && open[open.length - 1]!.level >= entry.level) open.pop();
    (open.length > 0 ? open[open.length - 1]!.children : roots).push(entry);
    open.push(entry);
  });
  return roots;
}
