import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import { elementXml, escapeXml, toXml } from './xml.js';


describe('toXml', () => {
  it('writes docx elements exactly as docx writes them into document.xml', async () => {
    const children = [
      new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: '政府 <信息> & “公开”', bold: true, font: { eastAsia: '宋体', ascii: 'Times New Roman' } }), new TextRun({ text: "a'b\"c", break: 1 })] }),
      new Paragraph({}),
      new Table({
        columnWidths: [1000, 2000],
        rows: [
          new TableRow({ cantSplit: true, tableHeader: true, children: [new TableCell({ columnSpan: 2, children: [new Paragraph('表头')] })] }),
          new TableRow({ children: [new TableCell({ verticalMerge: VerticalMergeType.RESTART, width: { size: 1000, type: WidthType.DXA }, children: [] }), new TableCell({ children: [new Paragraph('0')] })] }),
        ],
      }),
    ];
    const file = new Document({ sections: [{ children }] });
    const compiled = (Packer as unknown as { compiler: { compile(f: Document, p: undefined, o: []): { file(name: string): { async(t: 'string'): Promise<string> } } } }).compiler.compile(file, undefined, []);
    const documentXml = await compiled.file('word/document.xml').async('string');
    const body = children.map((c) => elementXml(c)).join('');
    expect(documentXml).toContain(`<w:body>${body}<w:sectPr`);
  });

  it('escapes the five XML characters in text and attributes', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(toXml({ 'w:t': [{ _attr: { 'w:v': 'a"b' } }, 'x<y'] })).toBe('<w:t w:v="a&quot;b">x&lt;y</w:t>');
    expect(toXml({ 'w:b': {} })).toBe('<w:b/>');
    expect(toXml({ 'w:sz': { _attr: { 'w:val': 21 } } })).toBe('<w:sz w:val="21"/>');
  });
});
