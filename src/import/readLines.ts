import { headingOf } from './headings.js';
import { isValueText } from './match.js';
import { addNote, cleanText, stripNoise, type SourceBlock, type SourceCell, type SourceDocument, type SourceRow } from './source.js';

/**
 * Text in the shapes people have other than Tika's (readText.ts): page text copied from a browser
 * (cells separated by tabs), text with cells separated by `|`, `pdftotext -layout` output (cells
 * separated by runs of spaces, prose wrapped at the page's line ends) and crawler text flattened
 * into paragraphs, where a table row is its label followed by its figures. A table starts at a
 * line naming a table's header (第二十条, 申请人情况, 信息内容, 行政复议) and ends at a numbered
 * section heading or a sentence; inside it, every run of labels followed by figures is a row.
 */
export function readLines(input: string): SourceDocument {
  const notes: string[] = [];
  const lines = input
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .map((l) => stripNoise(l, notes).replace(/[\u00a0\u2000-\u200b\ufeff]/g, ' ').replace(/\s+$/, ''));
  const kept = lines.filter((l) => !PAGE_NUMBER.test(l));
  if (kept.length < lines.length) addNote(notes, '已略去文本中的页码行');
  const layout = isLayoutText(kept);
  if (layout) addNote(notes, '按排版文本（pdftotext -layout 等）的缩进和行宽还原段落');

  const blocks: SourceBlock[] = [];
  let para: string[] = [];
  let rows: SourceRow[] | null = null;
  let pending: string[][] = [];
  const flushPara = () => {
    const text = cleanText(para.join(layout ? '' : '\n')).replace(/\n/g, '');
    if (text) blocks.push({ type: 'paragraph', text: joinLayout(text) });
    para = [];
  };
  const flushTable = () => {
    if (!rows) return;
    for (const p of pending) rows.push(p.map(label));
    pending = [];
    if (rows.length > 0) blocks.push({ type: 'table', rows });
    rows = null;
  };
  let previous = '';
  const headings = new Set<string>();
  for (const raw of kept) {
    const line = raw.trim();
    if (line === '') {
      flushPara();
      continue;
    }
    // A table's caption repeats its section's heading (a copied page has both); a numbered section heading never repeats.
    if ((line === previous && displayWidth(line) <= 80 && !/[。]/.test(line)) || headings.has(line)) continue;
    previous = line;
    if (numberedHeading(line)) headings.add(line);
    const sentence = /[。]/.test(line) || (layout && !/\S\s{2,}\S|\t/.test(line) && displayWidth(line) > 60 && !/\d\s*$/.test(line));
    if (rows && (numberedHeading(line) || (sentence && !STARTS_TABLE.test(line)))) flushTable();
    if (!rows && STARTS_TABLE.test(line.replace(/\s+/g, '')) && !/[。]/.test(line)) {
      flushPara();
      rows = [];
    }
    if (!rows) {
      if (para.length > 0 && (!layout || indented(raw) || numberedHeading(line) || short(para[para.length - 1]!, kept))) flushPara();
      para.push(line);
      continue;
    }
    for (const segment of segments(cellsOf(raw))) {
      if (segment.values.length === 0) {
        pending.push(segment.labels);
        continue;
      }
      if (segment.labels.length === 0) {
        // Figures on a line of their own (pdftotext sets a wrapped label's figures below it): the
        // label lines above are that one label.
        const glued = pending.map((p) => p.join(' ')).join('');
        pending = [];
        rows.push([...(glued ? [label(glued)] : []), ...segment.values.map(value)]);
      } else {
        for (const p of pending) rows.push(p.map(label));
        pending = [];
        rows.push([...segment.labels.map(label), ...segment.values.map(value)]);
      }
    }
  }
  flushPara();
  flushTable();
  return { format: 'text', blocks, notes };
}

