import type { OutlineEntry } from '../outline.js';
import { mm, um, xmlText } from './units.js';

/**
 * `Outlines` of Document.xml from the report's outline (render/outline.ts), each element going to
 * its heading's page, left edge and top. Empty when there are no headings (the element then is left out).
 */
export function outlinesXml(entries: readonly OutlineEntry[], pageIds: readonly number[]): string {
  if (entries.length === 0) return '';
  const elem = (e: OutlineEntry): string =>
    `<ofd:OutlineElem Title="${xmlText(e.title)}"><ofd:Actions><ofd:Action Event="CLICK"><ofd:Goto><ofd:Dest Type="XYZ" PageID="${pageIds[e.page]}" Left="${mm(um(e.left))}" Top="${mm(um(e.top))}"/></ofd:Goto></ofd:Action></ofd:Actions>${e.children.map(elem).join('')}</ofd:OutlineElem>`;
  return `<ofd:Outlines>${entries.map(elem).join('')}</ofd:Outlines>`;
}
