import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document, TableBlock } from '../src/model/document.js';
import { DEFAULT_STYLE } from '../src/model/style.js';
import { geometry } from '../src/render/pdf/geometry.js';
import { fontMetrics } from '../src/render/pdf/metrics.js';
import { fallbackPath, resolveFonts } from '../src/fonts/index.js';
import { layoutDocument } from '../src/render/pdf/layout.js';
import { TableTooTallError } from '../src/render/pdf/tableflow.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { reportArbitrary } from './support/arbitrary.js';
import { docOf, layoutOf, pdfPages, realMetrics, tableTexts } from './support/pdf.js';
import { reportYaml } from './support/reports.js';

const g = geometry(DEFAULT_STYLE);
const longText = '本机关坚持以公开为常态、不公开为例外，围绕2021年度重点工作，依法依规做好政府信息公开工作，主动回应社会关切，切实保障人民群众的知情权、参与权、表达权和监督权。';
const filler = (n: number) => Array.from({ length: n }, () => longText).join('\n\n');

describe('PDF layout (pure)', () => {
  const docs = [
    docOf(reportYaml('2019', [[['overview'], filler(3)]])),
    docOf(reportYaml('2021', [[['overview'], filler(3)]])),
    ...fc.sample(reportArbitrary(), { numRuns: 4, seed: 7 }).map((r) => docOf(r.yaml)),
    ...(existsSync('data') ? readdirSync('data').filter((f) => f.endsWith('.yaml')).map((f) => docOf(readFileSync(join('data', f), 'utf8'), f)) : []),
  ];

  it('justifies: every non-final line of a body paragraph ends within 0.5 pt of the right margin', () => {
    let checked = 0;
    for (const doc of docs) {
      for (const page of layoutOf(doc).pages) {
        for (const item of page.items) {
          if (item.kind !== 'text' || item.tag.kind !== 'block' || item.tag.struct !== 'P' || item.last) continue;
          expect(Math.abs(item.right - (g.left + g.width))).toBeLessThan(0.5);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('keeps every line and every table border inside the text block', () => {
    for (const doc of docs) {
      for (const page of layoutOf(doc).pages) {
        const body = page.items.filter((i) => i.kind === 'text' && i.tag.kind === 'block');
        for (const i of body) {
          expect(i.kind === 'text' && i.left >= g.left - 0.01 && i.right <= g.left + g.width + 0.01).toBe(true);
          expect(i.kind === 'text' && i.y <= g.bottom).toBe(true);
        }
        for (const i of page.items) if (i.kind === 'rect') expect(i.y + i.h).toBeLessThanOrEqual(g.bottom + 0.01);
      }
    }
  });

  it('repeats the 依申请 table header rows on the next page when the table starts low on a page', async () => {
    let found: { doc: Document; page: number } | undefined;
    for (let n = 0; n < 30 && !found; n++) {
      const doc = docOf(reportYaml('2021', [[['overview'], filler(n)]]));
      const index = doc.blocks.findIndex((b) => b.type === 'table' && b.id === 'applications');
      const trace = layoutOf(doc).tables.find((t) => t.block === index)!;
      const first = trace.pages[0]!;
      if (trace.pages.length > 1 && first.rows.length <= 8) {
        expect(trace.pages[1]!.repeatedHeader).toBe(true);
        expect(trace.pages[1]!.rows.slice(0, 3)).toEqual([0, 1, 2]);
        found = { doc, page: trace.pages[1]!.page };
      }
    }
    expect(found).toBeDefined();
    const pages = await pdfPages((await renderPdf(found!.doc, {})).bytes);
    const table = found!.doc.blocks.find((b): b is TableBlock => b.type === 'table' && b.id === 'applications')!;
    for (const label of ['申请人情况', '法人或其他组织', '自然人', '总计']) expect(pages[found!.page]).toContain(label);
    expect(tableTexts(table, ['header']).length).toBeGreaterThan(5);
  });

  it('draws a row span crossing a page break as one bordered segment per page', () => {
    const doc = docOf(reportYaml('2021', [[['overview'], filler(9)]]));
    const layout = layoutOf(doc);
    const index = doc.blocks.findIndex((b) => b.type === 'table' && b.id === 'applications');
    const trace = layout.tables.find((t) => t.block === index)!;
    expect(trace.pages.length).toBeGreaterThan(1);
    // The 三、本年度办理结果 label spans the result rows: a border on every page the rows reach.
    for (const p of trace.pages) expect(layout.pages[p.page]!.items.some((i) => i.kind === 'rect')).toBe(true);
  });

  it('names the row when a row is taller than a page, instead of looping', () => {
    const doc: Document = {
      meta: { title: 't', author: 'a', subject: 's', keywords: [], date: '2022-01-01', lang: 'zh-CN' },
      blocks: [
        {
          type: 'table', id: 'x', caption: '测试表', columnWidths: [1, 1], headerRows: 0,
          rows: [{ cells: [{ text: '很长的标签'.repeat(400), rowSpan: 1, colSpan: 1, kind: 'label', align: 'left' }, { text: '1', rowSpan: 1, colSpan: 1, kind: 'value', align: 'center' }] }],
        },
      ],
    };
    expect(() => layoutDocument(doc, DEFAULT_STYLE, realMetrics())).toThrow(TableTooTallError);
    expect(() => layoutDocument(doc, DEFAULT_STYLE, realMetrics())).toThrow(/第 1 行/);
  });

  it('warns with the YAML position when the face lacks a character', () => {
    const doc = docOf(reportYaml('2021', [[['overview'], '本机关𠀀𠀁公开。']]));
    const w = layoutOf(doc).warnings.filter((x) => x.code === 'font/missing-glyph');
    if (realMetrics().covers('body', '𠀀')) return; // a face with Ext-B: nothing to warn about
    expect(w.length).toBeGreaterThan(0);
    expect(w[0]!.pos?.line).toBeGreaterThan(0);
  });

  it('gives one warning per field, listing each missing character once, however many paragraphs it makes', () => {
    const doc = docOf(reportYaml('2021', [[['overview'], '本机关𠀀公开。\n\n第二段𠀁𠀀。\n\n第三段𠀁。']]));
    if (realMetrics().covers('body', '𠀀')) return; // a face with Ext-B: nothing to warn about
    const paragraphs = doc.blocks.flatMap((b) => (b.type === 'paragraph' && /𠀀|𠀁/.test(b.text) ? [b] : []));
    expect(paragraphs.length).toBeGreaterThan(1);
    const w = layoutOf(doc).warnings.filter((x) => x.code === 'font/missing-glyph' && x.pos?.line === paragraphs[0]!.pos?.line);
    expect(w).toHaveLength(1);
    expect(w[0]!.message.match(/U\+20000/g)).toHaveLength(1);
    expect(w[0]!.message).toContain('U+20001');
  });
});

describe('PDF layout with other faces', () => {
  const regular = fallbackPath({ pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' });
  const sans = fallbackPath({ pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' });
  const doc = docOf(reportYaml('2021', [[['problems'], '1.压实公开责任。建立执法信息“七日公开”台账，2021年逐月通报。']]));

  it('synthesises bold for 1. leads when the 仿宋 face has no bold weight, and sets digits in the Latin face when one is found', () => {
    const m = fontMetrics(resolveFonts(DEFAULT_STYLE.fonts, { explicit: { heading3: regular, latin: sans }, systemDirs: [] }));
    const segments = layoutDocument(doc, DEFAULT_STYLE, m).pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'text' ? i.segments : [])));
    expect(segments.find((s) => s.text === '1.')!.role).toBe('latin');
    expect(segments.some((s) => s.role === 'heading3' && s.fakeBold)).toBe(true);
    expect(segments.some((s) => s.text === '2021' && s.role === 'latin')).toBe(true);
  });
});
