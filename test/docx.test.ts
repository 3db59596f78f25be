import { fitTable } from '../src/model/fit.js';
import { DEFAULT_STYLE } from '../src/model/style.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document, TableBlock } from '../src/model/document.js';
import { resolveGrid } from '../src/model/grid.js';
import { renderDocx } from '../src/render/docx/index.js';
import { RENDERERS } from '../src/render/index.js';
import { docxCases, type DocxCase } from './support/docxCases.js';
import { bodyItems, docxPart, docxTextOrder, type BodyItem, type XmlRow } from './support/docxXml.js';

interface Rendered extends DocxCase {
  bytes: Uint8Array;
  items: BodyItem[];
}

const cases = docxCases();
const rendered: Rendered[] = [];

beforeAll(async () => {
  for (const c of cases) {
    const { bytes } = await renderDocx(c.doc, {});
    rendered.push({ ...c, bytes, items: bodyItems(await docxPart(bytes, 'word/document.xml')) });
  }
});

interface Span {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Reads the Word grid back into HTML-rule cells (covered cells left out): the inverse of the renderer. */
function spansFromXml(rows: XmlRow[], colCount: number): Span[][] {
  const open = new Map<number, Span>();
  return rows.map((row) => {
    const cells: Span[] = [];
    let col = 0;
    for (const c of row.cells) {
      if (c.vMerge === 'continue') {
        const anchor = open.get(col);
        if (!anchor || anchor.colSpan !== c.gridSpan) throw new Error(`continue cell at column ${col} has no anchor of the same width`);
        anchor.rowSpan++;
      } else {
        const span = { text: c.text, rowSpan: 1, colSpan: c.gridSpan };
        cells.push(span);
        if (c.vMerge === 'restart') open.set(col, span);
        else open.delete(col);
      }
      col += c.gridSpan;
    }
    expect(col).toBe(colCount);
    return cells;
  });
}

const spansOf = (t: TableBlock): Span[][] => t.rows.map((r) => r.cells.map((c) => ({ text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan })));
const tablesOf = (doc: Document) => doc.blocks.filter((b): b is TableBlock => b.type === 'table');
const xmlTables = (items: BodyItem[]) => items.filter((i): i is Extract<BodyItem, { kind: 'table' }> => i.kind === 'table');

/** The text sequence the Document should read back as: paragraphs, then table cells row by row. */
function documentOrder(doc: Document): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'title') out.push(...b.lines);
    else if (b.type === 'byline' || b.type === 'heading') out.push(b.text);
    else if (b.type === 'paragraph') out.push((b.lead?.text ?? '') + b.text);
    else if (b.type === 'pageBreak') out.push('');
    else {
      const grid = resolveGrid(b);
      for (const slots of grid.slots) {
        for (const s of slots) {
          if (s.kind === 'cell') out.push(s.cell.text);
          else if (s.ownerRow < s.row && s.ownerCol === s.col) out.push('');
        }
      }
    }
  }
  return out;
}

describe('DOCX tables: the Word grid is the Document grid', () => {
  it('is registered as the docx renderer', async () => {
    expect(await RENDERERS.docx!()).toBe(renderDocx);
  });

  for (const c of cases) {
    it(`${c.name}: every table's gridSpan, vMerge and cell text, row by row`, () => {
      const r = rendered.find((x) => x.name === c.name)!;
      const tables = tablesOf(c.doc);
      const xml = xmlTables(r.items);
      expect(xml).toHaveLength(tables.length);
      tables.forEach((t, i) => {
        const x = xml[i]!;
        expect(x.gridCols).toHaveLength(t.columnWidths.length);
        expect(x.gridCols.reduce((a, b) => a + b, 0)).toBe(8845); // the 156 mm 版心
        expect(spansFromXml(x.rows, t.columnWidths.length)).toEqual(spansOf(t));
        for (const [ri, row] of x.rows.entries()) {
          expect(row.header).toBe(ri < t.headerRows);
          expect(row.cantSplit).toBe(true);
          // A page break never falls under a header row, inside a 二 block, or inside the rows a
          // merged label's text needs (fitTable); the other rows of a merged label may break.
          const keep = fitTable(t, DEFAULT_STYLE).keepWithNext[ri]!;
          if (ri < t.headerRows) expect(keep).toBe(true);
          for (const cell of row.cells) expect(cell.xml.includes('<w:keepNext/>'), `row ${ri + 1} keepNext`).toBe(keep);
          for (const cell of row.cells) {
            if (cell.vMerge === 'restart') expect(cell.xml).toMatch(/<w:vMerge w:val="restart"\/>/);
            expect(cell.xml).toContain('<w:vAlign w:val="center"/>');
          }
        }
        expect(x.xml).toContain('<w:tblLayout w:type="fixed"/>');
      });
    });
  }

  it('the editions have the official shapes (spec §2–§3)', () => {
    const shape = (name: string) => {
      const r = rendered.find((x) => x.name === name)!;
      return xmlTables(r.items).map((t) => {
        const anchorCol0 = t.rows.findIndex((row) => row.cells[0]!.text === '三、本年度办理结果');
        const continues = t.rows.filter((row) => row.cells[0]!.vMerge === 'continue').length;
        return { rows: t.rows.length, cols: t.gridCols.length, resultRows: anchorCol0 >= 0 ? continues + 1 - 2 : null };
      });
    };
    // 二 18/14 rows × 4; 三 26/28 rows × 10 with 三、本年度办理结果 over 20/22 rows; 四 4 rows × 15.
    // (the 勾稽 note in column 0 spans the 3 header rows: 2 of the continues are its.)
    expect(shape('scaffold 2019 (--year 2020)')).toEqual([
      { rows: 18, cols: 4, resultRows: null },
      { rows: 26, cols: 10, resultRows: 20 },
      { rows: 4, cols: 15, resultRows: null },
    ]);
    expect(shape('scaffold 2021')).toEqual([
      { rows: 14, cols: 4, resultRows: null },
      { rows: 28, cols: 10, resultRows: 22 },
      { rows: 4, cols: 15, resultRows: null },
    ]);
  });

  it('template line breaks inside labels are kept as line breaks; blanks stay blank, zeros print 0', () => {
    const r19 = rendered.find((x) => x.name === 'scaffold 2019 (--year 2020)')!;
    const cells19 = xmlTables(r19.items).flatMap((t) => t.rows.flatMap((row) => row.cells));
    expect(cells19.map((c) => c.text)).toContain('本年新\n制作数量');
    expect(cells19.find((c) => c.text === '本年新\n制作数量')!.xml).toMatch(/<w:br\/>/);
    expect(cells19.filter((c) => c.text === '0').length).toBeGreaterThan(100);
    const blank = rendered.find((x) => x.name === '2019 blanks')!;
    const values = xmlTables(blank.items)[1]!.rows.slice(3).flatMap((row) => row.cells.slice(-7).map((c) => c.text));
    expect(values.every((v) => v === '')).toBe(true);
  });
});

describe('DOCX text order', () => {
  for (const c of cases) {
    it(`${c.name}: paragraphs and table cells read back in document order`, () => {
      const r = rendered.find((x) => x.name === c.name)!;
      expect(docxTextOrder(r.items)).toEqual(documentOrder(c.doc));
    });
  }
});
