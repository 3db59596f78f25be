import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.js';
import { renderDocx } from '../src/render/docx/index.js';
import { docxCases } from './support/docxCases.js';
import { bodyItems, docxPart } from './support/docxXml.js';
import JSZip from 'jszip';

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

  it('every run names Times New Roman for Latin, a Chinese face for East Asian text, and zh-CN', async () => {
    const xml = await docxPart(variantBytes, 'word/document.xml');
    const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    expect(runs.length).toBeGreaterThan(300);
    for (const r of runs) {
      expect(r).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="[^"]+" w:hAnsi="Times New Roman"/);
      expect(r).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    }
  });

  it('title 二号 小标宋 centred one paragraph per line; bylines centred; a blank line under the block', async () => {
    const items = bodyItems(await docxPart(titledBytes, 'word/document.xml'));
    const [t1, t2, unit, date, first] = items as { kind: 'p'; text: string; xml: string }[];
    expect([t1!.text, t2!.text, unit!.text, date!.text]).toEqual(['某某县科学技术局', '2020年政府信息公开工作年度报告', '某某县科学技术局', '（2021年1月）']);
    for (const p of [t1!, t2!]) {
      expect(p.xml).toContain('w:eastAsia="方正小标宋简体"');
      expect(p.xml).toContain('<w:sz w:val="44"/>');
      expect(p.xml).toContain('<w:jc w:val="center"/>');
    }
    expect(unit!.xml).toContain('<w:jc w:val="center"/>');
    expect(date!.xml).toMatch(/w:after="579"/);
    expect(t2!.xml).toMatch(/w:after="0"/);
    expect(first!.xml).toMatch(/w:after="0"/);
  });

  it('body 三号 仿宋 justified, two-character indent, exact 28.95 pt; headings 黑体 / 楷体 / 仿宋 bold; run-in leads', async () => {
    const items = bodyItems(await docxPart(variantBytes, 'word/document.xml'));
    const para = (text: string) => items.find((i) => i.kind === 'p' && i.text.startsWith(text))!.xml;
    const body = para('本报告根据');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(body).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(para('一、总体情况')).toContain('w:eastAsia="黑体"');
    expect(para('1.组织领导')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:b\/>/);
    const lead = para('（一）主动公开。');
    const runs = lead.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    expect(runs[0]).toContain('w:eastAsia="楷体_GB2312"');
    expect(runs[0]).toContain('（一）主动公开。');
    expect(runs[1]).toContain('w:eastAsia="仿宋_GB2312"');
    expect(para('2.制度建设。')).toContain('“三安全一稳定” &amp; &lt;审查&gt;。');
  });

  it('table cells: 宋体 10.5 pt at their own exact pitch, off the grid, no indent; 0.5 pt borders', async () => {
    const items = bodyItems(await docxPart(variantBytes, 'word/document.xml'));
    const table = items.find((i) => i.kind === 'table')!;
    expect(table.xml.match(/<w:(top|bottom|left|right|insideH|insideV) w:val="single" w:color="000000" w:sz="4"\/>/g)).toHaveLength(6);
    const paragraphs = table.xml.match(/<w:p>[\s\S]*?<\/w:p>/g)!;
    for (const p of paragraphs) {
      expect(p).toContain('<w:snapToGrid w:val="false"/><w:spacing w:after="0" w:before="0" w:line="300" w:lineRule="exact"/><w:ind w:left="0" w:right="0" w:firstLine="0"/>');
      expect(p).toContain('w:eastAsia="宋体"');
      expect(p).toContain('<w:sz w:val="21"/>');
    }
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
