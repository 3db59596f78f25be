import { resolveGrid } from '../../model/grid.js';
import type { TableBlock, TableCell } from '../../model/document.js';
import { escapeHtml, escapeLines } from './escape.js';
import { headersOf, type At } from './headers.js';

/** Narrowest column on a phone screen, in em of the table text: 2.6 characters stay legible. */
const MIN_COLUMN_EM = 2.6;
/** Below this the table may simply take the screen width. */
const MIN_TABLE_EM = 20;

/**
 * One Document table → one `<table>` (design.md: HTML reads the grid, never works out spans).
 * Header rows go to `<thead>` (repeated on every printed page), header cells are `<th>` with
 * `scope`, and every label and value cell names its headers by id (`headers`), because the 三
 * and 四 tables have multi-level headers that `scope` alone cannot express (WCAG technique H43).
 * The table sits in a focusable, labelled region that scrolls sideways on a phone.
 */
export function tableHtml(table: TableBlock, prefix: string): string {
  const grid = resolveGrid(table);
  const idOf = (p: At) => `${prefix}-${p.row}-${p.col}`;
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  const narrowest = Math.min(...table.columnWidths);
  const minEm = Math.max(MIN_TABLE_EM, Math.ceil((total / narrowest) * MIN_COLUMN_EM));
  const cols = table.columnWidths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');

  const rowHtml: string[] = [];
  let i = 0;
  for (const [r, row] of table.rows.entries()) {
    const cells = row.cells.map((cell) => {
      const p = grid.placed[i++]!;
      return cellHtml(cell, r < table.headerRows, p, idOf, cell.kind === 'header' ? [] : headersOf(grid, p, cell.rowSpan, cell.colSpan));
    });
    // A header row inside the body (the 二 table's item headers) stays with the rows it heads.
    const keep = r >= table.headerRows && row.cells.every((c) => c.kind === 'header');
    rowHtml.push(`<tr${keep ? ' class="nb-keep"' : ''}>${cells.join('')}</tr>`);
  }
  const head = rowHtml.slice(0, table.headerRows);
  const body = rowHtml.slice(table.headerRows);
  const caption = escapeHtml(table.caption);
  return [
    `<div class="nb-scroll" role="region" tabindex="0" aria-label="${caption}" style="overflow-x:auto">`,
    `<table class="nb-table nb-table-${escapeHtml(table.id)}" style="--nb-min-width:${minEm}em">`,
    `<caption>${caption}</caption>`,
    `<colgroup>${cols}</colgroup>`,
    head.length > 0 ? `<thead>\n${head.join('\n')}\n</thead>` : '',
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
    '</div>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

function cellHtml(cell: TableCell, inHead: boolean, p: At, idOf: (p: At) => string, headers: At[]): string {
  const attrs: string[] = [];
  const tag = cell.kind === 'value' ? 'td' : 'th';
  if (cell.kind === 'header') attrs.push(`scope="${cell.colSpan > 1 ? 'colgroup' : 'col'}"`);
  if (cell.kind === 'label') attrs.push(`scope="${cell.rowSpan > 1 ? 'rowgroup' : 'row'}"`);
  if (tag === 'th') attrs.push(`id="${idOf(p)}"`);
  if (headers.length > 0) attrs.push(`headers="${headers.map(idOf).join(' ')}"`);
  if (cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  if (cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
  const classes = [cell.align === 'left' ? 'nb-left' : '', inHead ? '' : cell.kind === 'header' ? 'nb-subhead' : ''].filter(Boolean);
  if (classes.length > 0) attrs.push(`class="${classes.join(' ')}"`);
  return `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${escapeLines(cell.text)}</${tag}>`;
}
