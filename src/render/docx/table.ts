import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  type Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { TableBlock, TableCell as ModelCell } from '../../model/document.js';
import { resolveGrid, type ResolvedGrid } from '../../model/grid.js';
import type { Style } from '../../model/style.js';
import { textWidthTwips } from './page.js';
import { OffGridParagraph } from './offgrid.js';
import { runProps, textRuns, twips } from './runs.js';

/** Left/right cell padding: 1 mm, so the narrow label columns keep room for two characters. */
const CELL_PADDING_TWIPS = 57;

/**
 * A table of the report (spec §2–§3, §6.4), laid out on the grid `resolveGrid` gives: each anchor
 * cell spans its columns (`w:gridSpan`); a cell under a row span is a `w:vMerge` continue cell
 * of the same width, the anchor a restart. Fixed layout over the full 156 mm text block; header
 * rows repeat after a page break; no row splits across pages.
 */
export function tableFor(block: TableBlock, style: Style): Table {
  const grid = resolveGrid(block);
  const widths = scaleWidths(block.columnWidths, textWidthTwips(style));
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const cells: TableCell[] = [];
    // Header rows and rows inside a row span keep with the next row, so a page break never cuts a
    // merged label (spec §3.6: real reports do, and the label is lost on one of the pages).
    const keep = r < block.headerRows || continuesBelow(grid, r);
    for (let c = 0; c < grid.colCount; ) {
      const slot = grid.slots[r]![c]!;
      if (slot.kind === 'cell') {
        cells.push(anchorCell(slot.cell, spanWidth(c, slot.cell.colSpan), style, keep));
        c += slot.cell.colSpan;
        continue;
      }
      const owner = grid.slots[slot.ownerRow]![slot.ownerCol]!;
      if (owner.kind !== 'cell' || slot.ownerCol !== c || slot.ownerRow === r) {
        throw new Error(`table ${block.id}: row ${r + 1}, column ${c + 1} is not the left edge of a row span`);
      }
      cells.push(continueCell(owner.cell, spanWidth(c, owner.cell.colSpan), style, keep));
      c += owner.cell.colSpan;
    }
    rows.push(new TableRow({ children: cells, cantSplit: true, ...(r < block.headerRows ? { tableHeader: true } : {}) }));
  }
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.round(style.tableBorder * 8), color: '000000' };
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    margins: { left: CELL_PADDING_TWIPS, right: CELL_PADDING_TWIPS, top: 0, bottom: 0 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

/** Some cell of row `r` spans into row `r + 1`. */
function continuesBelow(grid: ResolvedGrid, r: number): boolean {
  return grid.slots[r]!.some((slot) => {
    const top = slot.kind === 'cell' ? slot.row : slot.ownerRow;
    const owner = slot.kind === 'cell' ? slot : grid.slots[slot.ownerRow]![slot.ownerCol]!;
    return owner.kind === 'cell' && top + owner.cell.rowSpan - 1 > r;
  });
}

/**
 * Relative widths scaled to a total in twips, rounded so that they add up exactly (each edge is
 * rounded, not each width, so no column drifts).
 */
export function scaleWidths(relative: readonly number[], total: number): number[] {
  const sum = relative.reduce((a, b) => a + b, 0);
  let acc = 0;
  let prevEdge = 0;
  return relative.map((w) => {
    acc += w;
    const edge = Math.round((total * acc) / sum);
    const width = edge - prevEdge;
    prevEdge = edge;
    return width;
  });
}

function anchorCell(cell: ModelCell, width: number, style: Style, keepNext: boolean): TableCell {
  return new TableCell({
    children: [cellParagraph(style, cell.align, cell.text, keepNext)],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
  });
}

function continueCell(owner: ModelCell, width: number, style: Style, keepNext: boolean): TableCell {
  return new TableCell({
    children: [cellParagraph(style, owner.align, '', keepNext)],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    verticalMerge: VerticalMergeType.CONTINUE,
    ...(owner.colSpan > 1 ? { columnSpan: owner.colSpan } : {}),
  });
}

/**
 * A cell paragraph in the table face and size with its own exact pitch, off the document grid and
 * with no indent (§6.4): it must not inherit the body's 28.95 pt pitch or two-character indent. A blank cell keeps an empty
 * paragraph whose mark carries the table size, so blank rows are as tall as filled ones.
 */
function cellParagraph(style: Style, align: ModelCell['align'], text: string, keepNext: boolean): Paragraph {
  const props = runProps(style, { role: 'table', sizePt: style.sizes.table });
  return new OffGridParagraph({
    ...(keepNext ? { keepNext: true } : {}),
    alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    indent: { left: 0, right: 0, firstLine: 0 },
    spacing: { line: twips(style.tableLinePitch), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    run: props,
    children: textRuns(text, props),
  });
}
