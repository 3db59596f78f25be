import { fitTable } from '../../model/fit.js';
import type { Style } from '../../model/style.js';
import type { TableBlock, TableCell } from '../../model/document.js';
import { escapeHtml, escapeLines } from './escape.js';
import { headersOf, type At } from '../../model/headers.js';

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
export function tableHtml(table: TableBlock, prefix: string, style: Style): string {
  // The widths and sizes every format uses (fitTable: the widest figure's column holds it).
  const fitted = fitTable(table, style);
  const grid = fitted.grid;
  const idOf = (p: At) => `${prefix}-${p.row}-${p.col}`;
  const total = fitted.widths.reduce((a, b) => a + b, 0);
  const narrowest = Math.min(...fitted.widths);
  const minEm = Math.max(MIN_TABLE_EM, Math.ceil((total / narrowest) * MIN_COLUMN_EM));
  const cols = fitted.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');

  const rowHtml: string[] = [];
  let i = 0;
  for (const [r, row] of table.rows.entries()) {
    const cells = row.cells.map((cell) => {
      const f = fitted.cells[i++]!;
      const p = { row: f.row, col: f.col };
      const scale = f.size === style.sizes.table ? undefined : f.size / style.sizes.table;
      return cellHtml(cell, r < table.headerRows, p, idOf, cell.kind === 'header' ? [] : headersOf(grid, p, cell.rowSpan, cell.colSpan), scale);
    });
    // Rows fitTable keeps together (a 二 block, the rows a merged label needs) print on one page.
    const keep = r >= table.headerRows && fitted.keepWithNext[r] === true;
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

function cellHtml(cell: TableCell, inHead: boolean, p: At, idOf: (p: At) => string, headers: At[], scale: number | undefined): string {
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
  // A figure stepped down to fit its printed column (fitTable), at the same ratio on screen.
  if (scale !== undefined) attrs.push(`style="font-size:${(scale * 100).toFixed(1)}%"`);
  return `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${escapeLines(cell.text)}</${tag}>`;
}
