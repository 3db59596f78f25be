import { addNote, ImportError, type SourceBlock, type SourceDocument, type SourceRow } from '../source.js';
import { fillTable, insideTable, type PageTable } from './cells.js';
import { extractPdf } from './extract.js';
import { dropFurniture } from './furniture.js';
import { pageGeometry } from './geometry.js';
import { findTables } from './grid.js';
import { linesOf, type Line } from './lines.js';
import { measure, paragraphsOf } from './paragraphs.js';
import type { RawPdf } from './raw.js';

/** A PDF with a text layer → the intermediate document (source.ts), read from text positions and drawn rules. */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  return sourceFromPdf(await extractPdf(bytes));
}

type Flow = { kind: 'line'; line: Line } | { kind: 'table'; table: PageTable; page: number };

/** The pure part: pages of text items and rules → paragraphs and tables in reading order. */
export function sourceFromPdf(pdf: RawPdf): SourceDocument {
  const notes: string[] = [];
  const geoms = pdf.pages.map(pageGeometry);
  const chars = geoms.map((g) => g.glyphs.reduce((n, x) => n + x.text.replace(/\s/g, '').length, 0));
  if (chars.every((n) => n === 0)) {
    if (geoms.some((g) => g.images > 0)) {
      throw new ImportError('这个 PDF 是扫描件（页面是图片，没有文字层），无法读出文字和数字。请使用年报的 Word 原件（.docx），或门户网站上的网页（另存为 .html）；只有扫描件时，需先用文字识别（OCR）软件转成文字');
    }
    throw new ImportError('这个 PDF 中没有文字（没有文字层），无法导入。请使用年报的 Word 原件（.docx）或门户网站上的网页（另存为 .html）');
  }
  const scanned = chars.map((n, i) => (n === 0 && geoms[i]!.images > 0 ? i + 1 : 0)).filter((n) => n > 0);
  if (scanned.length > 0) notes.push(`PDF 第 ${scanned.join('、')} 页是扫描图像（没有文字层），这些页的内容未导入`);

  const tablesPerPage: PageTable[][] = [];
  const linesPerPage: Line[][] = [];
  geoms.forEach((g, page) => {
    const grids = findTables(g.rules);
    const tables = grids.map((grid) => fillTable(grid, g.glyphs.filter((x) => insideTable(x, grid)), page));
    const free = g.glyphs.filter((x) => !grids.some((grid) => insideTable(x, grid)));
    tablesPerPage.push(tables.filter((t) => t.rows.some((r) => r.some((c) => c.text !== ''))));
    linesPerPage.push(linesOf(free, page));
  });
  const furniture = dropFurniture(linesPerPage, geoms.map((g) => g.height));
  if (furniture.dropped > 0) addNote(notes, '已略去 PDF 的页码、页眉和页脚');

  const flow: Flow[] = [];
  furniture.pages.forEach((lines, page) => {
    const items: (Flow & { top: number })[] = [
      ...lines.map((line) => ({ kind: 'line' as const, line, top: line.top })),
      ...tablesPerPage[page]!.map((table) => ({ kind: 'table' as const, table, page, top: table.top })),
    ];
    flow.push(...items.sort((a, b) => a.top - b.top));
  });

  const m = measure(furniture.pages.flat());
  const blocks: SourceBlock[] = [];
  let lines: Line[] = [];
  let last: { table: PageTable; rows: SourceRow[]; page: number } | null = null;
  const flushLines = () => {
    for (const text of paragraphsOf(lines, m)) blocks.push({ type: 'paragraph', text });
    if (lines.length > 0) last = null;
    lines = [];
  };
  for (const f of flow) {
    if (f.kind === 'line') {
      lines.push(f.line);
      continue;
    }
    flushLines();
    if (last && f.page === last.page + 1 && Math.abs(last.table.x0 - f.table.x0) <= 4 && Math.abs(last.table.x1 - f.table.x1) <= 4) {
      const dropped = joinContinued(last.table, last.rows, f.table);
      if (dropped > 0) addNote(notes, '跨页表格在下一页重复的表头行已略去');
      addNote(notes, '跨页的表格已按一张表合并');
      last = { table: f.table, rows: last.rows, page: f.page };
      continue;
    }
    const rows = f.table.rows.map((r) => r.map((c) => ({ ...c })));
    blocks.push({ type: 'table', rows });
    last = { table: f.table, rows, page: f.page };
  }
  flushLines();
  addNote(notes, '从 PDF 的文字位置和表格线还原段落和表格（段落按首行缩进和行尾断开）');
  return { format: 'pdf', blocks, notes };
}

const rowKey = (r: SourceRow) => r.map((c) => c.text.replace(/\s+/g, '')).join('|');

/**
 * Appends the rows of a table continued on the next page to the rows already read: header rows
 * the continuation repeats are dropped, and an empty label cell at the top of the continuation that
 * sits under a label cell reaching the bottom of the previous page is that cell's continuation
 * (a merged label cut by the page break). Returns the number of header rows dropped.
 */
function joinContinued(prev: PageTable, rows: SourceRow[], next: PageTable): number {
  let skip = 0;
  for (let k = Math.min(6, prev.rows.length - 1, next.rows.length - 1); k >= 1; k--) {
    if (prev.rows.slice(0, k).every((r, i) => rowKey(r) === rowKey(next.rows[i]!))) {
      skip = k;
      break;
    }
  }
  const incoming = next.rows.slice(skip).map((r) => r.map((c) => ({ ...c })));
  const first = incoming[0];
  if (first) {
    const bottom = prev.grid.ys.length - 2;
    const lastRowCells = prev.grid.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.r1 === bottom && c.r0 < bottom);
    const firstIds = next.cellIds[skip] ?? [];
    for (let j = first.length - 1; j >= 0; j--) {
      const cell = first[j]!;
      const g = next.grid.cells[firstIds[j]!];
      if (!g || cell.text !== '') continue;
      const x0 = next.grid.xs[g.c0]!;
      const x1 = next.grid.xs[g.c1 + 1]!;
      const above = lastRowCells.find(({ c }) => Math.abs(prev.grid.xs[c.c0]! - x0) <= 3 && Math.abs(prev.grid.xs[c.c1 + 1]! - x1) <= 3);
      if (above) first.splice(j, 1);
    }
  }
  rows.push(...incoming);
  return skip;
}
