import { describe, expect, it } from 'vitest';
import { checkText, type Checked } from '../pipeline.js';
import { reportYaml } from '../../test/support/reports.js';

const codes = (c: Checked) => c.diagnostics.map((d) => d.code);
const check = (...args: Parameters<typeof reportYaml>) => checkText(reportYaml(...args), 'r.yaml');
const R = ['applications', 'results'];

describe('identity rules (spec §4)', () => {
  it('a clean scaffold of each edition has no diagnostics', () => {
    expect(codes(check('2019'))).toEqual([]);
    expect(codes(check('2021'))).toEqual([]);
    expect(codes(check('2019', [], { blank: true }))).toEqual([]);
  });

  it('A2 identity/row-total fires on a wrong 总计 and names the cell', () => {
    const c = check('2021', [
      [['applications', 'newlyReceived'], [1, 2, 0, 0, 0, 0, 4]],
      [['applications', 'results', 'granted'], [1, 2, 0, 0, 0, 0]],
    ]);
    expect(codes(c)).toEqual(['identity/row-total']);
    const d = c.diagnostics[0]!;
    expect(d.path).toEqual(['applications', 'newlyReceived', 6]);
    expect(d.message).toContain('一、本年新收政府信息公开申请数量 · 总计');
    expect(d.message).toMatch(/3.*4/);
    expect(d.line).toBeGreaterThan(1);
  });

  it('A2 stays quiet when the total is right or left out', () => {
    expect(codes(check('2021', [[['applications', 'newlyReceived'], [1, 2, 0, 0, 0, 0, 3]], [[...R, 'granted'], [1, 2, 0, 0, 0, 0]]]))).toEqual([]);
    expect(codes(check('2021', [[['applications', 'newlyReceived'], [1, 2, 0, 0, 0, 0]], [[...R, 'granted'], [1, 2, 0, 0, 0, 0]]]))).toEqual([]);
  });

  it('identity/suspect-cell names the figure where an unbalanced row and column cross', () => {
    // 予以公开 · 科研机构 written 3 instead of 0: its row total and its column no longer add up.
    const c = check('2021', [
      [['applications', 'newlyReceived'], [1, 2, 0, 0, 0, 0, 3]],
      [[...R, 'granted'], [1, 2, 3, 0, 0, 0, 3]],
      [[...R, 'total'], [1, 2, 0, 0, 0, 0, 3]],
    ]);
    expect(codes(c)).toContain('identity/suspect-cell');
    const d = c.diagnostics.find((x) => x.code === 'identity/suspect-cell')!;
    expect(d.path).toEqual([...R, 'granted', 2]);
    expect(d.message).toContain('（一）予以公开 · 科研机构');
  });

  it('identity/suspect-cell stays quiet when only a total is wrong or the gaps do not match', () => {
    expect(codes(check('2021', [[['applications', 'newlyReceived'], [1, 2, 0, 0, 0, 0, 4]], [[...R, 'granted'], [1, 2, 0, 0, 0, 0]]]))).not.toContain('identity/suspect-cell');
    // Two wrong figures of the same size in one row: two matching columns, no single suspect.
    const two = check('2021', [
      [['applications', 'newlyReceived'], [1, 2, 0, 0, 0, 0, 3]],
      [[...R, 'granted'], [1, 2, 1, 1, 0, 0, 3]],
      [[...R, 'total'], [1, 2, 0, 0, 0, 0, 3]],
    ]);
    expect(codes(two)).not.toContain('identity/suspect-cell');
  });

  it('A1 identity/received-plus-carried fires per column at 四、结转下年度继续办理', () => {
    const c = check('2019', [[['applications', 'newlyReceived'], [2, 0, 0, 0, 0, 0]], [[...R, 'granted'], [1, 0, 0, 0, 0, 0]]]);
    expect(codes(c)).toEqual(['identity/received-plus-carried']);
    expect(c.diagnostics.map((d) => d.path)).toEqual([['applications', 'carriedForward', 0]]);
    expect(c.diagnostics[0]!.message).toContain('自然人');
  });

  it('A1 stays quiet with carry-over on both sides', () => {
    const c = check('2019', [
      [['applications', 'newlyReceived'], [2, 0, 0, 0, 0, 0]],
      [['applications', 'carriedOver'], [1, 0, 0, 0, 0, 0]],
      [[...R, 'granted'], [2, 0, 0, 0, 0, 0]],
      [['applications', 'carriedForward'], [1, 0, 0, 0, 0, 0]],
    ]);
    expect(codes(c)).toEqual([]);
  });

  it('A3 identity/results-total fires when a given （七）总计 is not the sum of the result rows', () => {
    const c = check('2021', [
      [['applications', 'newlyReceived'], [3, 0, 0, 0, 0, 0]],
      [[...R, 'granted'], [1, 0, 0, 0, 0, 0]],
      [[...R, 'refused', 'stateSecret'], [1, 0, 0, 0, 0, 0]],
      [[...R, 'other', 'unpaidFee'], [1, 0, 0, 0, 0, 0]],
      [[...R, 'total'], [2, 0, 0, 0, 0, 0, 2]],
    ]);
    expect(codes(c)).toContain('identity/results-total');
    const d = c.diagnostics.find((x) => x.code === 'identity/results-total')!;
    expect(d.path).toEqual([...R, 'total', 0]);
    expect(d.message).toContain('三、本年度办理结果（七）总计 · 自然人');
  });

  it('A3 stays quiet when （七）总计 is given right', () => {
    const c = check('2021', [
      [['applications', 'newlyReceived'], [2, 0, 0, 0, 0, 0]],
      [[...R, 'granted'], [1, 0, 0, 0, 0, 0]],
      [[...R, 'other', 'other'], [1, 0, 0, 0, 0, 0]],
      [[...R, 'total'], [2, 0, 0, 0, 0, 0, 2]],
    ]);
    expect(codes(c)).toEqual([]);
  });

  it('A4 identity/review-total fires per group and stays quiet when right', () => {
    const c = check('2021', [[['review', 'litigationDirect'], [1, 1, 0, 0, 3]]]);
    expect(codes(c)).toEqual(['identity/review-total']);
    expect(c.diagnostics[0]!.message).toContain('未经复议直接起诉 · 总计');
    expect(codes(check('2021', [[['review', 'litigationDirect'], [1, 1, 0, 0, 2]]]))).toEqual([]);
  });

  it('with blank cells the message names them and gives the sum of the filled ones, never 应为 0 (issue 15)', () => {
    // （七）总计 · 总计 left blank while the result rows add up to 805.
    const a = check('2021', [
      [['applications', 'newlyReceived'], [805, 0, 0, 0, 0, 0]],
      [[...R, 'granted'], [805, 0, 0, 0, 0, 0]],
      [[...R, 'total'], [805, 0, 0, 0, 0, 0, null]],
    ]);
    const a3 = a.diagnostics.find((d) => d.code === 'identity/results-total')!;
    expect(a3.path).toEqual([...R, 'total', 6]);
    expect(a3.message).toContain('（一）至（六）已填数字之和为 805');
    expect(a3.message).toContain('（七）总计 · 总计 空白');
    expect(a.diagnostics.map((d) => d.message).join()).not.toContain('应为 0');
    // Result rows with their 总计 blank but their columns filled (the report behind issue 15): A2
    // names the blank 总计; A3 says the 总计 cells are blank and what their rows add up to.
    const b = check('2021', [
      [['applications', 'newlyReceived'], [800, 5, 0, 0, 0, 0]],
      [[...R, 'granted'], [800, 5, 0, 0, 0, 0, null]],
      [[...R, 'total'], [800, 5, 0, 0, 0, 0, 805]],
    ]);
    const blankTotal = b.diagnostics.find((d) => d.code === 'identity/row-total')!;
    expect(blankTotal.path).toEqual([...R, 'granted', 6]);
    expect(blankTotal.message).toMatch(/已填数字之和为 805.*总计 空白/);
    const resultsTotal = b.diagnostics.find((d) => d.code === 'identity/results-total')!;
    expect(resultsTotal.path).toEqual([...R, 'total', 6]);
    expect(resultsTotal.message).toMatch(/（一）予以公开 等 \d+ 格空白|（其中 （一）予以公开/);
    expect(resultsTotal.message).toContain('其余各列已填数字之和为 805');
    expect(resultsTotal.message).not.toContain('应为 0');
    // Only 总计 filled (a local variant): the columns are named blank, not claimed to add up to 0.
    const c = check('2019', [
      [['applications', 'newlyReceived'], [null, null, null, null, null, null, 5]],
      [[...R, 'granted'], [5, null, null, null, null, null]],
    ]);
    const a2 = c.diagnostics.find((d) => d.code === 'identity/row-total')!;
    expect(a2.message).toContain('自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他均空白');
    expect(a2.message).toContain('总计 填写 5');
    expect(a2.message).not.toContain('应为 0');
    // Some blank: listed by name.
    const d = check('2021', [[['review', 'reconsideration'], [1, null, null, 1, 3]]]);
    expect(d.diagnostics[0]!.message).toMatch(/已填数字之和为 2（其中 结果纠正、其他结果空白），而总计 填写 3/);
  });

  it('blank cells count as 0 in every identity', () => {
    const c = check('2019', [
      [['applications', 'newlyReceived'], [1, null, null, null, null, null, 1]],
      [[...R, 'granted'], [1, null, null, null, null, null, 1]],
    ]);
    expect(codes(c)).toEqual([]);
  });
});

