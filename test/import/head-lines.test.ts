import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, importReport } from '../../src/import/index.js';
import { reportOf } from '../support/importCompare.js';

const seed = readFileSync(new URL('../fixtures/seeds/000_3d5c770940331c82.txt', import.meta.url), 'utf8');
const TITLE = '市中区科学技术局2020年政府信息公开工作年度报告';
const imported = (text: string) => importReport(new TextEncoder().encode(text), 'page.txt');

describe('the head of a report as portals print it', () => {
  it('a 发布日期 / 来源 / 浏览次数 line is never the agency; the date becomes published.date', () => {
    const text = seed.replace(TITLE, `${TITLE}\n发布日期：2021-01-31 来源：市中区科学技术局 浏览次数：123\n【字体：大 中 小】\n打印本页`);
    const r = imported(text);
    const report = reportOf(r.yaml);
    expect(report.agency).toBe('市中区科学技术局');
    expect(report.published).toEqual({ source: 'page.txt', date: '2021-01-31' });
    expect(r.yaml).not.toMatch(/agency: "发布日期/);
    expect(report.preamble).toEqual([]);
  });

  it('year first (2019年上海市人民政府办公厅政府信息公开工作年度报告) and agency on its own line', () => {
    const first = reportOf(imported(seed.replace(TITLE, '2020年市中区科学技术局政府信息公开工作年度报告')).yaml);
    expect(first.agency).toBe('市中区科学技术局');
    expect(first.year).toBe(2020);
    const split = reportOf(imported(seed.replace(TITLE, '淮安市人民政府\n2020 年政府信息公开工作年度报告')).yaml);
    expect(split.agency).toBe('淮安市人民政府');
    expect(split.year).toBe(2020);
  });

  it('import writes published: with the source file', () => {
    expect(imported(seed).yaml).toMatch(/^published:.*\n  source: "page\.txt".*\n  date: null/m);
  });
});

describe('never silent', () => {
  it('a report whose tables cannot be read is an error naming the section and what was there', () => {
    const prose = seed.split('\n').filter((l) => !l.startsWith('\t') && l.trim() !== '').join('\n');
    expect(() => imported(prose)).toThrow(ImportError);
    try {
      imported(prose);
    } catch (e) {
      expect((e as Error).message).toMatch(/二、主动公开政府信息情况：没有找到这一节的统计表/);
      expect((e as Error).message).toMatch(/三、收到和处理政府信息公开申请情况/);
    }
  });
  it('a table from which not one figure was read is an error too', () => {
    const blanked = seed.replace(/^\t\d+$/gm, '\t');
    expect(() => imported(blanked)).toThrow(/没有读出一个数字/);
  });
});
