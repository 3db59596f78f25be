import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.js';
import { renderDocx } from '../src/render/docx/index.js';
import { docxCases } from './support/docxCases.js';
import { bodyItems, docxPart } from './support/docxXml.js';
import JSZip from 'jszip';
import { DEFAULT_STYLE } from '../src/model/style.js';

const cases = docxCases();
const variant = cases.find((c) => c.name.startsWith('2021 extra rows'))!;
const titled = cases.find((c) => c.name.startsWith('2019 sub-rows'))!;
const render = async (doc: Document) => (await renderDocx(doc, {})).bytes;
let variantBytes: Uint8Array;
let titledBytes: Uint8Array;
beforeAll(async () => {
  variantBytes = await render(variant.doc);
  titledBytes = await render(titled.doc);
});

describe('DOCX layout (GB/T 9704, spec §6)', () => {
  it('A4 in Word twips, 37/35/28/26 mm margins, a 22-line grid at 28.95 pt, footer 7 mm under the 版心', async () => {
    const xml = await docxPart(variantBytes, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="\d+" w:footer="1447" w:gutter="0"\/>/);
    expect(xml).toMatch(/<w:docGrid w:type="lines" w:linePitch="579" w:charSpace="-\d+"\/>/);
    expect(xml).toMatch(/<w:footerReference w:type="default"/);
    expect(xml).toMatch(/<w:footerReference w:type="even"/);
    expect(await docxPart(variantBytes, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('page numbers — N — in 四号 宋体: odd right and even left, one character in', async () => {
    const bytes = variantBytes;
    const footers = await Promise.all(['word/footer1.xml', 'word/footer2.xml'].map((f) => docxPart(bytes, f)));
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.join('')).toMatch(/<w:ind w:left="0" w:right="280" w:firstLine="0"\/><w:jc w:val="right"\/>/);
    expect(footers.join('')).toMatch(/<w:ind w:left="280" w:right="0" w:firstLine="0"\/><w:jc w:val="left"\/>/);
  });

  /** A paragraph style of styles.xml, by id. */
  const styleXml = async (bytes: Uint8Array, id: string) => {
    const m = new RegExp(`<w:style w:type="paragraph"[^>]*w:styleId="${id}">([\\s\\S]*?)</w:style>`).exec(await docxPart(bytes, 'word/styles.xml'));
    if (!m) throw new Error(`no style ${id}`);
    return m[0];
  };

  it('named styles carry the look (issue 16 item 12): Normal body, Title, Heading 1–3, by-line and table text', async () => {
    const styles = await docxPart(variantBytes, 'word/styles.xml');
    expect(styles).toContain('<w:style w:type="paragraph" w:default="1" w:styleId="Normal">');
    const fonts = /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="([^"]+)" w:hAnsi="Times New Roman" w:hint="eastAsia"\/>/;
    expect(fonts.exec(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0])?.[1]).toBe('仿宋_GB2312');
    const normal = await styleXml(variantBytes, 'Normal');
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(normal).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    const expectations: [string, string, string, number | undefined][] = [
      ['Title', '方正小标宋简体', '44', undefined],
      ['Heading1', '黑体', '32', 0],
      ['Heading2', '楷体_GB2312', '32', 1],
      ['Heading3', '仿宋_GB2312', '32', 2],
      ['TableText', '宋体', '21', undefined],
    ];
    for (const [id, face, size, outline] of expectations) {
      const x = await styleXml(variantBytes, id);
      expect(fonts.exec(x)?.[1], id).toBe(face);
      expect(x).toContain(`<w:sz w:val="${size}"/>`);
      expect(x).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
      if (outline !== undefined) expect(x).toContain(`<w:outlineLvl w:val="${outline}"/>`);
      if (id.startsWith('Heading')) expect(x).toContain('<w:keepNext/>');
      expect(x.includes('<w:b/>'), id).toBe(id === 'Heading3');
    }
    expect(await styleXml(variantBytes, 'Heading1')).toContain('<w:name w:val="Heading 1"/>');
    // Title and table text leave the 28.95 pt grid (LibreOffice would double their lines).
    for (const id of ['Title', 'TableText']) expect(await styleXml(variantBytes, id)).toContain('<w:snapToGrid w:val="0"/>');
    expect(await styleXml(variantBytes, 'TableText')).toContain('<w:spacing w:after="0" w:before="0" w:line="300" w:lineRule="exact"/>');
  });

  it('runs carry no formatting of their own but for run-in leads and stepped-down figures; document.xml is small', async () => {
    const xml = await docxPart(variantBytes, 'word/document.xml');
    const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    expect(runs.length).toBeGreaterThan(300);
    const formatted = runs.filter((r) => r.includes('<w:rPr>'));
    for (const r of formatted) expect(r).toMatch(/w:eastAsia="(楷体_GB2312|仿宋_GB2312)"|<w:sz w:val="(1[89]|20)"\/>/);
    expect(formatted.length).toBeLessThan(20);
    // Before named styles every run named its faces: about 270 KB for this report.
    expect(xml.length).toBeLessThan(110_000);
  });

  it('title one paragraph per line in Title, broken between words; bylines centred; a blank line under the block', async () => {
    const items = bodyItems(await docxPart(titledBytes, 'word/document.xml'));
    const [t1, t2, unit, date, first] = items as { kind: 'p'; text: string; xml: string }[];
    expect([t1!.text, t2!.text, unit!.text, date!.text]).toEqual(['某某县科学技术局', '2020年政府信息公开工作年度报告', '某某县科学技术局', '（2021年1月）']);
    for (const p of [t1!, t2!]) expect(p.xml).toContain('<w:pStyle w:val="Title"/>');
    expect(unit!.xml).toContain('<w:pStyle w:val="Byline"/>');
    expect(date!.xml).toMatch(/w:after="579"/);
    expect(t2!.xml).not.toMatch(/w:after=/);
    expect(first!.xml).not.toMatch(/w:after=/);
    // A one-line title too long for the line breaks after the agency (w:cr: a line end, not text).
    const one = bodyItems(await docxPart(variantBytes, 'word/document.xml'))[0] as { text: string; xml: string };
    expect(one.text).toBe(variant.doc.meta.title);
    expect(one.xml).toMatch(/某某县科学技术局<\/w:t><\/w:r><w:r><w:cr\/><w:t xml:space="preserve">2021年政府信息公开工作年度报告/);
  });

  it('body paragraphs in Normal; headings in Heading 1–3; run-in leads in their heading face', async () => {
    const items = bodyItems(await docxPart(variantBytes, 'word/document.xml'));
    const para = (text: string) => items.find((i) => i.kind === 'p' && i.text.startsWith(text))!.xml;
    expect(para('本报告根据')).not.toContain('<w:pStyle');
    expect(para('一、总体情况')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(para('1.组织领导')).toContain('<w:pStyle w:val="Heading3"/>');
    const lead = para('（一）主动公开。');
    const runs = lead.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    expect(runs[0]).toContain('w:eastAsia="楷体_GB2312"');
    expect(runs[0]).toContain('（一）主动公开。');
    expect(runs[1]).not.toContain('<w:rPr>');
    expect(para('2.制度建设。')).toContain('“三安全一稳定” &amp; &lt;审查&gt;。');
  });

  it('table cells in TableText with 1 mm padding; 0.5 pt borders; the paragraph after a table has room above it', async () => {
    const xml = await docxPart(variantBytes, 'word/document.xml');
    const items = bodyItems(xml);
    const at = items.findIndex((i) => i.kind === 'table');
    const table = items[at]!;
    expect(table.xml.match(/<w:(top|bottom|left|right|insideH|insideV) w:val="single" w:color="000000" w:sz="4"\/>/g)).toHaveLength(6);
    expect(table.xml).toContain('<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="57"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="57"/></w:tblCellMar>');
    for (const p of table.xml.match(/<w:p>[\s\S]*?<\/w:p>/g)!) expect(p).toContain('<w:pStyle w:val="TableText"/>');
    expect(items[at + 1]!.xml).toContain(`w:before="${Math.round(DEFAULT_STYLE.tableSpaceAfter * 20)}"`);
  });
});

describe('DOCX determinism and properties', () => {
  it('the same input gives byte-identical files, whatever the clock and time zone', async () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const a = await render(variant.doc);
      await new Promise((r) => setTimeout(r, 1100)); // a new second on the clock
      process.env.TZ = 'America/Los_Angeles';
      const b = await render(variant.doc);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('core properties from meta: title, author, subject, keywords, language, dates; zip entries dated the same day', async () => {
    const bytes = variantBytes;
    const core = await docxPart(bytes, 'docProps/core.xml');
    const m = variant.doc.meta;
    expect(core).toContain(`<dc:title>${m.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${m.author}</dc:creator>`);
    expect(core).toContain(`<dc:subject>${m.subject}</dc:subject>`);
    expect(core).toContain(`<cp:keywords>${m.keywords.join('; ')}</cp:keywords>`);
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${m.date}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${m.date}T00:00:00Z</dcterms:modified>`);
    const zip = await JSZip.loadAsync(bytes);
    for (const f of Object.values(zip.files)) expect(f.date.toISOString().slice(0, 10)).toBe(m.date);
  });
});
