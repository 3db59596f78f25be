/**
 * The intermediate document every reader produces (text in its shapes, .docx, .html, .pdf):
 * paragraphs and tables in reading order. Tables are rows of cells as the source stores them —
 * cells covered by a column span left out, cells continuing a vertical merge marked — so the
 * interpreter works the same way whatever the source format.
 */

export interface SourceCell {
  /** Cell text; paragraphs inside the cell joined with `\n`, whitespace trimmed. */
  text: string;
  colSpan: number;
  rowSpan: number;
  /**
   * `yes`: this cell continues a vertical merge from above (docx vMerge continue; a slot
   * covered by an HTML rowspan is simply absent instead). `maybe`: an empty cell that may be
   * either a blank value or a merge continuation (the plain-text format writes both as a bare
   * TAB, spec §5.1). `no`: an ordinary cell.
   */
  continuation: 'yes' | 'maybe' | 'no';
}

export type SourceRow = SourceCell[];

export type SourceBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'table'; rows: SourceRow[] };

export interface SourceDocument {
  format: 'text' | 'docx' | 'html' | 'pdf';
  blocks: SourceBlock[];
  /** Things the reader cleaned up (extraction noise), for the import report. */
  notes: string[];
}

/** An input the importer cannot read at all: the message is shown to the user as it is. */
export class ImportError extends Error {}

/** Whitespace Word, Tika and portals leave around text: NBSP, en/em spaces, ideographic space, ZWSP. */
export const SPACES = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2000-\u200b\u3000\ufeff\t ]+/g, ' ').split('\n').map((l) => l.trim()).join('\n').trim();
}

/** Extraction noise removed from every paragraph: Tika's `[bookmark: _GoBack]` markers (spec §5). */
export function stripNoise(text: string, notes: string[]): string {
  const out = text.replace(/\[bookmark:[^\]]*\]/g, '');
  if (out !== text) addNote(notes, '已删除提取文本中的书签标记 [bookmark: …]');
  return out;
}

export function addNote(notes: string[], note: string): void {
  if (!notes.includes(note)) notes.push(note);
}