const PAGE_NUMBER = /^\s*[-—–－―]?\s*(第\s*)?\d{1,3}\s*(页)?\s*[-—–－―]?\s*$|^\s*[-—–－―]\s*\d{1,3}\s*[-—–－―]\s*$/;
/** The first header of each statistical table, as printed (spec §2–§3). */
const STARTS_TABLE = /^(第二十条第|信息内容|[（(]本列数据的勾稽关系|申请人情况|行政复议)/;

const label = (text: string): SourceCell => ({ text: cleanText(text), colSpan: 1, rowSpan: 1, continuation: 'no' });
const value = (text: string): SourceCell => ({ text: text === '-' || text === '—' ? text : text.trim(), colSpan: 1, rowSpan: 1, continuation: 'no' });

function numberedHeading(line: string): boolean {
  const h = headingOf(line, -1);
  return h !== null && h.number !== null;
}

/** A line's cells: split at tabs, at `|`, or at runs of two or more spaces; figures run together with single spaces split too. */
function cellsOf(raw: string): string[] {
  const line = raw.trim();
  let cells: string[];
  if (line.includes('\t')) cells = line.split('\t');
  else if ((line.match(/\|/g) ?? []).length >= 2) cells = line.replace(/^\||\|$/g, '').split('|');
  else {
    cells = line.split(/\s{2,}|\u3000+/);
    // No wide gaps at all: crawler text, where single spaces separate the cells.
    if (cells.length === 1) cells = line.split(/\s+/);
  }
  return cells
    .map((c) => c.trim())
    .filter((c) => c !== '' && !/^:?-{3,}:?$/.test(c))
    .flatMap((c) => (isFigure(c) ? [c] : splitTail(c)));
}

/** One printed figure (not several run together with spaces, which isValueText alone would accept). */
const isFigure = (c: string) => c !== '' && !/\s/.test(c.trim()) && isValueText(c);

/** `规章 0 0 0` → `规章`, `0`, `0`, `0`: figures after a label, one space apart. */
function splitTail(cell: string): string[] {
  const words = cell.split(/\s+/);
  if (words.length === 1) return [cell];
  const out: string[] = [];
  let text: string[] = [];
  for (const w of words) {
    if (isFigure(w)) {
      if (text.length > 0) out.push(text.join(' '));
      text = [];
      out.push(w);
    } else text.push(w);
  }
  if (text.length > 0) out.push(text.join(' '));
  return out;
}

/** Labels then figures, repeatedly: a flattened paragraph holds many rows. */
function segments(cells: string[]): { labels: string[]; values: string[] }[] {
  const out: { labels: string[]; values: string[] }[] = [];
  let cur = { labels: [] as string[], values: [] as string[] };
  for (const c of cells) {
    if (isFigure(c)) cur.values.push(c);
    else {
      if (cur.values.length > 0) {
        out.push(cur);
        cur = { labels: [], values: [] };
      }
      cur.labels.push(c);
    }
  }
  if (cur.labels.length > 0 || cur.values.length > 0) out.push(cur);
  return out;
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u02ff]/.test(ch) ? 1 : 2;
  return w;
}

const indented = (raw: string) => /^(\s{2,}|\u3000)/.test(raw);

/**
 * Layout text (`pdftotext -layout`): prose wrapped at the page's line ends, a paragraph's first line
 * indented. Told by several full-width lines followed by a line that is not indented.
 */
/** Display widths of the prose lines (table lines, with their runs of spaces, are left out). */
function proseWidths(lines: string[]): number[] {
  return lines.filter((l) => l.trim() && !/\S\s{2,}\S|\t/.test(l.trim())).map((l) => displayWidth(l.trim())).sort((a, b) => a - b);
}

function isLayoutText(lines: string[]): boolean {
  const widths = proseWidths(lines);
  const full = widths[Math.floor(widths.length * 0.9)] ?? 0;
  let runOn = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!.trim();
    if (prev && lines[i]!.trim() && !indented(lines[i]!) && !/[。；：:]$/.test(prev) && displayWidth(prev) >= 0.85 * full) runOn++;
  }
  return full >= 40 && runOn >= 3;
}

function short(prev: string, lines: string[]): boolean {
  const widths = proseWidths(lines);
  return displayWidth(prev) < 0.8 * (widths[Math.floor(widths.length * 0.9)] ?? 0);
}

/** Spaces of a wrapped layout line next to CJK text are letter-spacing, not words. */
function joinLayout(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])\s+|\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])/gu, '');
}
