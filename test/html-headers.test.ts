import { describe, expect, it } from 'vitest';
import { renderHtmlString } from '../src/render/html/index.js';
import { documentOf, examples } from './support/examples.js';
import { byTag, findAll, parseHtml, type El } from './support/html.js';

/**
 * What a screen reader announces for a data cell: the texts of the cells its `headers` name.
 * Checked against the spec's tables (§2–§3) for cells of every kind of header structure.
 */
function headerTexts(html: string, tableIndex: number, rowLabel: string, column: number): string[] {
  const root = parseHtml(html);
  const table = byTag(root, 'table')[tableIndex]!;
  const byId = new Map(byTag(table, 'th').map((th) => [th.attrs.id!, th.text]));
  const tr = byTag(table, 'tr').find((r) => r.children.some((c) => c.tag === 'th' && c.text === rowLabel));
  if (!tr) throw new Error(`no row ${rowLabel}`);
  const td = tr.children.filter((c: El) => c.tag === 'td')[column]!;
  return td.attrs.headers!.split(' ').map((id) => byId.get(id)!).sort();
}

const pages = new Map<string, string>();
const html = (name: string): string => {
  if (!pages.has(name)) pages.set(name, renderHtmlString(documentOf(examples().find((e) => e.name === name)!)));
  return pages.get(name)!;
};

describe('HTML header associations (spec §2–§3)', () => {
  it('三 table: a result cell is read with its applicant column and all three label levels', () => {
    for (const name of ['scaffold-2020', 'scaffold-2021']) {
      expect(headerTexts(html(name), 1, '1.属于国家秘密', 0)).toEqual(['1.属于国家秘密', '三、本年度办理结果', '申请人情况', '自然人', '（三）不予公开'].sort());
      expect(headerTexts(html(name), 1, '一、本年新收政府信息公开申请数量', 6)).toEqual(['一、本年新收政府信息公开申请数量', '申请人情况', '总计'].sort());
    }
    expect(headerTexts(html('scaffold-2021'), 1, '1.属于国家秘密', 1)).toEqual(['1.属于国家秘密', '三、本年度办理结果', '申请人情况', '法人或其他组织', '商业\n企业', '（三）不予公开'].sort());
    expect(headerTexts(html('scaffold-2021'), 1, '3.其他', 2)).toEqual(['3.其他', '三、本年度办理结果', '申请人情况', '法人或其他组织', '科研\n机构', '（六）其他处理'].sort());
  });

  it('四 table: a litigation cell is read with its result, its route and 行政诉讼', () => {
    const root = parseHtml(html('scaffold-2021'));
    const table = byTag(root, 'table')[2]!;
    const byId = new Map(byTag(table, 'th').map((th) => [th.attrs.id!, th.text]));
    const tds = byTag(table, 'td');
    const names = (i: number) => tds[i]!.attrs.headers!.split(' ').map((id) => byId.get(id));
    expect(names(0)).toEqual(['结果维持', '行政复议']);
    expect(names(5)).toEqual(['结果维持', '未经复议直接起诉', '行政诉讼']);
    expect(names(14)).toEqual(['总计', '复议后起诉', '行政诉讼']);
  });

  it('二 table: a cell is read with its own item header, not an earlier item’s', () => {
    expect(headerTexts(html('scaffold-2021'), 0, '行政许可', 0)).toEqual(['本年处理决定数量', '第二十条第（五）项', '行政许可'].sort());
    expect(headerTexts(html('scaffold-2020'), 0, '行政事业性收费', 1)).toEqual(['本年增/减', '第二十条第（八）项', '行政事业性收费'].sort());
    // Sub-rows (seed 004): the sub-row label and the row it belongs to.
    expect(headerTexts(html('variant-2020'), 0, '行政检查', 2)).toEqual(['处理决定数量', '第二十条第（五）项', '其他对外管理服务事项', '行政检查'].sort());
  });

  it('keeps the spec’s spans: 三、本年度办理结果 over 20 (2019) or 22 (2021) rows', () => {
    for (const [name, rows, span] of [['scaffold-2020', 26, '20'], ['scaffold-2021', 28, '22']] as const) {
      const table = byTag(parseHtml(html(name)), 'table')[1]!;
      expect(byTag(table, 'tr').length).toBe(rows);
      expect(findAll(table, (c) => c.text === '三、本年度办理结果')[0]!.attrs.rowspan).toBe(span);
    }
  });
});
