import type { Document } from '../../../model/document.js';
import type { FontRole, Style } from '../../../model/style.js';

/** The heading role of each level, as blocks.ts sets the runs (spec §6.2). */
const HEADING: Record<1 | 2 | 3, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'heading3' };

/**
 * The characters each font role prints in the DOCX, mirroring where blocks.ts, table.ts and
 * page.ts put each text: the title lines, by-lines and body in their roles, run-in leads in
 * their heading's role, every table cell in `table`, and the page number `— N —` (all ten digits:
 * the page count is Word's to decide). `\n` (a `w:br`) is not a character. `latin` gets the
 * Latin-script characters of every role whose runs name the Latin face for ASCII.
 */
export function roleTexts(doc: Document, style: Style): Map<FontRole, string> {
  const parts = new Map<FontRole, string[]>();
  const add = (role: FontRole, text: string) => {
    const list = parts.get(role) ?? [];
    list.push(text.replace(/\n/g, ''));
    parts.set(role, list);
  };
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'title':
        block.lines.forEach((l) => add('title', l));
        break;
      case 'byline':
        // The date line is set in 楷体 (spec §6.2 practice), as in the PDF and HTML.
        add(block.role === 'date' ? 'heading2' : 'body', block.text);
        break;
      case 'heading':
        add(HEADING[block.level], block.text);
        break;
      case 'paragraph':
        if (block.lead) add(HEADING[block.lead.level], block.lead.text);
        add('body', block.text);
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row.cells) add('table', cell.text);
        break;
      case 'pageBreak':
        break;
    }
  }
  // page.ts sets the whole page-number run (digits too) in the page-number face.
  add('pageNumber', `${style.pageNumber.dash} 0123456789`);
  const out = new Map<FontRole, string>();
  let latin = '';
  for (const [role, list] of parts) {
    const text = uniqueChars(list.join(''));
    if (text === '') continue;
    out.set(role, text);
    if (role !== 'pageNumber') latin += text;
  }
  // ASCII and the Latin blocks go to w:ascii/w:hAnsi (runs.ts); the rest takes the East Asian face.
  const latinChars = uniqueChars([...latin].filter((c) => c.codePointAt(0)! < 0x250).join(''));
  if (latinChars !== '') out.set('latin', latinChars);
  return out;
}

/** Each character once, sorted by code point: the subset does not depend on text order. */
export function uniqueChars(text: string): string {
  return [...new Set(text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}
