import type { Document } from '../../model/document.js';
import type { Layout } from '../pdf/types.js';
import { mm, um, xmlText } from './units.js';

interface Entry {
  level: number;
  title: string;
  page: number;
  left: number;
  top: number;
  children: Entry[];
}

/**
 * `Outlines` of Document.xml: the headings (一、 → （一） → 1.) and the run-in headings that open
 * paragraphs, nested by level, each going to the first line it is set on (its page, left edge and
 * top). Empty when the report has no headings (the element then is left out).
 */
export function outlines(doc: Document, layout: Layout, pageIds: readonly number[]): string {
  const first = new Map<number, { page: number; left: number; top: number }>();
  layout.pages.forEach((p, page) => {
    for (const item of p.items) {
      if (item.kind !== 'text' || item.tag.kind !== 'block' || first.has(item.tag.block)) continue;
      const size = Math.max(...item.segments.map((s) => s.size));
      first.set(item.tag.block, { page, left: item.left, top: item.y - size });
    }
  });
  const roots: Entry[] = [];
  const open: Entry[] = [];
  doc.blocks.forEach((b, i) => {
    const heading = b.type === 'heading' ? { level: b.level, text: b.text } : b.type === 'paragraph' && b.lead ? { level: b.lead.level, text: b.lead.text.replace(/[。．.：:]+$/, '') } : undefined;
    const at = first.get(i);
    if (!heading || !at || heading.text.trim() === '') return;
    const entry: Entry = { level: heading.level, title: heading.text, ...at, children: [] };
    while (open.length > 0 && open[open.length - 1]!.level >= entry.level) open.pop();
    (open.length > 0 ? open[open.length - 1]!.children : roots).push(entry);
    open.push(entry);
  });
  if (roots.length === 0) return '';
  const elem = (e: Entry): string =>
    `<ofd:OutlineElem Title="${xmlText(e.title)}"><ofd:Actions><ofd:Action Event="CLICK"><ofd:Goto><ofd:Dest Type="XYZ" PageID="${pageIds[e.page]}" Left="${mm(um(e.left))}" Top="${mm(um(e.top))}"/></ofd:Goto></ofd:Action></ofd:Actions>${e.children.map(elem).join('')}</ofd:OutlineElem>`;
  return `<ofd:Outlines>${roots.map(elem).join('')}</ofd:Outlines>`;
}
