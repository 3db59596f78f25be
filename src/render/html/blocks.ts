import type { Block, Document, HeadingLevel } from '../../model/document.js';
import type { Style } from '../../model/style.js';
import { tailStart } from '../../model/breaks.js';
import { escapeHtml, escapeLines } from './escape.js';
import { tableHtml } from './table.js';

/**
 * The report body: every block of the Document in order, all text escaped.
 * Title → one `<h1>`; headings 一、/（一）/1. (spec §6.2) → `<h2>`/`<h3>`/`<h4>` with a class
 * per level for the face; run-in leads in the face of their level.
 */
export function bodyHtml(doc: Document, idPrefix: string, style: Style): string {
  const out: string[] = [];
  const outline = new Outline();
  let tables = 0;
  for (const block of doc.blocks) {
    const html = blockHtml(block, outline, () => `${idPrefix}-t${++tables}`, style);
    if (html) out.push(html);
  }
  return out.join('\n');
}

function blockHtml(block: Block, outline: Outline, nextTableId: () => string, style: Style): string {
  switch (block.type) {
    case 'title':
      return `<h1 class="nb-title">${block.lines.map((l, i) => titleLineHtml(l, block.words?.[i]?.words)).join('<br>')}</h1>`;
    case 'byline':
      return `<p class="nb-byline nb-byline-${block.role}">${escapeLines(block.text)}</p>`;
    case 'heading': {
      const h = outline.next(block.level);
      return `<h${h} class="nb-l${block.level}">${withTail(block.text)}</h${h}>`;
    }
    case 'paragraph': {
      const lead = block.lead
        ? block.lead.level === 3
          ? `<strong class="nb-lead nb-lead-3">${escapeLines(block.lead.text)}</strong>`
          : `<span class="nb-lead nb-lead-2">${escapeLines(block.lead.text)}</span>`
        : '';
      return `<p>${lead}${withTail(block.text)}</p>`;
    }
    case 'table':
      return tableHtml(block, nextTableId(), style);
    case 'pageBreak':
      return '<div class="nb-page-break" aria-hidden="true"></div>';
  }
}

/**
 * HTML heading levels never skip (WCAG 1.3.1, axe `heading-order`): level 1 is `<h2>` under the
 * `<h1>` title, and a `1.` heading straight under `一、` (seed 004 style) becomes `<h3>` — its
 * class still gives it the level-3 face, so the print looks the same.
 */
class Outline {
  private last = 1;
  next(level: HeadingLevel): number {
    const h = Math.min(level + 1, this.last + 1);
    this.last = h;
    return h;
  }
}

/**
 * A title line as its words (model/title.ts), each kept whole (`nb-w`: no break inside), so the
 * browser breaks a long title only between words at any width and balances the lines (GB/T 9704
 * §7.3.3); never `政⏎府` or a lone `告` on a phone.
 */
function titleLineHtml(line: string, words: string[] | undefined): string {
  if (!words || words.join('') !== line) return escapeLines(line);
  return words.map((w) => `<span class="nb-w">${escapeHtml(w)}</span>`).join('');
}

/** Text whose last characters (breaks.ts tailStart: `市场。`) stay on one line: no last line of one character. */
function withTail(text: string): string {
  const at = tailStart(text);
  if (at < 0 || text.includes('\n')) return escapeLines(text);
  return `${escapeHtml(text.slice(0, at))}<span class="nb-tail">${escapeHtml(text.slice(at))}</span>`;
}
