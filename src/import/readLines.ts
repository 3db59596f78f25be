import { displayWidth } from '../diagnostics/format.js';
import { headingOf } from './headings.js';
import type { LayoutLine } from './layoutTable.js';
import { PAGE_NUMBER } from './pdf/furniture.js';
import { CJK_SPACE } from './pdf/lines.js';
import { addNote, cleanText, stripNoise, type SourceBlock, type SourceDocument } from './source.js';
import { tableRows } from './textRows.js';
import { delimitedCells, looksLikeProse, printedWidth, textShape, type TextShape } from './textShape.js';

/**
 * Text in the shapes people have other than Tika's (readText.ts): page text copied from a browser
 * (cells separated by tabs), text with cells separated by `|`, `pdftotext -layout` output (cells
 * placed in columns by runs of spaces, prose wrapped at the page's line ends, pages split by form
 * feeds) and crawler text flattened into paragraphs, where a table row is its label followed by
 * its figures (textShape.ts tells which). A table starts at a line naming a table's first header
 * (第二十条, 申请人情况, 信息内容, 行政复议) and ends at a numbered section heading or a line of
 * running text.
 */
export function readLines(input: string): SourceDocument {
  const notes: string[] = [];
  const lines = pagedLines(input, notes);
  const shape = textShape(lines.map((l) => l.text), input.includes('\f'));
  if (shape.wrapped) addNote(notes, '按排版文本（pdftotext 等）的缩进和行宽还原段落');
  const margins = leftMargins(lines, shape);

  const blocks: SourceBlock[] = [];
  let para: Line[] = [];
  let table: Line[] | null = null;
  let blank = false;
  const flushPara = () => {
    const text = joinParagraph(para.map((l) => l.text.trim()), shape);
    if (text) blocks.push({ type: 'paragraph', text });
    para = [];
  };
  const flushTable = () => {
    if (!table) return;
    const rows = tableRows(table, shape);
    if (rows.length > 0) blocks.push({ type: 'table', rows });
    table = null;
  };
  let previous = '';
  let lastHeading: { keys: string; blocks: number } | null = null;
  const headings = new Set<string>();
  for (const l of lines) {
    const line = l.text.trim();
    if (line === '') {
      if (!table && !shape.wrapped) flushPara();
      blank = true;
      continue;
    }
    const afterBlank = blank;
    blank = false;
    // A table's caption repeats its section's heading (a copied page has both, the caption
    // perhaps in the official wording under a heading numbered `2、`); a numbered section
    // heading never repeats. (Inside a table a line like the one before is a row of its own.)
    const h = numberedHeading(line);
    if ((line === previous && !table && displayWidth(line) <= 80 && !/[。]/.test(line)) || headings.has(line)) continue;
    if (h && lastHeading && lastHeading.keys === h.keys.join() && lastHeading.blocks === blocks.length && para.length === 0 && !table) continue;
    previous = line;
    if (h) headings.add(line);
    if (table && (h || (endsTable(l, shape) && !startsTable(line)))) flushTable();
    if (!table && startsTable(line)) {
      flushPara();
      table = [];
    }
    if (table) {
      table.push(l);
      continue;
    }
    const prev = para[para.length - 1];
    if (prev && (!shape.wrapped || startsParagraph(prev, l, afterBlank, margins, shape) || h || numberedHeading(prev.text.trim()))) flushPara();
    para.push(l);
    if (h) {
      flushPara();
      lastHeading = { keys: h.keys.join(), blocks: blocks.length };
    }
  }
  flushPara();
  flushTable();
  return { format: 'text', blocks, notes };
}

type Line = LayoutLine;

