import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/index.js';
import { figuresOf, proseOf, reportOf } from '../support/importCompare.js';

/**
 * Hand-made variants that differ from the seeds in layout (test/fixtures/import/, made by
 * make-variants.py and by hand). What import gets right is asserted here; what it gets wrong is
 * listed in the README's import section.
 */
const load = (name: string) => {
  const result = importReport(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)), name);
  return { result, report: reportOf(result.yaml, name) };
};

describe('import of realistic variants', () => {
  it('a saved portal page: body found among navigation, title from the page header, &nbsp; blanks, local headers, 1,472', () => {
    const { result, report } = load('guanzhou-2022.html');
    expect(report.agency).toBe('广州市海珠区官洲街道');
    expect(report.year).toBe(2022);
    expect(report.edition).toBe('2021');
    const f = figuresOf(report);
    expect(f['proactive.item1.normativeDocuments']).toEqual(['1', null, '3']);
    expect(f['proactive.item6.penalty']).toEqual(['1472']);
    expect(result.draft.unsure['proactive.item6.penalty']).toMatch(/千位分隔符/);
    expect(f['applications.newlyReceived']).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(report.labels['proactive.item1.issued']).toBe('本年（2022）制发件数');
    expect(report.labels['proactive.item1.normativeDocuments']).toBe('规范性文件');
    expect(report.fees?.noticesIssued.value).toBe(0);
    expect(proseOf(report).other).toEqual(['无其他需要报告的事项。']);
    expect(result.yaml).not.toMatch(/首页|网站标识码|分享到/);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a 2021-edition text: date line, blank cells, （六） items, fee sentence read back into fees', () => {
    const { result, report } = load('zirans-2021.txt');
    expect(report.edition).toBe('2021');
    expect(report.dateLine).toBe('（2022年1月）');
    const f = figuresOf(report);
    expect(f['applications.newlyReceived']).toEqual(['3', '1', null, null, null, null, '4']);
    expect(f['applications.results.unableToProvide.notHeld']).toEqual(['1', null, null, null, null, null, '1']);
    expect(f['applications.results.other.unpaidFee']).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(f['review.reconsideration']).toEqual(['1', '0', '0', '0', '1']);
    expect(report.fees).not.toBeNull();
    expect(report.other).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a .docx with 1、 headings, 六 missing, “-” and “3件” in cells, a split 二 table and a signature', () => {
    const { result, report } = load('shijianju-2021.docx');
    expect(report.agency).toBe('某某市市场监督管理局');
    expect(report.labels['sections.overview']).toBe('1、总体情况');
    expect(report.date).toBe('2022-01-20');
    expect(proseOf(report).problems).toEqual(['信息公开的规范化水平还需提高。']);
    const f = figuresOf(report);
    expect(f['proactive.item5.licensing']).toEqual(['3']);
    expect(f['applications.results.unableToProvide.notHeld']).toEqual(['1', null, '0', '0', '0', '0', '1']);
    expect(Object.keys(result.draft.unsure).sort()).toEqual(['applications.results.unableToProvide.notHeld', 'other', 'proactive.item5.licensing']);
    expect(result.yaml).toMatch(/^other: null {2}# 待核对：原文缺少这一节/m);
    expect(result.draft.notes.join()).toContain('缺少“六、其他需要报告的事项”');
  });

  it('a 2021 report that still uses the 2019 tables keeps the 2019 edition and says so', () => {
    const { result, report } = load('late-2019-tables-2021.txt');
    expect(report.year).toBe(2021);
    expect(report.edition).toBe('2019');
    expect(result.draft.notes.join()).toMatch(/2021年度的年报使用的是 2019 年版式的表格/);
    expect(result.diagnostics.map((d) => d.code)).toContain('format/edition-year');
  });
});
