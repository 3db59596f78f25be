import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Report } from '../../src/model/report.js';
import { figureRows } from '../../src/editions/rows.js';
import { getEdition } from '../../src/editions/index.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface FillOptions {
  /** Leave the 总计 cells of the 三 and 四 tables empty (reports that do). */
  blankTotals?: boolean;
  /** How a figure is written into its cell (e.g. with spaces around it). */
  write?: (text: string) => string;
  /** Character spacing (twentieths of a point) of the figures: a letter-spaced table. */
  letterSpacing?: number;
}

/**
 * The circulating 2021 Word template (test/fixtures/real/template-2021-blank.docx) filled in the
 * way a clerk does: the title replaced, every empty value cell of the three tables given its
 * figure, in table order, from a 2021 report. Returns the .docx bytes.
 */
export function fillTemplate(template: Uint8Array, report: Report, options: FillOptions = {}): Uint8Array {
  const files = unzipSync(template);
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(files['word/document.xml']!), 'text/xml');
  const all = (el: Element | Document, name: string): Element[] => {
    const list = el.getElementsByTagNameNS(W, name);
    return Array.from({ length: list.length }, (_, i) => list.item(i)!);
  };
  const text = (el: Element) => all(el, 't').map((t) => t.textContent ?? '').join('');
  const title = all(doc, 'p').find((p) => text(p).includes('年度报告格式模板'))!;
  setText(title, report.title.join(''));

  const defs = figureRows(getEdition('2021'));
  const figures = (table: string) =>
    defs.filter((d) => d.table === table).map((d) => report.rows[d.key]!.cells.map((c, i) => (options.blankTotals && i === d.totalColumn ? '' : c.text)));
  const queues = [figures('proactive').flat(), figures('applications').flat(), figures('review').flat()];
  all(doc, 'tbl').forEach((tbl, t) => {
    const queue = queues[t]!;
    for (const tr of all(tbl, 'tr')) {
      for (const tc of all(tr, 'tc')) {
        const merged = all(tc, 'vMerge').some((v) => v.getAttributeNS(W, 'val') !== 'restart' && v.getAttribute('w:val') !== 'restart');
        if (merged || text(tc).trim().replace(/\u3000/g, '') !== '') continue;
        const value = queue.shift();
        if (value !== undefined) setText(all(tc, 'p')[0]!, options.write ? options.write(value) : value, options.letterSpacing);
      }
    }
    if (queue.length > 0) throw new Error(`template table ${t + 1}: ${queue.length} figures had no cell`);
  });
  files['word/document.xml'] = strToU8(new XMLSerializer().serializeToString(doc));
  return zipSync(files);
}

function setText(p: Element, value: string, spacing?: number): void {
  const d = p.ownerDocument!;
  const runs = p.getElementsByTagNameNS(W, 'r');
  for (const r of Array.from({ length: runs.length }, (_, i) => runs.item(i)!)) r.parentNode?.removeChild(r);
  const r = d.createElementNS(W, 'w:r');
  if (spacing) {
    const pr = d.createElementNS(W, 'w:rPr');
    const sp = d.createElementNS(W, 'w:spacing');
    sp.setAttributeNS(W, 'w:val', String(spacing));
    pr.appendChild(sp);
    r.appendChild(pr);
  }
  const t = d.createElementNS(W, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(d.createTextNode(value));
  r.appendChild(t);
  p.appendChild(r);
}
