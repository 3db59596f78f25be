import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import type { Document } from '../../src/model/document.js';
import { checkText, composeChecked } from '../../src/pipeline.js';
import { reportYaml } from './reports.js';

/** A report to render in the DOCX tests: the scaffolds of both editions, the local variants, and every example in data/. */
export interface DocxCase {
  name: string;
  doc: Document;
}

const row = (label: string, n: number) => ({ label, values: new Array<number>(n).fill(1) });

const VARIANTS: [string, string][] = [
  ['scaffold 2019 (--year 2020)', reportYaml('2019')],
  ['scaffold 2021', reportYaml('2021')],
  ['2019 blanks', reportYaml('2019', [], { blank: true })],
  [
    '2019 sub-rows, extra rows, label overrides, title lines, bylines',
    reportYaml('2019', [
      [['proactive', 'item5', 'otherServices'], { subRows: [row('行政检查', 3), row('行政确认', 3)] }],
      [['proactive', 'item1', 'extraRows'], [row('其他主动公开文件（政策解读）', 3)]],
      [['labels'], { 'proactive.item5.previousCount': '上一年项目数量\n（指2019年事项数）', 'sections.problems': '五、政府信息公开工作存在的主要问题及改进情况' }],
      [['title'], ['某某县科学技术局', '2020年政府信息公开工作年度报告']],
      [['unitLine'], '某某县科学技术局'],
      [['dateLine'], '（2021年1月）'],
    ]),
  ],
  [
    '2021 extra rows and label overrides',
    reportYaml('2021', [
      [['proactive', 'item1', 'extraRows'], [row('其他主动公开文件', 3), row('政策解读', 3)]],
      [['labels'], { 'applications.note': '（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）' }],
      [['overview'], [{ lead: '（一）主动公开。', text: '全年主动公开政府信息 12 条，App 与 PDF 并行。' }, { heading: '1.组织领导' }, { lead: '2.制度建设。', text: '“三安全一稳定” & <审查>。' }]],
    ]),
  ],
];

export function docxCases(): DocxCase[] {
  const cases = VARIANTS.map(([name, yaml]) => ({ name, doc: compose(yaml, `${name}.yaml`) }));
  const data = join(import.meta.dirname, '..', '..', 'data');
  if (existsSync(data)) {
    for (const f of readdirSync(data).filter((n) => n.endsWith('.yaml')).sort()) {
      cases.push({ name: `data/${f}`, doc: compose(readFileSync(join(data, f), 'utf8'), `data/${f}`) });
    }
  }
  return cases;
}

function compose(yaml: string, file: string): Document {
  const checked = checkText(yaml, file);
  if (hasErrors(checked.diagnostics)) throw new Error(`${file}: ${checked.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return composeChecked(checked)!;
}
