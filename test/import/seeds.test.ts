import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/import/index.js';
import { figuresOf, proseOf, reportOf } from '../support/importCompare.js';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url);
const seedFile = (prefix: string) => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return { name, bytes: readFileSync(new URL(name, SEEDS)) };
};
const imported = (prefix: string) => {
  const { name, bytes } = seedFile(prefix);
  const result = importReport(bytes, name);
  return { result, report: reportOf(result.yaml, name) };
};
const zeros = (n: number) => new Array<string>(n).fill('0');
const blanks = (n: number) => new Array<null>(n).fill(null);

/**
 * Expectations read off the seed texts by hand (spec §5.1 encoding): the figures of the three
 * tables, blanks as blanks, units and decimals as printed, and the local variants.
 */
describe('import of the five seed texts', () => {
  it('000: one-line title, noise removed, figures of 二 and an all-zero 三/四', () => {
    const { result, report } = imported('000');
    expect(report.agency).toBe('市中区科学技术局');
    expect(report.year).toBe(2020);
    expect(report.edition).toBe('2019');
    const f = figuresOf(report);
    expect(f['proactive.item1.normativeDocuments']).toEqual(['0', '1', '1']);
    expect(f['proactive.item9.procurement']).toEqual(['0', '0']);
    expect(f['applications.results.refused.stateSecret']).toEqual(zeros(7));
    expect(f['review.reconsideration']).toEqual(zeros(5));
    expect(report.overview[0]!.kind === 'paragraph' && report.overview[0]!.text.startsWith('2020年，区科学技术局')).toBe(true);
    expect(result.yaml).not.toContain('_GoBack');
    expect(result.draft.notes.join()).toContain('书签');
  });

  it('001: title over two lines, 1、 headings, 0万元 kept', () => {
    const { report } = imported('001');
    expect(report.title).toEqual(['太仓市科学技术局2020年政府信息公开工作', '年度报告']);
    expect(report.agency).toBe('太仓市科学技术局');
    expect(figuresOf(report)['proactive.item9.procurement']).toEqual(['0', '0万元']);
    expect(figuresOf(report)['proactive.item1.normativeDocuments']).toEqual(['1', '1', '6']);
    expect(report.preamble).toHaveLength(2);
    expect(proseOf(report).other).toHaveLength(3);
    expect(Object.keys(report.labels)).toHaveLength(4);
    expect(report.labels['sections.overview']).toBe('1、 总体情况');
  });

  it('002: five-part report, Hubei annotations and extra row, unit and date lines, 7.463万元', () => {
    const { result, report } = imported('002');
    expect(report.title).toEqual(['2020年信息公开工作年度报告']);
    expect(report.unitLine).toBe('西塞山区科学技术和经济信息化局');
    expect(report.dateLine).toBe('（2021年1月）');
    expect(report.agency).toBe('西塞山区科学技术和经济信息化局');
    const f = figuresOf(report);
    expect(f['proactive.item9.procurement']).toEqual(['11', '7.463万元']);
    expect(f['proactive.item1.normativeDocuments']).toEqual(['4', '4', '4']);
    expect(Object.keys(f).find((k) => k.startsWith('proactive.item1+其他主动公开文件'))).toBeDefined();
    expect(report.labels['proactive.item5.previousCount']).toBe('上一年项目数量\n（指2019年事项数）');
    expect(report.labels['proactive.item1.rules']).toBe('规章（设区的市、自治州人民政府应提供相关数据）');
    expect(report.labels['proactive.item9.amount']).toBe('采购总金额\n（指2020年以政府集中采购方式采购的项目已支付的总金额）');
    expect(proseOf(report).proactive).toHaveLength(3);
    expect(proseOf(report).applications[0]!).toMatch(/^2020年，我局未收到依申请/);
    expect(proseOf(report).problems[0]!).toBe('（一）主要问题');
    expect(proseOf(report).other).toEqual([]);
    expect(result.draft.notes.join()).toContain('五部分');
    expect(f['review.litigationDirect']).toEqual(zeros(5));
  });

  it('003: blank cells stay blank, two-line title', () => {
    const { result, report } = imported('003');
    expect(report.title).toEqual(['昌乐县科学技术局', '2019年政府信息公开工作年度报告']);
    expect(report.year).toBe(2019);
    const f = figuresOf(report);
    expect(f['proactive.item5.otherServices']).toEqual(['0', '2', '0']);
    expect(f['applications.newlyReceived']).toEqual(['1', null, null, null, null, null, '1']);
    expect(f['applications.carriedOver']).toEqual(['0', null, null, null, null, null, '0']);
    expect(f['applications.results.granted']).toEqual(['1', null, null, null, null, null, '1']);
    expect(f['applications.results.refused.queryMatters']).toEqual(blanks(7));
    expect(f['applications.results.total']).toEqual(['1', null, null, null, null, null, '1']);
    expect(f['applications.carriedForward']).toEqual(['0', null, null, null, null, null, '0']);
    expect(proseOf(report).overview).toHaveLength(7);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('004: Beijing sub-rows, annotated header, 77.0693, typo in 六 heading reported', () => {
    const { result, report } = imported('004');
    expect(report.agency).toBe('北京市大兴区科学技术委员会');
    expect(report.subRows['proactive.item5.otherServices']!.map((s) => s.label)).toEqual(['行政检查', '行政确认']);
    expect(figuresOf(report)['proactive.item9.procurement']).toEqual(['9', '77.0693']);
    expect(figuresOf(report)['proactive.item1.normativeDocuments']).toEqual(['1', '1', '2']);
    expect(report.labels['proactive.item9.amount']).toBe('采购总金额（万元，保留四位小数）');
    expect(result.draft.notes.join()).toContain('其他说要报告的事项');
    expect(proseOf(report).overview).toHaveLength(6);
    expect(proseOf(report).problems).toHaveLength(2);
  });

  it('every seed imports with no check errors and no value left unsure', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const { result } = imported(p);
      expect(result.diagnostics.filter((d) => d.severity === 'error'), p).toEqual([]);
      expect(result.draft.unsure, p).toEqual({});
    }
  });
});

/** Once the lead's transcriptions land in data/, the import must equal them. */
const DATA = new URL('../../data/', import.meta.url);
const dataFiles = existsSync(DATA) ? readdirSync(DATA).filter((f) => f.endsWith('.yaml')) : [];
describe.skipIf(dataFiles.length === 0)('import equals the data/ transcription', () => {
  const data = dataFiles.map((f) => ({ f, report: reportOf(readFileSync(new URL(f, DATA), 'utf8'), f) }));
  for (const p of ['000', '001', '002', '003', '004']) {
    it(`seed ${p}`, () => {
      const { report } = imported(p);
      const match = data.find((d) => d.report.agency === report.agency && d.report.year === report.year);
      expect(match, `data/ has no report for ${report.agency} ${report.year}`).toBeDefined();
      expect(report.edition).toBe(match!.report.edition);
      expect(figuresOf(report)).toEqual(figuresOf(match!.report));
      expect(proseOf(report)).toEqual(proseOf(match!.report));
      const head = (r: typeof report) => ({ title: r.title, unitLine: r.unitLine, dateLine: r.dateLine, labels: r.labels });
      expect(head(report)).toEqual(head(match!.report));
    });
  }
});
