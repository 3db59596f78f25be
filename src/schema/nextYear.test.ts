import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../pipeline.js';
import { nextYear } from './nextYear.js';
import { parse } from 'yaml';
import { REPORT_KEY_ORDER, scaffold } from './scaffold.js';

const read = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
const codes = (text: string, prev?: ReturnType<typeof checkText>) => [...new Set(checkText(text, 'next.yaml', prev).diagnostics.map((d) => d.code))].sort();

describe('REPORT_KEY_ORDER', () => {
  it('is the order init writes the keys in (2021: every key)', () => {
    const keys = Object.keys(parse(scaffold({ agency: 'a', year: 2021, edition: '2021', blank: false, schemaPath: 'x' })) as object);
    expect(keys).toEqual([...REPORT_KEY_ORDER]);
  });
});

describe('nextYear (edit --from): next year from last year\'s file', () => {
  it('2021 → 2022: 上年结转 from 结转下年度, 现行有效 from last year, other figures 0, prose marked, the file\'s own lines kept', () => {
    const text = read('jiangzhou-sthjj-2021.yaml');
    const prev = checkText(text, 'prev.yaml');
    const next = nextYear(prev.report!, text, '../nianbao.schema.json');
    const checked = checkText(next.text, 'next.yaml', prev);
    const r = checked.report!;
    expect(r.year).toBe(2022);
    expect(r.rows['applications.carriedOver']!.cells.map((c) => c.value)).toEqual(prev.report!.rows['applications.carriedForward']!.cells.map((c) => c.value ?? 0));
    expect(r.rows['proactive.item1.normativeDocuments']!.cells.map((c) => c.value)).toEqual([0, 0, prev.report!.rows['proactive.item1.normativeDocuments']!.cells[2]!.value]);
    expect(r.rows['applications.newlyReceived']!.cells.slice(0, 6).map((c) => c.value)).toEqual([0, 0, 0, 0, 0, 0]);
    // The carried applications are not yet handled: A1 says so; no cross-year finding, prose marked.
    expect(codes(next.text, prev)).toEqual(expect.arrayContaining(['identity/received-plus-carried', 'prose/todo']));
    expect(codes(next.text, prev).filter((c) => c.startsWith('crossyear/'))).toEqual([]);
    expect(r.overview[0]!.kind === 'paragraph' && r.overview[0]!.text).toContain('【待填写】');
    // Comments of last year's file are still there, line for line.
    for (const line of text.split('\n').filter((l) => l.startsWith('#'))) expect(next.text).toContain(line);
  });

  it('2019 edition: 上一年项目数量 = last year\'s count + 本年增/减 (X3), sub-rows and extra rows kept with 0', () => {
    const text = read('xisaishan-2020.yaml').replace('year: 2020', 'year: 2019');
    const prev = checkText(text, 'prev.yaml');
    expect(prev.report).toBeDefined();
    const next = nextYear(prev.report!, text, '../nianbao.schema.json');
    const checked = checkText(next.text, 'next.yaml', prev);
    expect(checked.report, JSON.stringify(checked.diagnostics)).toBeDefined();
    for (const [key, row] of Object.entries(prev.report!.rows)) {
      if (!key.startsWith('proactive.item5') && !key.startsWith('proactive.item6')) continue;
      expect(checked.report!.rows[key]!.cells[0]!.value).toBe((row.cells[0]!.value ?? 0) + (row.cells[1]!.value ?? 0));
    }
    expect(Object.keys(checked.report!.extraRows)).toEqual(Object.keys(prev.report!.extraRows));
    expect(checked.diagnostics.filter((d) => d.code.startsWith('crossyear/'))).toEqual([]);
  });

  it('2020 → 2021 changes edition: starts from init\'s file, 上年结转 carried, prose kept', () => {
    const text = read('daxing-kw-2020.yaml');
    const prev = checkText(text, 'prev.yaml');
    const next = nextYear(prev.report!, text, '../nianbao.schema.json');
    const checked = checkText(next.text, 'next.yaml', prev);
    expect(checked.report!.edition).toBe('2021');
    expect(checked.report!.title).toEqual(['北京市大兴区科学技术委员会2021年政府信息公开工作年度报告']);
    expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([]);
    expect(checked.diagnostics.map((d) => d.code)).not.toContain('format/edition-year');
  });

  it('a late adopter (a 2021 report on the 2019 tables) keeps its tables', () => {
    const text = read('daxing-kw-2020.yaml').replace('year: 2020', 'year: 2021').replace('values: [0, 0, 0]', 'values: [3, 1, 0]').replace('values: [0, 0, 0]', 'values: [2, -1, 0]');
    const prev = checkText(text, 'prev.yaml');
    expect(prev.report!.edition).toBe('2019');
    const next = checkText(nextYear(prev.report!, text, 'x').text, 'next.yaml', prev);
    expect(next.report!.edition).toBe('2019');
    // Sub-rows carry their own counts (X3 compares their sums).
    expect(next.report!.subRows['proactive.item5.otherServices']!.map((r) => [r.label, r.cells.map((c) => c.value)])).toEqual([['行政检查', [4, 0, 0]], ['行政确认', [1, 0, 0]]]);
    expect(next.diagnostics.filter((d) => d.severity === 'error' || d.code.startsWith('crossyear/')).map((d) => d.code)).toEqual([]);
  });
});