/** The first header of each statistical table, as printed (spec §2–§3). */
const STARTS_TABLE = /^(第二十条第|信息内容|[（(]本列数据的勾稽关系|申请人情况|行政复议)/;

const startsTable = (line: string) => STARTS_TABLE.test(line.replace(/^\|/, '').replace(/\s+/g, '')) && !/[。]/.test(line);

/** A line of running text ends a table: a sentence, or (in wrapped text) a line as wide as the page's measure. */
function endsTable(l: Line, shape: TextShape): boolean {
  const t = l.text.trim();
  if (shape.wrapped && shape.cells !== 'tabs' && shape.cells !== 'pipes') return looksLikeProse(l.text) && printedWidth(t) >= 0.85 * shape.width;
  return /[。]/.test(t) && (shape.cells === 'single' || delimitedCells(l.text, shape.cells).filter((c) => c !== '').length <= 1);
}

/** A section heading with its number (`三、`, `3、`, `3.`): not a sentence that starts `一是…主动公开…`. */
function numberedHeading(line: string) {
  const h = headingOf(line, -1);
  return h !== null && h.number !== null && /^([一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．，,]/.test(line) && !/[，,].*\S/.test(line.replace(/^\S{1,3}?[，,]/, '')) ? h : null;
}

/**
 * The lines of the text with the page they are on: form feeds (pdftotext) and page-number lines
 * (`-1-`, `— 1 —`, `第 2 页`; a bare number only at a page's edge) end a page and are left out.
 */
function pagedLines(input: string, notes: string[]): Line[] {
  const raw = input
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split('\f')
    .map((page) => page.split('\n').map((l) => stripNoise(l, notes).replace(/[\u00a0\u2000-\u200b\ufeff]/g, ' ')));
  const out: Line[] = [];
  let page = 0;
  let dropped = false;
  for (const lines of raw) {
    const filled = lines.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
    const edges = raw.length > 1 ? [filled[0], filled[filled.length - 1]] : [];
    lines.forEach((text, i) => {
      // A bare number is a page number only at a page's top or foot (a table cell may be one too).
      const decorated = /[-—–－―页/／]/.test(text);
      if (PAGE_NUMBER.test(text) && text.trim() !== '' && (decorated || edges.includes(i))) {
        dropped = true;
        page++;
        return;
      }
      out.push({ text, page });
    });
    page++;
  }
  if (dropped) addNote(notes, '已略去文本中的页码行');
  return out;
}

/** Each page's left edge: where its lines of running text start (pdftotext's grid shifts from page to page). */
function leftMargins(lines: Line[], shape: TextShape): Map<number, number> {
  const margins = new Map<number, number>();
  if (!shape.wrapped) return margins;
  for (const l of lines) {
    if (!looksLikeProse(l.text) || printedWidth(l.text.trim()) < 0.6 * shape.width) continue;
    const indent = l.text.length - l.text.trimStart().length;
    margins.set(l.page, Math.min(margins.get(l.page) ?? indent, indent));
  }
  return margins;
}

/**
 * Wrapped prose: a new paragraph where the line is indented (a first-line indent), where the line
 * above stopped short of the measure, or after a blank line that is not a page break. What the text
 * cannot say: a paragraph whose last line happens to fill the measure, followed by one printed
 * without a first-line indent, reads as one paragraph.
 */
function startsParagraph(prev: Line, l: Line, afterBlank: boolean, margins: Map<number, number>, shape: TextShape): boolean {
  const indent = (x: Line) => x.text.length - x.text.trimStart().length - (margins.get(x.page) ?? 0);
  if (afterBlank && prev.page === l.page) return true;
  if (indent(l) > 0) return true;
  // An indented first line is the measure less its indent (two characters, GB/T 9704). A line of
  // unjustified text stops short by what had to move down with the next line's start: a closing
  // mark may not start a line (`例》，` moves as one), nor is a word cut.
  const width = printedWidth(prev.text.trim()) + (indent(prev) > 0 ? 4 : 0);
  const next = l.text.trim();
  const moved = /^\S{0,2}?[，。、；：！？》）」』”’]+/.exec(next)?.[0] ?? /^[\x21-\x7e]+|^./u.exec(next)?.[0] ?? '';
  return width + printedWidth(moved) < shape.width - 3;
}

/**
 * A paragraph's lines as one text. In wrapped text the line ends are the page's, and in a line
 * filling the measure spaces next to CJK are the justification's letter-spacing; a shorter line
 * (a heading, a paragraph's last line) is not justified and keeps its spaces (`1、 总体情况`).
 */
function joinParagraph(lines: string[], shape: TextShape): string {
  if (!shape.wrapped) return cleanText(lines.join(' '));
  const unspaced = lines.map((l) => (printedWidth(l) >= shape.width - 6 ? l.replace(CJK_SPACE, '') : l));
  const text = unspaced.reduce((acc, l) => (acc === '' ? l : /[\x21-\x7e]$/.test(acc) && /^[\x21-\x7e]/.test(l) ? `${acc} ${l}` : acc + l), '');
  return cleanText(text);
}