describe('soft checks (spec §4.4)', () => {
  it('plausibility/published-exceeds-total and -made fire on the 2019 二 table', () => {
    const c = check('2019', [[['proactive', 'item1', 'normativeDocuments'], [0, 2, 1]]]);
    expect(codes(c).sort()).toEqual(['plausibility/published-exceeds-made', 'plausibility/published-exceeds-total']);
    expect(c.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(codes(check('2019', [[['proactive', 'item1', 'normativeDocuments'], [2, 2, 5]]]))).toEqual([]);
  });

  it('plausibility/fee-notice-missing fires when unpaid-fee applications exist without fee notices', () => {
    const edits: [(string | number)[], unknown][] = [
      [['applications', 'newlyReceived'], [1, 0, 0, 0, 0, 0]],
      [[...R, 'other', 'unpaidFee'], [1, 0, 0, 0, 0, 0]],
    ];
    expect(codes(check('2021', edits))).toEqual(['plausibility/fee-notice-missing']);
    expect(codes(check('2021', [...edits, [['fees', 'noticesIssued'], 1]]))).toEqual([]);
  });

  it('plausibility/collected-exceeds-notified fires and stays quiet', () => {
    expect(codes(check('2021', [[['fees', 'amountCollected'], 50], [['fees', 'amountNotified'], 20]]))).toEqual(['plausibility/collected-exceeds-notified']);
    expect(codes(check('2021', [[['fees', 'amountCollected'], 20], [['fees', 'amountNotified'], 20]]))).toEqual([]);
  });

  it('prose numbers that contradict the tables are warned about', () => {
    const c = check('2021', [[['overview'], '全年共收到政府信息公开申请5件，被申请行政复议2件。']]);
    expect(codes(c).sort()).toEqual(['prose/received-mismatch', 'prose/reconsideration-mismatch']);
    const ok = check('2021', [
      [['overview'], '全年共收到政府信息公开申请2件，结转下年度继续办理0件。'],
      [['applications', 'newlyReceived'], [2, 0, 0, 0, 0, 0]],
      [[...R, 'granted'], [2, 0, 0, 0, 0, 0]],
    ]);
    expect(codes(ok)).toEqual([]);
    expect(codes(check('2021', [[['overview'], '全年未收到政府信息公开申请。'], [['applications', 'newlyReceived'], [1, 0, 0, 0, 0, 0]], [[...R, 'granted'], [1, 0, 0, 0, 0, 0]]]))).toEqual(['prose/received-mismatch']);
  });

  it('carried-forward and litigation counts quoted in prose are compared too', () => {
    const c = check('2021', [[['overview'], '结转下年度继续办理2件，行政诉讼1件。']]);
    expect(codes(c).sort()).toEqual(['prose/carried-forward-mismatch', 'prose/litigation-mismatch']);
    const ok = check('2021', [
      [['overview'], '行政诉讼1件。'],
      [['review', 'litigationDirect'], [1, 0, 0, 0]],
    ]);
    expect(codes(ok)).toEqual([]);
  });

  it('prose diagnostics point at the quoted number inside a block of prose', () => {
    const text = reportYaml('2021').replace(/^overview: \|.*\n(  .*\n|\n)*/m, 'overview: |\n  第一段。\n\n  第二段，全年共收到政府信息公开申请9件。\n');
    const c = checkText(text, 'r.yaml');
    const d = c.diagnostics.find((x) => x.code === 'prose/received-mismatch')!;
    const lines = text.split('\n');
    expect(lines[d.line - 1]!.slice(d.column - 1)).toMatch(/^9件/);
  });

  it('prose/todo fires while scaffold markers are left in', () => {
    expect(codes(check('2021', [[['problems'], '【待填写】']]))).toEqual(['prose/todo']);
  });

  it('prose/todo points at each marker, also when paragraphs repeat', () => {
    const c = check('2021', [[['problems'], '（一）主要问题\n\n【待填写】\n\n（二）改进措施\n\n【待填写】。【待填写】']]);
    const places = c.diagnostics.filter((d) => d.code === 'prose/todo').map((d) => `${d.line}:${d.column}`);
    expect(places).toHaveLength(3);
    expect(new Set(places).size).toBe(3);
  });

  it('format/edition-year warns on an edition that does not match the year', () => {
    expect(codes(check('2019', [], { year: 2023 }))).toEqual(['format/edition-year']);
    expect(codes(check('2021', [], { year: 2020 }))).toEqual(['format/edition-year']);
  });
});

describe('placeholders in prose', () => {
  it('quote figures and reject unknown names and template syntax', () => {
    const ok = check('2021', [[['overview'], '本年新收申请{{applications.newlyReceived.total}}件。']]);
    expect(codes(ok)).toEqual([]);
    expect(codes(check('2021', [[['overview'], '{{applications.nope}}']]))).toEqual(['template/unknown-placeholder']);
    expect(codes(check('2021', [[['overview'], '{{constructor.constructor}}']]))).toEqual(['template/unknown-placeholder']);
    expect(codes(check('2021', [[['overview'], '{{#each agency}}x{{/each}}']]))).toEqual(['template/unsupported']);
    expect(codes(check('2021', [[['overview'], '{{> partial}}']]))).toEqual(['template/unsupported']);
    expect(codes(check('2021', [[['overview'], '{{oops']]))).toEqual(['template/syntax']);
  });
});

describe('labels', () => {
  it('schema/unknown-label suggests the closest id', () => {
    const c = check('2019', [[['labels'], { 'proactive.item5.previousCout': '上一年项目数量（指2019年事项数）' }]]);
    expect(codes(c)).toEqual(['schema/unknown-label']);
    expect(c.diagnostics[0]!.message).toContain('proactive.item5.previousCount');
    expect(codes(check('2019', [[['labels'], { 'proactive.item5.previousCount': '上一年项目数量\n（指2019年事项数）' }]]))).toEqual([]);
  });

  it('format/label-changed warns when an override is not the official label plus an annotation', () => {
    const c = check('2021', [[['labels'], { 'proactive.item1.normativeDocuments': '规范性文件', 'sections.problems': '五、政府信息公开工作存在的主要问题及改进情况' }]]);
    expect(codes(c)).toEqual(['format/label-changed', 'format/label-changed']);
    expect(c.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });
});

describe('cross-year checks (spec §4.3)', () => {
  const prev2020 = checkText(
    reportYaml('2019', [
      [['applications', 'newlyReceived'], [3, 0, 0, 0, 0, 0]],
      [[...R, 'granted'], [2, 0, 0, 0, 0, 0]],
      [['applications', 'carriedForward'], [1, 0, 0, 0, 0, 0]],
      [['proactive', 'item5', 'licensing'], [10, 2, 5]],
    ]),
    'prev.yaml',
  );

  it('X1 crossyear/carried-over names both files', () => {
    const c = checkText(reportYaml('2021'), 'cur.yaml', prev2020);
    expect(codes(c)).toEqual(['crossyear/carried-over']);
    expect(c.diagnostics[0]!.path).toEqual(['applications', 'carriedOver', 0]);
    expect(c.diagnostics[0]!.message).toMatch(/prev\.yaml:\d+:\d+/);
    expect(c.diagnostics[0]!.file).toBe('cur.yaml');
    const ok = checkText(
      reportYaml('2021', [
        [['applications', 'carriedOver'], [1, 0, 0, 0, 0, 0]],
        [[...R, 'granted'], [1, 0, 0, 0, 0, 0]],
      ]),
      'cur.yaml',
      prev2020,
    );
    expect(codes(ok)).toEqual([]);
  });

  it('X2 crossyear/in-force warns between two 2021-edition years', () => {
    const prev = checkText(reportYaml('2021', [[['proactive', 'item1', 'normativeDocuments'], [2, 0, 10]]]), 'p.yaml');
    const bad = checkText(reportYaml('2021', [[['proactive', 'item1', 'normativeDocuments'], [3, 1, 11]]], { year: 2022 }), 'c.yaml', prev);
    expect(codes(bad)).toEqual(['crossyear/in-force']);
    expect(bad.diagnostics[0]!.severity).toBe('warning');
    const good = checkText(reportYaml('2021', [[['proactive', 'item1', 'normativeDocuments'], [3, 1, 12]]], { year: 2022 }), 'c.yaml', prev);
    expect(codes(good)).toEqual([]);
  });

  it('X3 crossyear/item-count warns between two 2019-edition years', () => {
    const prev = checkText(reportYaml('2019', [[['proactive', 'item5', 'licensing'], [10, 2, 5]]], { year: 2019 }), 'p.yaml');
    expect(codes(checkText(reportYaml('2019', [[['proactive', 'item5', 'licensing'], [11, 0, 5]]]), 'c.yaml', prev))).toEqual(['crossyear/item-count']);
    expect(codes(checkText(reportYaml('2019', [[['proactive', 'item5', 'licensing'], [12, 0, 5]]]), 'c.yaml', prev))).toEqual([]);
  });

  it('crossyear/different-agency warns when the agencies differ', () => {
    const prev = checkText(reportYaml('2019', [[['agency'], '另一个局']]), 'p.yaml');
    expect(codes(checkText(reportYaml('2021'), 'c.yaml', prev))).toEqual(['crossyear/different-agency']);
  });

  it('crossyear/not-consecutive warns instead of comparing', () => {
    const prev = checkText(reportYaml('2019', [], { year: 2019 }), 'p.yaml');
    expect(codes(checkText(reportYaml('2021'), 'c.yaml', prev))).toEqual(['crossyear/not-consecutive']);
  });
});
