import { describe, expect, it } from 'vitest';
import type { Document, TableBlock } from '../../model/document.js';
import { checkText, composeChecked } from '../../pipeline.js';
import { reportYaml } from '../../../test/support/reports.js';
import { byTag, findAll, parseHtml, parseHtmlFragment } from '../../../test/support/html.js';
import { RENDERERS } from '../index.js';
import { renderHtmlString } from './index.js';

const HOSTILE = '<script>alert(1)</script>{{constructor}}{{#each x}}&amp;"\'';

const table: TableBlock = {
  type: 'table',
  id: 'review',
  caption: `表${HOSTILE}`,
  columnWidths: [1, 1],
  headerRows: 1,
  rows: [
    { cells: [{ text: `甲${HOSTILE}`, rowSpan: 1, colSpan: 1, kind: 'header', align: 'center' }, { text: '乙\n丙', rowSpan: 1, colSpan: 1, kind: 'header', align: 'center' }] },
    { cells: [{ text: HOSTILE, rowSpan: 1, colSpan: 1, kind: 'value', align: 'center' }, { text: '', rowSpan: 1, colSpan: 1, kind: 'value', align: 'center' }] },
  ],
};

const hostileDoc: Document = {
  meta: { title: `标题${HOSTILE}`, author: HOSTILE, subject: HOSTILE, keywords: [HOSTILE], date: '2022-01-01', lang: 'zh-CN' },
  blocks: [
    { type: 'title', lines: [`一${HOSTILE}`, '二'] },
    { type: 'byline', role: 'unit', text: HOSTILE },
    { type: 'heading', level: 1, text: HOSTILE },
    { type: 'paragraph', lead: { level: 2, text: HOSTILE }, text: HOSTILE },
    table,
  ],
};

describe('HTML escaping', () => {
  const html = renderHtmlString(hostileDoc);
  const root = parseHtml(html);

  it('prints user text literally: no script element, no template evaluated', () => {
    expect(byTag(root, 'script')).toEqual([]);
    expect(html).not.toContain('<script>');
    expect(byTag(root, 'title')[0]!.text).toBe(`标题${HOSTILE}`);
    expect(byTag(root, 'h1')[0]!.text).toBe(`一${HOSTILE}\n二`);
    expect(byTag(root, 'h2')[0]!.text).toBe(HOSTILE);
    expect(byTag(root, 'p').map((p) => p.text)).toEqual([HOSTILE, HOSTILE + HOSTILE]);
    expect(byTag(root, 'td')[0]!.text).toBe(HOSTILE);
    expect(byTag(root, 'caption')[0]!.text).toBe(`表${HOSTILE}`);
  });

  it('escapes attribute values (meta, aria-label)', () => {
    const meta = Object.fromEntries(byTag(root, 'meta').filter((m) => m.attrs.name).map((m) => [m.attrs.name, m.attrs.content]));
    expect(meta).toMatchObject({ author: HOSTILE, description: HOSTILE, keywords: HOSTILE });
    expect(findAll(root, (e) => e.attrs.role === 'region')[0]!.attrs['aria-label']).toBe(`表${HOSTILE}`);
  });

  it('turns template line breaks into <br> and leaves blank cells empty', () => {
    expect(html).toContain('>乙<br>丙</th>');
    expect(byTag(root, 'td')[1]!.text).toBe('');
  });

  it('keeps hostile YAML literal end to end (agency name, escaped {{ in prose)', () => {
    const yaml = reportYaml('2021', [
      [['agency'], '某局<script>alert(1)</script>'],
      [['title'], undefined],
      [['problems'], '正文写 \\{{agency}} 与 <b>粗体</b>。'],
    ]);
    const checked = checkText(yaml, 'x.yaml');
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const page = parseHtml(renderHtmlString(composeChecked(checked)!));
    expect(byTag(page, 'script')).toEqual([]);
    expect(byTag(page, 'b')).toEqual([]);
    expect(byTag(page, 'h1')[0]!.text).toBe('某局<script>alert(1)</script>2021年政府信息公开工作年度报告');
    expect(byTag(page, 'p').some((p) => p.text === '正文写 {{agency}} 与 <b>粗体</b>。')).toBe(true);
  });
});

