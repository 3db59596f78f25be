import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/index.js';
import { readDocx } from '../../src/import/readDocx.js';
import { readHtml } from '../../src/import/readHtml.js';
import { readText } from '../../src/import/readText.js';
import { miniDocx, miniHtml } from '../support/miniRender.js';
import { documentOf, figuresOf, reportOf, tokens } from '../support/importCompare.js';

const DATA = new URL('../../data/', import.meta.url);
const examples = readdirSync(DATA).filter((f) => f.endsWith('.yaml'));

describe('readers on hand-made sources', () => {
  it('text: a vertical merge continuation is a bare TAB, an empty cell paragraph stays in the cell', () => {
    const doc = readText('标题\n\t甲\n\t1\n\n\t\n\t2\n\n\t（三）不予\n\n公开\n\t3\n\n\n正文');
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = doc.blocks[1]!;
    expect(table.type === 'table' && table.rows.map((r) => r.map((c) => c.text))).toEqual([['甲', '1'], ['', '2'], ['（三）不予\n公开', '3']]);
  });

  it('docx: gridSpan and vMerge are read as spans and continuations', () => {
    const xml = '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>本年新</w:t><w:br/><w:t>制作数量</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>';
    const doc = readDocx(miniDocx({ meta: { title: '', author: '', subject: '', keywords: [], date: '2021-01-01', lang: 'zh-CN' }, blocks: [] }, xml));
    const t = doc.blocks[0]!;
    expect(t.type).toBe('table');
    if (t.type !== 'table') return;
    expect(t.rows[0]!.map((c) => [c.text, c.rowSpan, c.colSpan, c.continuation])).toEqual([['甲', 2, 1, 'no'], ['1', 1, 2, 'no']]);
    expect(t.rows[1]!.map((c) => [c.text, c.continuation])).toEqual([['', 'yes'], ['本年新\n制作数量', 'no'], ['', 'no']]);
  });

  it('html: the report body is found inside site navigation; &nbsp; is blank; rowspan kept', () => {
    const doc = readHtml('<html><body><div class="nav">首页 政务公开</div><div id="c"><p>某局2021年政府信息公开工作年度报告</p><p>一、总体情况</p><table><tr><td rowspan="2">第二十条第（一）项</td><td>&nbsp;</td></tr><tr><td>2</td></tr></table></div><div>版权所有</div></body></html>');
    expect(doc.blocks[0]).toEqual({ type: 'paragraph', text: '某局2021年政府信息公开工作年度报告' });
    const t = doc.blocks.find((b) => b.type === 'table')!;
    expect(t.type === 'table' && t.rows.map((r) => r.map((c) => [c.text, c.rowSpan]))).toEqual([[['第二十条第（一）项', 2], ['', 1]], [['2', 1]]]);
    expect(doc.blocks.some((b) => b.type === 'paragraph' && /版权|首页/.test(b.text))).toBe(false);
  });

  it('a corrupt docx, a .doc, a PDF and an empty file are clear errors', () => {
    expect(() => importReport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'a.docx')).toThrow(/DOCX/);
    expect(() => importReport(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.doc')).toThrow(/另存为/);
    expect(() => importReport(new TextEncoder().encode('%PDF-1.7\n'), 'a.pdf')).toThrow(/PDF/);
    expect(() => importReport(new Uint8Array(), 'a.txt')).toThrow(/空/);
    expect(() => importReport(new TextEncoder().encode('你好'), 'a.txt')).toThrow(/没有在文件中找到年报/);
  });
});

/** Every example in data/ written as a .docx and as a portal page by the minimal writers, imported back. */
describe.each(examples)('data/%s through the minimal DOCX and HTML writers', (file) => {
  const yaml = readFileSync(new URL(file, DATA), 'utf8');
  const source = reportOf(yaml, file);
  const doc = documentOf(yaml, file);
  it.each([
    ['docx', () => miniDocx(doc)],
    ['html', () => new TextEncoder().encode(miniHtml(doc))],
  ] as const)('%s', (format, bytes) => {
    const result = importReport(bytes(), `${file}.${format}`);
    const back = reportOf(result.yaml, file);
    expect(figuresOf(back)).toEqual(figuresOf(source));
    expect(back.edition).toBe(source.edition);
    expect(back.labels).toEqual(source.labels);
    expect(tokens(documentOf(result.yaml, file))).toEqual(tokens(doc));
  });
});
