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
  type XmlComponent,
} from 'docx';
import type { TableBlock, TableCell as ModelCell } from '../../model/document.js';
import { resolveGrid, type ResolvedGrid } from '../../model/grid.js';
import type { Style } from '../../model/style.js';
import { textWidthTwips } from './page.js';
import { OffGridParagraph } from './offgrid.js';
import { runProps, textRuns, twips } from './runs.js';
import { elementXml, escapeXml } from './xml.js';

/** Left/right cell padding: 1 mm, so the narrow label columns keep room for two characters. */
const CELL_PADDING_TWIPS = 57;

/**
 * A table of the report (spec §2–§3, §6.4) as WordprocessingML, laid out on the grid `resolveGrid`
 * gives: each anchor cell spans its columns (`w:gridSpan`); a cell under a row span is a `w:vMerge`
 * continue cell of the same width, the anchor a restart. Fixed layout over the full 156 mm text
 * block; header rows repeat after a page break; no row splits across pages.
 *
 * Every element is built by `docx` (tableParts below), but only once per process for each kind
 * of cell, row and table: the report's cells are then strung together from those templates. A
 * table is nine tenths of document.xml, and building it element by element through docx's object
 * tree and XML writer was most of a DOCX's render time (the XML is byte-identical).
 */
export function tableXml(block: TableBlock, style: Style): string {
  const grid = resolveGrid(block);
  const widths = scaleWidths(block.columnWidths, textWidthTwips(style));
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const parts = tableParts(style);
  const rows: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const header = r < block.headerRows;
    // Header rows and rows inside a row span keep with the next row, so a page break never cuts a
    // merged label (spec §3.6: real reports do, and the label is lost on one of the pages).
    const keep = header || continuesBelow(grid, r);
    const [rowOpen, rowClose] = parts.row(header);
    let xml = rowOpen;
    for (let c = 0; c < grid.colCount; ) {
      const slot = grid.slots[r]![c]!;
      if (slot.kind === 'cell') {
        const { cell } = slot;
        const merge = cell.rowSpan > 1 ? 'restart' : 'none';
        const [open, close] = parts.cell({ width: spanWidth(c, cell.colSpan), colSpan: cell.colSpan, merge, align: cell.align, keep });
        xml += open + parts.runs(cell.text) + close;
        c += cell.colSpan;
        continue;
      }
      const owner = grid.slots[slot.ownerRow]![slot.ownerCol]!;
      if (owner.kind !== 'cell' || slot.ownerCol !== c || slot.ownerRow === r) {
        throw new Error(`table ${block.id}: row ${r + 1}, column ${c + 1} is not the left edge of a row span`);
      }
      const [open, close] = parts.cell({ width: spanWidth(c, owner.cell.colSpan), colSpan: owner.cell.colSpan, merge: 'continue', align: owner.cell.align, keep });
      xml += open + close;
      c += owner.cell.colSpan;
    }
    rows.push(xml + rowClose);
  }
  const [tableOpen, tableClose] = parts.table(widths);
  return tableOpen + rows.join('') + tableClose;
}

interface CellShape {
  width: number;
  colSpan: number;
  merge: 'none' | 'restart' | 'continue';
  align: ModelCell['align'];
  keep: boolean;
}

/** The XML before and after the content a template is cut around. */
type Around = readonly [string, string];

interface TableParts {
  table(widths: number[]): Around;
  row(header: boolean): Around;
  cell(shape: CellShape): Around;
  /** A cell's text as runs (the empty string for a blank cell). */
  runs(text: string): string;
}

/** Stands for the content a template is cut around; no report text contains it (it is not valid XML text). */
const MARKER = '\u0001nianbao\u0001';
const partsByStyle = new WeakMap<Style, TableParts>();

/**
 * Templates of a table, row, cell and run, each built once by docx with the options the report
 * uses and cut around a marker standing for its content, memoised per style and shape.
 */
function tableParts(style: Style): TableParts {
  const known = partsByStyle.get(style);
  if (known) return known;
  const props = runProps(style, { role: 'table', sizePt: style.sizes.table });
  const memo = <T>(make: (key: T) => Around) => {
    const made = new Map<string, Around>();
    return (key: T): Around => {
      const k = JSON.stringify(key);
      let hit = made.get(k);
      if (!hit) made.set(k, (hit = make(key)));
      return hit;
    };
  };
  const markerCell = () => new TableCell({ children: [cellParagraph(style, 'center', MARKER, false)] });
  const markerRow = (header: boolean) => new TableRow({ children: [markerCell()], cantSplit: true, ...(header ? { tableHeader: true } : {}) });
  const [lineOpen, lineClose] = cut(textRuns(MARKER, props)[0]!, '<w:r>', '</w:r>', true);
  const [breakOpen, breakClose] = cut(textRuns(`\n${MARKER}`, props)[1]!, '<w:r>', '</w:r>', true);
  const parts: TableParts = {
    table: memo((widths: number[]) => cut(tableWith(markerRow(false), widths, style), '<w:tr>', '</w:tr>')),
    row: memo((header: boolean) => cut(markerRow(header), '<w:tc>', '</w:tc>')),
    cell: memo((shape: CellShape) => cut(shapedCell(shape, style, MARKER), '<w:r>', '</w:r>')),
    runs: (text) =>
      text === ''
        ? ''
        : text
            .split('\n')
            .map((line, i) => (i === 0 ? lineOpen : breakOpen) + escapeXml(line) + (i === 0 ? lineClose : breakClose))
            .join(''),
  };
  partsByStyle.set(style, parts);
  return parts;
}

/**
 * The component's XML split around the marker: with `inner`, around the marker itself; else
 * around the whole `open`…`close` element that holds it.
 */
function cut(component: XmlComponent, open: string, close: string, inner = false): Around {
  const xml = elementXml(component);
  const at = xml.indexOf(MARKER);
  if (inner) return [xml.slice(0, at), xml.slice(at + MARKER.length)];
  const start = xml.lastIndexOf(open, at);
  const end = xml.indexOf(close, at) + close.length;
  if (at < 0 || start < 0 || end < close.length) throw new Error(`docx table template: no ${open} around the marker`);
  return [xml.slice(0, start), xml.slice(end)];
}

function tableWith(row: TableRow, widths: number[], style: Style): Table {
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: Math.round(style.tableBorder * 8), color: '000000' };
  return new Table({
    rows: [row],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    margins: { left: CELL_PADDING_TWIPS, right: CELL_PADDING_TWIPS, top: 0, bottom: 0 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function shapedCell(shape: CellShape, style: Style, text: string): TableCell {
  return new TableCell({
    children: [cellParagraph(style, shape.align, text, shape.keep)],
    width: { size: shape.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(shape.colSpan > 1 ? { columnSpan: shape.colSpan } : {}),
    ...(shape.merge === 'restart' ? { verticalMerge: VerticalMergeType.RESTART } : shape.merge === 'continue' ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
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