describe('HTML page', () => {
  const doc = composeChecked(checkText(reportYaml('2021'), 'r.yaml'))!;
  const html = renderHtmlString(doc);
  const root = parseHtml(html);

  it('has charset, viewport, title and metadata from the Document', () => {
    const metas = byTag(root, 'meta');
    expect(metas.some((m) => m.attrs.charset?.toLowerCase() === 'utf-8')).toBe(true);
    const named = Object.fromEntries(metas.filter((m) => m.attrs.name).map((m) => [m.attrs.name, m.attrs.content]));
    expect(named).toMatchObject({ viewport: 'width=device-width, initial-scale=1', author: doc.meta.author, description: doc.meta.subject, keywords: doc.meta.keywords.join(',') });
    expect(byTag(root, 'main')).toHaveLength(1);
  });

  it('maps headings to h2–h4 without skipping a level, and leads to the heading face', () => {
    const d: Document = { meta: doc.meta, blocks: [
      { type: 'title', lines: ['T'] },
      { type: 'heading', level: 1, text: '一、' },
      { type: 'heading', level: 3, text: '1.' },
      { type: 'heading', level: 2, text: '（一）' },
      { type: 'heading', level: 3, text: '1.' },
      { type: 'paragraph', lead: { level: 3, text: '2.某。' }, text: '正文' },
      { type: 'paragraph', lead: { level: 2, text: '（二）某。' }, text: '正文' },
    ] };
    const r = parseHtml(renderHtmlString(d));
    const hs = findAll(r, (e) => /^h[1-6]$/.test(e.tag)).map((e) => `${e.tag}.${e.attrs.class}`);
    expect(hs).toEqual(['h1.nb-title', 'h2.nb-l1', 'h3.nb-l3', 'h3.nb-l2', 'h4.nb-l3']);
    expect(byTag(r, 'strong')[0]!.attrs.class).toContain('nb-lead-3');
    expect(byTag(r, 'span').find((s) => s.attrs.class?.includes('nb-lead-2'))?.text).toBe('（二）某。');
  });

  it('prints A4 with the GB/T 9704 margins, 三号 body on the 28.95 pt grid, 五号 tables', () => {
    const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(css).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(css).toMatch(/@media print \{[^]*font-size: 16pt; line-height: 28\.95pt; letter-spacing: -0\.206pt;/); // 28 characters on 156 mm
    expect(css).toMatch(/table \{ min-width: 0; font-size: 10\.5pt;/);
    expect(css).toContain('border: 0.5pt solid #000');
    expect(css).toContain('thead { display: table-header-group; }');
    for (const face of ['"方正小标宋简体"', '"仿宋_GB2312"', '"FangSong"', '"楷体_GB2312"', '"KaiTi"', '"黑体"', '"SimHei"', '"Noto Serif CJK SC"', 'sans-serif']) expect(css).toContain(face);
  });

  it('is deterministic and registered as the html renderer', async () => {
    const render = await RENDERERS.html!();
    const a = await render(doc, {});
    const b = await render(doc, {});
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(new TextDecoder().decode(a.bytes)).toBe(html);
  });
});

describe('HTML fragment', () => {
  const doc = composeChecked(checkText(reportYaml('2019'), 'r.yaml'))!;
  const fragment = renderHtmlString(doc, { fragment: true });
  const page = renderHtmlString(doc);

  it('is only the report body in one scoped wrapper', () => {
    expect(fragment).not.toMatch(/<!DOCTYPE|<html|<head|<body|<main|<title|<meta/i);
    const root = parseHtmlFragment(fragment);
    expect(root.children.map((c) => `${c.tag}.${c.attrs.class}`)).toEqual(['div.nianbao-report']);
    expect(byTag(root, 'table')).toHaveLength(3);
    const body = (h: string, end: string) => h.slice(h.indexOf('<h1'), h.lastIndexOf(end));
    expect(body(fragment, '\n</div>')).toBe(body(page, '\n</main>'));
  });

  it('scopes every style rule under the wrapper and leaves page rules out', () => {
    const css = fragment.slice(fragment.indexOf('<style>') + 7, fragment.indexOf('</style>'));
    expect(css).not.toContain('@page');
    expect(css).not.toMatch(/(^|\n)\s*(html|body)\b/);
    const selectors = css.split('\n').filter((l) => l.includes('{') && !/^\s*@/.test(l));
    expect(selectors.length).toBeGreaterThan(10);
    for (const l of selectors) expect(l.trim().startsWith('.nianbao-report')).toBe(true);
  });
});
