import { describe, expect, it } from 'vitest';
import { bodyItems, docxPart } from '../../../test/support/docxXml.js';
import type { Document, TableBlock, TableCell } from '../../model/document.js';
import { renderDocx } from './index.js';
import { scaleWidths } from './table.js';

const cell = (text: string, rowSpan = 1, colSpan = 1, align: TableCell['align'] = 'center'): TableCell => ({ text, rowSpan, colSpan, kind: 'value', align });
const doc = (table: TableBlock): Document => ({
  meta: { title: 't', author: 'a', subject: 's', keywords: [], date: '2022-01-20', lang: 'zh-CN' },
  blocks: [table],
});

describe('scaleWidths', () => {
  it('fills the total exactly and keeps the proportions', () => {
    const w = scaleWidths([754, 921, 3271, 685, 685, 685, 685, 685, 685, 685], 8845);
    expect(w.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(w[0]).toBe(685);
    expect(scaleWidths([1, 1, 1], 10)).toEqual([3, 4, 3]);
  });
});

describe('tableFor', () => {
  // A 2-row-high, 2-column-wide anchor: both rows below it get one continue cell spanning 2 columns.
  const table: TableBlock = {
    type: 'table',
    id: 't',
    caption: 'c',
    columnWidths: [1, 1, 2],
    headerRows: 1,
    rows: [{ cells: [cell('A', 3, 2, 'left'), cell('h')] }, { cells: [cell('x\ny')] }, { cells: [cell('')] }, { cells: [cell('0', 1, 3)] }],
  };

  it('gridSpan on anchors, vMerge restart and continue of the same width, one continue per covered row', async () => {
    const { bytes } = await renderDocx(doc(table), {});
    const [t] = bodyItems(await docxPart(bytes, 'word/document.xml'));
    if (t?.kind !== 'table') throw new Error('no table');
    expect(t.gridCols).toEqual([2211, 2212, 4422]);
    expect(t.rows.map((r) => r.cells.map((c) => [c.text, c.gridSpan, c.vMerge]))).toEqual([
      [['A', 2, 'restart'], ['h', 1, null]],
      [['', 2, 'continue'], ['x\ny', 1, null]],
      [['', 2, 'continue'], ['', 1, null]],
      [['0', 3, null]],
    ]);
    expect(t.rows.map((r) => r.header)).toEqual([true, false, false, false]);
    const first = t.rows[0]!.cells[0]!.xml;
    expect(first).toContain('<w:tcW w:type="dxa" w:w="4423"/>');
    expect(first).toContain('<w:jc w:val="left"/>');
    // Centred is the TableText style's own alignment; only a left-aligned label says so.
    expect(t.rows[1]!.cells[1]!.xml).not.toContain('<w:jc ');
  });

  it('rejects a grid resolveGrid rejects', async () => {
    const ragged: TableBlock = { ...table, rows: [{ cells: [cell('a')] }] };
    await expect(renderDocx(doc(ragged), {})).rejects.toThrow(/column 2/);
  });
});

describe('renderDocx options', () => {
  it('--embed-fonts embeds the table face and warns only when it is a fallback (test/docx-embed.test.ts has the rest)', async () => {
    const table: TableBlock = { type: 'table', id: 't', caption: 'c', columnWidths: [1], headerRows: 0, rows: [{ cells: [cell('零')] }] };
    const result = await renderDocx(doc(table), { embedFonts: true });
    expect(result.warnings.every((w) => w.code === 'font/fallback' || w.code === 'font/shared-face')).toBe(true);
    expect(await docxPart(result.bytes, 'word/fontTable.xml')).toMatch(/<w:font w:name="宋体">.*<w:embedRegular r:id="rId1" w:fontKey="\{[0-9A-F-]{36}\}"/);
  });
});
