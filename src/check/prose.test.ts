import { describe, expect, it } from 'vitest';
import { checkText } from '../pipeline.js';
import type { EditionId } from '../model/report.js';
import { reportYaml } from '../../test/support/reports.js';

type Edits = [(string | number)[], unknown][];
const R = ['applications', 'results'];
const row = (n: number, ...rest: number[]) => [n, ...rest, ...new Array<number>(6 - 1 - rest.length).fill(0)];
/** 新收 n, all granted (A1–A3 hold). */
const received = (n: number, natural = n, business = 0, research = 0): Edits => {
  const columns = [natural, business, research, 0, 0, n - natural - business - research];
  return [[['applications', 'newlyReceived'], columns], [[...R, 'granted'], columns]];
};

interface Case {
  name: string;
  edition?: EditionId;
  /** Where the prose goes (overview unless said). */
  field?: string;
  prose: string;
  right: Edits;
  wrong: Edits;
  /** The rules the wrong table trips, each at the text that starts at its position. */
  expect: [code: string, at: string][];
}

const CASES: Case[] = [
  { name: '收到申请 N 件', prose: '全年共收到政府信息公开申请5件。', right: received(5), wrong: received(4), expect: [['prose/received-mismatch', '5件']] },
  { name: 'spaces around the digits', prose: '全市共受理政府信息公开申请 3119 件。', right: received(3119), wrong: received(3120), expect: [['prose/received-mismatch', '3119 件']] },
  { name: 'a thousands separator', prose: '全市共受理政府信息公开申请14,068件。', right: received(14068), wrong: received(14086), expect: [['prose/received-mismatch', '14,068件']] },
  { name: 'a full-width thousands separator', prose: '全市共受理政府信息公开申请14，068件。', right: received(14068), wrong: received(14086), expect: [['prose/received-mismatch', '14，068件']] },
  { name: 'full-width digits', prose: '全年收到政府信息公开申请１２件。', right: received(12), wrong: received(21), expect: [['prose/received-mismatch', '１２件']] },
  { name: 'Chinese numerals: 一件', prose: '全年收到政府信息公开申请一件。', right: received(1), wrong: received(2), expect: [['prose/received-mismatch', '一件']] },
  { name: 'Chinese numerals: 两件', prose: '全年收到政府信息公开申请两件。', right: received(2), wrong: received(3), expect: [['prose/received-mismatch', '两件']] },
  { name: 'Chinese numerals: 十二件', prose: '全年收到政府信息公开申请十二件。', right: received(12), wrong: received(13), expect: [['prose/received-mismatch', '十二件']] },
  { name: 'Chinese numerals: 一百零五件', prose: '全年收到政府信息公开申请一百零五件。', right: received(105), wrong: received(150), expect: [['prose/received-mismatch', '一百零五件']] },
  {
    name: '其中自然人 / 法人或其他组织',
    prose: '全年收到申请5件，其中自然人申请3件，法人或其他组织申请2件。',
    right: received(5, 3, 1, 1),
    wrong: received(5, 4, 1),
    expect: [['prose/received-mismatch', '3件'], ['prose/received-mismatch', '2件']],
  },
  {
    name: '上年结转 N 件',
    prose: '上年结转3件。',
    right: [[['applications', 'carriedOver'], row(3)], [[...R, 'granted'], row(3)]],
    wrong: [[['applications', 'carriedOver'], row(2)], [[...R, 'granted'], row(2)]],
    expect: [['prose/carried-over-mismatch', '3件']],
  },
  {
    name: '结转下年度继续办理 N 件',
    prose: '结转下年度继续办理2件。',
    right: [[['applications', 'newlyReceived'], row(2)], [['applications', 'carriedForward'], row(2)]],
    wrong: [[['applications', 'newlyReceived'], row(1)], [['applications', 'carriedForward'], row(1)]],
    expect: [['prose/carried-forward-mismatch', '2件']],
  },
  {
    name: '另有 N 件…顺延到下年度 (number before the words)',
    prose: '另有72件因需征求第三方意见顺延到下年度办理。',
    right: [[['applications', 'newlyReceived'], row(72)], [['applications', 'carriedForward'], row(72)]],
    wrong: [[['applications', 'newlyReceived'], row(71)], [['applications', 'carriedForward'], row(71)]],
    expect: [['prose/carried-forward-mismatch', '72件']],
  },
  { name: '办结 N 件 = （七）总计', prose: '全年共办结政府信息公开申请4件。', right: received(4), wrong: received(3), expect: [['prose/results-mismatch', '4件']] },
  {
    name: '予以公开 / 部分公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理',
    prose: '予以公开5件，部分公开4件，不予公开3件，无法提供2件，不予处理1件，其他处理6件。',
    right: [
      [['applications', 'newlyReceived'], row(21)],
      [[...R, 'granted'], row(5)], [[...R, 'partiallyGranted'], row(4)], [[...R, 'refused', 'stateSecret'], row(3)],
      [[...R, 'unableToProvide', 'notHeld'], row(2)], [[...R, 'notProcessed', 'repeated'], row(1)], [[...R, 'other', 'other'], row(6)],
    ],
    wrong: [
      [['applications', 'newlyReceived'], row(21)],
      [[...R, 'granted'], row(4)], [[...R, 'partiallyGranted'], row(5)], [[...R, 'refused', 'stateSecret'], row(3)],
      [[...R, 'unableToProvide', 'notHeld'], row(2)], [[...R, 'notProcessed', 'repeated'], row(1)], [[...R, 'other', 'other'], row(6)],
    ],
    expect: [['prose/results-mismatch', '5件'], ['prose/results-mismatch', '4件']],
  },
  {
    name: '其他处理 of the 2019 edition (one row)',
    edition: '2019',
    prose: '其他处理6件。',
    right: [[['applications', 'newlyReceived'], row(6)], [[...R, 'other'], row(6)]],
    wrong: [[['applications', 'newlyReceived'], row(5)], [[...R, 'other'], row(5)]],
    expect: [['prose/results-mismatch', '6件']],
  },
  {
    name: '予以公开及部分公开 N 件 (258 where the table gives 275)',
    prose: '予以公开及部分公开258件。',
    right: [[['applications', 'newlyReceived'], row(258)], [[...R, 'granted'], row(200)], [[...R, 'partiallyGranted'], row(58)]],
    wrong: [[['applications', 'newlyReceived'], row(275)], [[...R, 'granted'], row(217)], [[...R, 'partiallyGranted'], row(58)]],
    expect: [['prose/results-mismatch', '258件']],
  },
  {
    name: '行政复议 N 件，其中维持 / 纠正 / 尚未审结',
    prose: '全年被申请行政复议4件，其中维持2件、纠正1件、尚未审结1件。',
    right: [[['review', 'reconsideration'], [2, 1, 0, 1]]],
    wrong: [[['review', 'reconsideration'], [2, 1, 1, 0]]],
    expect: [['prose/reconsideration-mismatch', '1件。']],
  },
  {
    name: '行政诉讼 N 起，直接起诉 / 复议后起诉',
    prose: '被提起行政诉讼3起，其中直接起诉2件、复议后起诉1件。',
    right: [[['review', 'litigationDirect'], [1, 0, 0, 1]], [['review', 'litigationAfterReconsideration'], [1, 0, 0, 0]]],
    wrong: [[['review', 'litigationDirect'], [1, 0, 0, 1]], [['review', 'litigationAfterReconsideration'], [0, 0, 0, 0]]],
    expect: [['prose/litigation-mismatch', '3起'], ['prose/litigation-mismatch', '1件']],
  },
  {
    name: '制发 / 废止 / 现行有效 (2021)',
    prose: '本年制发规章1件，新制发行政规范性文件3件，废止1件，现行有效17件。',
    right: [[['proactive', 'item1', 'rules'], [1, 0, 1]], [['proactive', 'item1', 'normativeDocuments'], [3, 1, 17]]],
    wrong: [[['proactive', 'item1', 'rules'], [1, 0, 1]], [['proactive', 'item1', 'normativeDocuments'], [3, 1, 16]]],
    expect: [['prose/proactive-mismatch', '17件']],
  },
  {
    name: '行政许可 / 行政处罚 / 行政强制',
    prose: '作出行政许可决定1268件，行政处罚214起，行政强制措施9件。',
    right: [[['proactive', 'item5', 'licensing'], 1268], [['proactive', 'item6', 'penalty'], 214], [['proactive', 'item6', 'enforcement'], 9]],
    wrong: [[['proactive', 'item5', 'licensing'], 1268], [['proactive', 'item6', 'penalty'], 241], [['proactive', 'item6', 'enforcement'], 9]],
    expect: [['prose/proactive-mismatch', '214起']],
  },
  {
    name: '行政许可 (2019: 处理决定数量 is the third column)',
    edition: '2019',
    prose: '办理行政许可事项30件。',
    right: [[['proactive', 'item5', 'licensing'], [5, 0, 30]]],
    wrong: [[['proactive', 'item5', 'licensing'], [30, 0, 5]]],
    expect: [['prose/proactive-mismatch', '30件']],
  },
  {
    name: '行政事业性收费 in 万元, and in 元 against a 万元 column',
    prose: '收取行政事业性收费5949.088667万元，即59490886.67元。',
    right: [[['proactive', 'item8', 'fees'], 5949.088667]],
    wrong: [[['proactive', 'item8', 'fees'], 5949.0887]],
    expect: [['prose/proactive-mismatch', '5949.088667万元']],
  },
  {
    name: '新制作 / 新公开 / 对外公开 (2019)',
    edition: '2019',
    prose: '我局新制作规范性文件4个，新公开规范性文件4个，对外公开规范性文件共计4个。',
    right: [[['proactive', 'item1', 'normativeDocuments'], [4, 4, 4]]],
    wrong: [[['proactive', 'item1', 'normativeDocuments'], [4, 4, 5]]],
    expect: [['prose/proactive-mismatch', '4个。']],
  },
  {
    name: '政府采购 (2019)',
    edition: '2019',
    prose: '发布政府采购总项目数11个，累计金额7.463万元。',
    right: [[['proactive', 'item9', 'procurement'], [11, '7.463万元']]],
    wrong: [[['proactive', 'item9', 'procurement'], [11, '7.46万元']]],
    expect: [['prose/proactive-mismatch', '7.463万元']],
  },
  {
    name: '信息处理费 N 元 (六, 2021)',
    field: 'other',
    prose: '本年度共发出收费通知1件，通知收费金额100元，实际收取信息处理费50元。',
    right: [[['fees'], { noticesIssued: 1, amountNotified: 100, amountCollected: 50 }]],
    wrong: [[['fees'], { noticesIssued: 1, amountNotified: 100, amountCollected: 0 }]],
    expect: [['prose/fees-mismatch', '50元']],
  },
  {
    name: '行政事业性收费 is not the 信息处理费',
    prose: '收取行政事业性收费0万元，实际收取信息处理费50元。',
    right: [[['fees'], { noticesIssued: 1, amountNotified: 50, amountCollected: 50 }]],
    wrong: [[['fees'], { noticesIssued: 1, amountNotified: 50, amountCollected: 5 }]],
    expect: [['prose/fees-mismatch', '50元']],
  },
  {
    name: 'a figure for a blank cell',
    edition: '2019',
    prose: '全年共收到政府信息公开申请0件，被申请行政复议2件。',
    right: [[['review', 'reconsideration'], [2, 0, 0, 0, 2]], [['applications', 'newlyReceived'], [null, null, null, null, null, null]]],
    wrong: [[['review', 'reconsideration'], [null, null, null, null, null]]],
    expect: [['prose/blank-cell', '2件']],
  },
  { name: '累计受理 … 合计 N 件', prose: '全年累计受理政府信息公开申请合计7件。', right: received(7), wrong: received(6), expect: [['prose/received-mismatch', '7件']] },
  { name: '答复 N 件 = （七）总计', prose: '全年共收到申请4件，已答复4件。', right: received(4), wrong: [[['applications', 'newlyReceived'], row(4)], [[...R, 'granted'], row(3)], [['applications', 'carriedForward'], row(1)]], expect: [['prose/results-mismatch', '4件。']] },
  {
    name: '行政诉讼结果维持 / 其他 / 尚未审结',
    prose: '行政诉讼结果维持1件，其他1件，尚未审结0件。',
    right: [[['review', 'litigationDirect'], [1, 0, 1, 0]]],
    wrong: [[['review', 'litigationDirect'], [1, 0, 0, 1]]],
    expect: [['prose/litigation-mismatch', '1件，尚'], ['prose/litigation-mismatch', '0件']],
  },
  {
    name: '主动公开规章 N 件 (2019: 本年新公开数量)',
    edition: '2019',
    prose: '主动公开规章2件。',
    right: [[['proactive', 'item1', 'rules'], [2, 2, 2]]],
    wrong: [[['proactive', 'item1', 'rules'], [2, 1, 2]]],
    expect: [['prose/proactive-mismatch', '2件']],
  },
  // Contradictions said in words, and the same read the other way.
  {
    name: '均获维持 while 尚未审结 > 0',
    prose: '全年被申请行政复议2件，均获维持。',
    right: [[['review', 'reconsideration'], [2, 0, 0, 0]]],
    wrong: [[['review', 'reconsideration'], [1, 0, 0, 1]]],
    expect: [['prose/reconsideration-mismatch', '均获维持']],
  },
  {
    name: '行政复议和行政诉讼均获维持 while the table has litigation cases 尚未审结',
    prose: '因政府信息公开被申请行政复议和被提起行政诉讼的案件均获维持。',
    right: [[['review', 'reconsideration'], [1, 0, 0, 0]], [['review', 'litigationDirect'], [1, 0, 0, 0]]],
    wrong: [[['review', 'reconsideration'], [1, 0, 0, 0]], [['review', 'litigationDirect'], [0, 0, 0, 1]]],
    expect: [['prose/litigation-mismatch', '均获维持']],
  },
  {
    name: '均获维持 where the table has no cases',
    prose: '本年度行政复议案件均获维持。',
    right: [[['review', 'reconsideration'], [1, 0, 0, 0]]],
    wrong: [],
    expect: [['prose/reconsideration-mismatch', '均获维持']],
  },
  {
    name: '均未被纠正 while 结果纠正 > 0',
    prose: '全年被申请行政复议2件，均未被纠正。',
    right: [[['review', 'reconsideration'], [1, 0, 0, 1]]],
    wrong: [[['review', 'reconsideration'], [1, 1, 0, 0]]],
    expect: [['prose/reconsideration-mismatch', '均未被纠正']],
  },
  { name: '未收到申请 while 新收 > 0', prose: '全年未收到政府信息公开申请。', right: [], wrong: received(1), expect: [['prose/received-mismatch', '未收到政府信息公开']] },
  { name: '无依申请公开事项 while 新收 > 0', prose: '本年度无依申请公开事项。', right: [], wrong: received(2), expect: [['prose/received-mismatch', '无依申请公开']] },
  {
    name: '未发生行政复议、行政诉讼 while the 四 table has cases',
    prose: '全年未发生因政府信息公开工作引起的行政复议、行政诉讼。',
    right: [],
    wrong: [[['review', 'litigationAfterReconsideration'], [0, 0, 0, 1]]],
    expect: [['prose/litigation-mismatch', '未发生因政府信息公']],
  },
  {
    name: '全部办结 while 结转下年度 > 0',
    prose: '收到的政府信息公开申请已全部办结。',
    right: received(2),
    wrong: [[['applications', 'newlyReceived'], row(2)], [[...R, 'granted'], row(1)], [['applications', 'carriedForward'], row(1)]],
    expect: [['prose/carried-forward-mismatch', '已全部办结']],
  },
  { name: '均已办结 where the table has no applications', prose: '收到的政府信息公开申请均已办结。', right: received(1), wrong: [], expect: [['prose/received-mismatch', '均已办结']] },
  {
    name: '未收取信息处理费 while 实际收取 > 0',
    field: 'other',
    prose: '本年度未收取信息处理费。',
    right: [[['fees'], { noticesIssued: 1, amountNotified: 50, amountCollected: 0 }]],
    wrong: [[['fees'], { noticesIssued: 1, amountNotified: 50, amountCollected: 50 }]],
    expect: [['prose/fees-mismatch', '未收取信息处理费']],
  },
];

