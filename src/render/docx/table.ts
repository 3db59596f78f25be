import {
  AlignmentType,
  BorderStyle,
  Paragraph,
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
import { fitTable, type FittedCell } from '../../model/fit.js';
import { mmToTwips, type Style } from '../../model/style.js';
import { textWidthTwips } from './page.js';
import { halfPoints, textRuns } from './runs.js';
import { STYLE_IDS } from './styles.js';
import { elementXml, escapeXml } from './xml.js';

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
  const fitted = fitTable(block, style);
  const grid = fitted.grid;
  const widths = scaleWidths(fitted.widths, textWidthTwips(style));
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const byCell = new Map(fitted.cells.map((c) => [c.cell, c]));
  const parts = tableParts(style);
  const rows: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const header = r < block.headerRows;
    // The rows fitTable keeps together (header rows, a 二 block, the rows a merged label's text
    // needs) keep with the next row; the rest of a merged label's rows may break (spec §3.6).
    const keep = fitted.keepWithNext[r] === true;
    const [rowOpen, rowClose] = parts.row(header);
    let xml = rowOpen;
    for (let c = 0; c < grid.colCount; ) {
      const slot = grid.slots[r]![c]!;
      if (slot.kind === 'cell') {
        const { cell } = slot;
        const merge = cell.rowSpan > 1 ? 'restart' : 'none';
        const [open, close] = parts.cell({ width: spanWidth(c, cell.colSpan), colSpan: cell.colSpan, merge, align: cell.align, keep });
        xml += open + parts.runs(byCell.get(cell)!) + close;
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
  /**
   * A cell's text as runs at its size (the empty string for a blank cell): a template break is a
   * `w:br`, and a label's lines as fitTable broke them are ended by `w:cr`, so Word and LibreOffice
   * wrap a label as the PDF does (no line of one character) and readers still see one label.
   */
  runs(cell: FittedCell): string;
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
  const memo = <T, R = Around>(make: (key: T) => R) => {
    const made = new Map<string, R>();
    return (key: T): R => {
      const k = JSON.stringify(key);
      let hit = made.get(k);
      if (!hit) made.set(k, (hit = make(key)));
      return hit;
    };
  };
  const markerCell = () => new TableCell({ children: [cellParagraph('center', MARKER, false)] });
  const markerRow = (header: boolean) => new TableRow({ children: [markerCell()], cantSplit: true, ...(header ? { tableHeader: true } : {}) });
  // Runs name no face: the TableText style has it. A figure stepped down to fit (fit.ts) gives its size.
  const runTemplates = memo((size: number) => {
    const props = size === style.sizes.table ? {} : { size: halfPoints(size), sizeComplexScript: halfPoints(size) };
    const [lineOpen, lineClose] = cut(textRuns(MARKER, props)[0]!, '<w:r>', '</w:r>', true);
    const [breakOpen, breakClose] = cut(textRuns(`\n${MARKER}`, props)[1]!, '<w:r>', '</w:r>', true);
    const at = lineOpen.lastIndexOf('<w:t');
    const cr = `${lineOpen.slice(0, at)}<w:cr/>${lineOpen.slice(at)}`;
    return [`${lineOpen}\u0000${lineClose}`, `${breakOpen}\u0000${breakClose}`, `${cr}\u0000${lineClose}`] as const;
  });
  const parts: TableParts = {
    table: memo((widths: number[]) => cut(tableWith(markerRow(false), widths, style), '<w:tr>', '</w:tr>')),
    row: memo((header: boolean) => cut(markerRow(header), '<w:tc>', '</w:tc>')),
    cell: memo((shape: CellShape) => cut(shapedCell(shape, MARKER), '<w:r>', '</w:r>')),
    runs: ({ cell, parts, size }) => {
      if (cell.text === '') return '';
      const [line, br, cr] = runTemplates(size) as readonly [string, string, string];
      const run = (template: string, text: string) => template.replace('\u0000', () => escapeXml(text));
      // Figures are never broken by nianbao (they fit their column); labels follow fitTable's lines.
      if (cell.kind === 'value') return cell.text.split('\n').map((part, i) => run(i === 0 ? line : br, part)).join('');
      return parts.map((lines, i) => lines.map((l, k) => run(k > 0 ? cr : i > 0 ? br : line, l)).join('')).join('');
    },
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
    // style.tablePadding, as the PDF pads its cells: the same row heights, the same page breaks.
    margins: { left: mmToTwips(style.tablePadding.xMm), right: mmToTwips(style.tablePadding.xMm), top: mmToTwips(style.tablePadding.yMm), bottom: mmToTwips(style.tablePadding.yMm) },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function shapedCell(shape: CellShape, text: string): TableCell {
  return new TableCell({
    children: [cellParagraph(shape.align, text, shape.keep)],
    width: { size: shape.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(shape.colSpan > 1 ? { columnSpan: shape.colSpan } : {}),
    ...(shape.merge === 'restart' ? { verticalMerge: VerticalMergeType.RESTART } : shape.merge === 'continue' ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
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
 * A cell paragraph in the TableText style (styles.ts: 宋体 五号 at its own exact pitch, off the
 * document grid, no indent, centred), left-aligned where the definition says so.
 */
function cellParagraph(align: ModelCell['align'], text: string, keepNext: boolean): Paragraph {
  return new Paragraph({
    style: STYLE_IDS.table,
    ...(keepNext ? { keepNext: true } : {}),
    ...(align === 'left' ? { alignment: AlignmentType.LEFT } : {}),
    children: textRuns(text, {}),
  });
}

