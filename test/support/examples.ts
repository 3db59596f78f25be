import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Document } from '../../src/model/document.js';
import { checkText, composeChecked } from '../../src/pipeline.js';
import { reportYaml } from './reports.js';

/**
 * Reports every renderer test runs over: the `init` scaffolds of both editions, variant reports
 * (spec §5: extra rows, sub-rows, label overrides, blank cells, two-line title, by-lines, prose
 * with run-in leads), and every example in data/ once the lead's examples are there.
 */
export interface Example {
  name: string;
  yaml: string;
}

const variant2019 = reportYaml('2019', [
  [['title'], ['武汉市某某局', '2020年政府信息公开工作年度报告']],
  [['unitLine'], '武汉市某某局'],
  [['dateLine'], '（2021年1月）'],
  [['proactive', 'item1', 'extraRows'], [{ label: '其他主动公开文件（含以本单位名义正式签发的文件）', values: [3, 3, 12] }]],
  [['proactive', 'item5', 'otherServices'], { subRows: [{ label: '行政检查', values: [4, -1, 30] }, { label: '行政确认', values: [2, 0, null] }] }],
  [['proactive', 'item9', 'procurement'], [2, '7.463万元']],
  [['applications', 'newlyReceived'], [2, 1, null, null, null, null]],
  [['applications', 'results', 'granted'], [2, 1, null, null, null, null]],
  [['labels'], { 'proactive.item5.previousCount': '上一年项目数量\n（指2019年事项数）', 'sections.problems': '五、政府信息公开工作存在的主要问题及改进情况' }],
  [['problems'], [{ heading: '1.主要问题' }, '工作人员力量不足。', { lead: '2.改进措施。', text: '加强培训。' }]],
]);

const variant2021 = reportYaml('2021', [
  [['proactive', 'item1', 'extraRows'], [{ label: '其他主动公开文件', values: [5, 0, 40] }]],
  [['proactive', 'item8', 'fees'], 77.069],
  [['applications', 'newlyReceived'], [5, 2, 0, 0, 0, 1]],
  [['applications', 'results', 'granted'], [3, 1, 0, 0, 0, 1]],
  [['applications', 'results', 'partiallyGranted'], [1, 0, 0, 0, 0, 0]],
  [['applications', 'results', 'unableToProvide', 'notHeld'], [1, 1, 0, 0, 0, 0]],
  [['review', 'reconsideration'], [1, 0, 0, 1]],
  [['fees'], { noticesIssued: 1, amountNotified: 400, amountCollected: 400 }],
  [['labels'], { 'applications.business': '商业\n企业（含个体工商户）' }],
]);

export function examples(): Example[] {
  const list: Example[] = [
    { name: 'scaffold-2020', yaml: reportYaml('2019') },
    { name: 'scaffold-2021', yaml: reportYaml('2021') },
    { name: 'blank-2020', yaml: reportYaml('2019', [], { blank: true }) },
    { name: 'variant-2020', yaml: variant2019 },
    { name: 'variant-2021', yaml: variant2021 },
  ];
  const dir = new URL('../../data/', import.meta.url);
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
      list.push({ name: `data/${f}`, yaml: readFileSync(new URL(f, dir), 'utf8') });
    }
  }
  return list;
}

/** The example's Document; fails loudly if the example itself has errors. */
export function documentOf(ex: Example): Document {
  const checked = checkText(ex.yaml, ex.name);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${ex.name}: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return composeChecked(checked)!;
}