const run = (edition: EditionId, field: string, prose: string, edits: Edits) => {
  const yaml = reportYaml(edition, [[[field], prose], ...edits]);
  const checked = checkText(yaml, 'r.yaml');
  const lines = yaml.split('\n');
  return { checked, prose: checked.diagnostics.filter((d) => d.code.startsWith('prose/')).map((d) => ({ code: d.code, at: lines[d.line - 1]!.slice(d.column - 1), message: d.message })) };
};

describe('prose figures and words against the tables', () => {
  for (const c of CASES) {
    const edition = c.edition ?? '2021';
    it(`${c.name}: silent when right`, () => {
      const r = run(edition, c.field ?? 'overview', c.prose, c.right);
      expect(r.checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.prose).toEqual([]);
    });
    it(`${c.name}: caught when wrong, at its own place`, () => {
      const r = run(edition, c.field ?? 'overview', c.prose, c.wrong);
      expect(r.prose.map((d) => d.code)).toEqual(c.expect.map(([code]) => code));
      r.prose.forEach((d, i) => expect(d.at.startsWith(c.expect[i]![1]), `${d.at} should start with ${c.expect[i]![1]}`).toBe(true));
    });
  }

  it('names the cell by its official label and gives the table’s value', () => {
    const [d] = run('2021', 'overview', '予以公开及部分公开258件。', [[['applications', 'newlyReceived'], row(275)], [[...R, 'granted'], row(217)], [[...R, 'partiallyGranted'], row(58)]]).prose;
    expect(d!.message).toContain('三、本年度办理结果（一）予以公开 · 总计');
    expect(d!.message).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 总计');
    expect(d!.message).toContain('275');
    expect(d!.message).toContain('258件');
  });

  it('four prose figures each edited by one are each caught, at its own number (issue 15)', () => {
    const prose = '全年共受理政府信息公开申请 3119 件，因政府信息公开被申请行政复议12件、被提起行政诉讼8件。另有72件因需征求第三方意见顺延到下年度办理。';
    const table: Edits = [
      [['applications', 'newlyReceived'], row(3120)],
      [[...R, 'granted'], row(3047)],
      [['applications', 'carriedForward'], row(73)],
      [['review', 'reconsideration'], [13, 0, 0, 0]],
      [['review', 'litigationDirect'], [9, 0, 0, 0]],
    ];
    const r = run('2021', 'overview', prose, table);
    expect(r.prose.map((d) => [d.code, d.at.slice(0, 4)])).toEqual([
      ['prose/received-mismatch', '3119'],
      ['prose/reconsideration-mismatch', '12件、'],
      ['prose/litigation-mismatch', '8件。另'],
      ['prose/carried-forward-mismatch', '72件因'],
    ]);
  });

  it('a figure written as a placeholder is right; a number after it is still found in the source', () => {
    const prose = '全年新收申请{{applications.newlyReceived.total}}件，上年结转{{applications.carriedOver.total}}件，结转下年度继续办理9件。';
    const r = run('2021', 'overview', prose, [[['applications', 'newlyReceived'], row(5)], [[...R, 'granted'], row(5)]]);
    expect(r.prose.map((d) => [d.code, d.at.slice(0, 3)])).toEqual([['prose/carried-forward-mismatch', '9件。']]);
    expect(run('2021', 'overview', '全年新收申请{{applications.newlyReceived.total}}件。', received(3)).prose).toEqual([]);
  });

  it('repeated numbers point at their own occurrence, across paragraphs of one block', () => {
    const text = reportYaml('2021', [[['review', 'reconsideration'], [1, 1, 0, 0]]]).replace(/^overview: \|.*\n(  .*\n|\n)*/m, 'overview: |\n  行政复议1件。\n\n  其他1件，结转下年度继续办理1件。\n');
    const c = checkText(text, 'r.yaml');
    const d = c.diagnostics.filter((x) => x.code.startsWith('prose/'));
    expect(d.map((x) => x.code)).toEqual(['prose/reconsideration-mismatch', 'prose/carried-forward-mismatch']);
    const lines = text.split('\n');
    expect(lines[d[0]!.line - 1]!.slice(d[0]!.column - 1)).toBe('1件。');
    expect(lines[d[1]!.line - 1]!.slice(d[1]!.column - 1)).toBe('1件。');
    expect(d[1]!.line).toBe(d[0]!.line + 2);
  });
});

describe('prose/problems-empty: 五 must say something', () => {
  const codes = (problems: unknown) => checkText(reportYaml('2021', [[['problems'], problems]]), 'r.yaml').diagnostics.map((d) => d.code);
  it('warns on an empty 五, on 无, and on headings with only 无', () => {
    expect(codes([])).toEqual(['prose/problems-empty']);
    expect(codes('无。')).toEqual(['prose/problems-empty']);
    expect(codes('（一）主要问题\n\n无\n\n（二）改进措施\n\n暂无。')).toEqual(['prose/problems-empty']);
    expect(codes([{ heading: '（一）主要问题' }, { heading: '（二）改进措施' }])).toEqual(['prose/problems-empty']);
  });
  it('is silent when 五 states problems', () => {
    expect(codes('政策解读质量有待提升。')).toEqual([]);
    expect(codes('（一）主要问题\n\n无明显问题，但解读形式单一。')).toEqual([]);
  });
});
