import type { TableBlock } from '../../model/document.js';
import type { Style } from '../../model/style.js';
import { baselineIn } from './geometry.js';
import type { Pager } from './page.js';
import { boxHeight, keptHeight, rowName, startHeight, type PreparedCell, type PreparedTable } from './table.js';
import type { Item, TableTrace, Tag } from './types.js';

/** A row as drawn on one page: its grid row, top edge, and whether it is a repeated header. */
interface Placed {
  row: number;
  top: number;
  repeated: boolean;
}

export class TableTooTallError extends Error {}

/**
 * Puts a prepared table on the pages: rows in order, a new page when the next row does not fit,
 * the header rows repeated at the top of every continuation page. A cell whose row span crosses a
 * page break is drawn as one bordered segment per page, its text in the first segment tall enough
 * for it. A row taller than a page is an error naming the row — never an endless loop.
 */
export function flowTable(t: TableBlock, index: number, p: PreparedTable, style: Style, pager: Pager): TableTrace {
  const H = p.headerRows;
  const headerHeight = p.rowHeights.slice(0, H).reduce((a, b) => a + b, 0);
  const pageHeight = pager.g.bottom - pager.g.top;
  const chunks: { page: number; rows: Placed[] }[] = [];
  pager.ensure(startHeight(p));
  const place = (row: number, repeated: boolean) => {
    let chunk = chunks[chunks.length - 1];
    if (!chunk || chunk.page !== pager.index) chunks.push((chunk = { page: pager.index, rows: [] }));
    chunk.rows.push({ row, top: pager.y, repeated });
    pager.y += p.rowHeights[row]!;
  };
  for (let r = 0; r < p.rowCount; r++) {
    const h = p.rowHeights[r]!;
    const repeat = r >= H && H > 0;
    if (h + (repeat ? headerHeight : 0) > pageHeight + 0.01) {
      throw new TableTooTallError(`表格“${t.caption}”${rowName(p, r)}比一页还高，无法排版；请缩短该行的文字`);
    }
    // This table's own rows count as content too: its items are pushed only at the end.
    const started = !pager.fresh || chunks[chunks.length - 1]?.page === pager.index;
    // The rows this one must share a page with (fitTable): header rows with the first body row, a
    // 第二十条 block that fits on a page, the rows that hold a merged label's text. Only the first
    // row of such a chain decides; the others follow it.
    const chained = r > 0 && p.keepWithNext[r - 1]! && chunks[chunks.length - 1]?.page === pager.index;
    let need = chained ? h : keptHeight(p, r);
    const group = p.groupHeader[r];
    const groupHeight = group ? group.reduce((a, g) => a + p.rowHeights[g]!, 0) : 0;
    if (need > pageHeight - (repeat ? headerHeight : 0) - groupHeight) need = h;
    if (need > pager.room + 0.01 && started) {
      pager.newPage();
      if (repeat) for (let hr = 0; hr < H; hr++) place(hr, true);
      // A block split over pages (taller than a page) shows its own header rows above its rows again.
      if (group && !group.includes(r)) for (const g of group) place(g, true);
    }
    place(r, false);
  }
  const border: Tag = { kind: 'artifact' };
  const perPage = new Map<number, Item[]>(chunks.map((c) => [c.page, []]));
  for (const c of p.cells) {
    // The stretches of each page's rows this cell covers (a repeated header is a stretch of its own).
    const segments = chunks.flatMap((chunk) =>
      splitRuns(chunk.rows.filter((x) => x.row >= c.row && x.row < c.row + c.cell.rowSpan)).map((rows) => ({ page: chunk.page, rows })),
    );
    for (const seg of segments) {
      const top = seg.rows[0]!.top;
      perPage.get(seg.page)!.push({ kind: 'rect', x: c.x, y: top, w: c.w, h: height(seg.rows, p), tag: border });
    }
    const body = segments.filter((s) => !s.rows[0]!.repeated);
    const first = body.find((s) => height(s.rows, p) + 0.01 >= boxHeight(c, p));
    for (const seg of segments) {
      if (seg === first || seg.rows[0]!.repeated) perPage.get(seg.page)!.push(...cellText(c, seg.rows, index, p, style));
    }
    if (!first && body.length > 0) {
      // No stretch holds the whole text (the rows cross pages whose repeated header leaves less room
      // than the text needs): it continues from stretch to stretch, as many lines as each holds.
      // Centred on the tallest stretch it ran over the borders and past the bottom margin.
      let from = 0;
      body.forEach((seg, k) => {
        const holds = Math.max(0, Math.floor((height(seg.rows, p) - 2 * p.pad.y + 0.01) / style.tableLinePitch));
        const lines = c.lines.slice(from, k === body.length - 1 ? undefined : from + holds);
        from += lines.length;
        if (lines.length > 0) perPage.get(seg.page)!.push(...cellText({ ...c, lines, textHeight: lines.length * style.tableLinePitch }, seg.rows, index, p, style));
      });
    }
  }
  for (const [page, items] of perPage) pager.pages[page]!.items.push(...items);
  return { block: index, pages: chunks.map((c) => ({ page: c.page, rows: c.rows.map((x) => x.row), repeatedHeader: c.rows.some((x) => x.repeated) })) };
}

const height = (rows: Placed[], p: PreparedTable) => rows.reduce((a, x) => a + p.rowHeights[x.row]!, 0);

function splitRuns(rows: Placed[]): Placed[][] {
  const out: Placed[][] = [];
  for (const x of rows) {
    const cur = out[out.length - 1];
    if (cur && cur[cur.length - 1]!.repeated === x.repeated && cur[cur.length - 1]!.row === x.row - 1) cur.push(x);
    else out.push([x]);
  }
  return out;
}

function cellText(c: PreparedCell, seg: Placed[], block: number, p: PreparedTable, style: Style): Item[] {
  const pitch = style.tableLinePitch;
  const top = seg[0]!.top;
  const h = height(seg, p);
  const y0 = top + (h - c.textHeight) / 2;
  const tag: Tag = seg[0]!.repeated ? { kind: 'artifact' } : { kind: 'cell', block, row: c.row, col: c.col, header: c.cell.kind !== 'value' };
  return c.lines.map((line, i) => ({
    kind: 'text' as const,
    y: y0 + i * pitch + baselineIn(pitch, line.segments[0]?.size ?? style.sizes.table),
    segments: line.segments.map((s) => ({ ...s, x: s.x + c.x + p.pad.x })),
    left: line.left + c.x + p.pad.x,
    right: line.right + c.x + p.pad.x,
    last: true,
    tag,
  }));
}
