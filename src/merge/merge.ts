import { getEdition } from '../editions/index.js';
import { figureRows } from '../editions/rows.js';
import { emptyDraft, markUnsure, type Draft, type DraftRow } from '../import/draft.js';
import type { EditionId, Figure, Report } from '../model/report.js';
import { TODO } from '../schema/scaffold.js';
import { sumPrinted } from './sum.js';

export interface MergeInput {
  file: string;
  report: Report;
}

/** Inputs that cannot be added up (different years or editions); the message names the files. */
export class MergeError extends Error {}

/**
 * Many agencies' reports of one year and one edition → the summary report (pure). Every table
 * figure is summed; prose is left as 【待填写】 placeholders for the compiling office, with the
 * list of merged agencies in 六.
 */
export function mergeReports(inputs: MergeInput[], agency: string, year: number): Draft {
  if (inputs.length === 0) throw new MergeError('没有要汇总的文件');
  const differing = (key: (r: Report) => string, what: string) => {
    const groups = new Map<string, string[]>();
    for (const i of inputs) groups.set(key(i.report), [...(groups.get(key(i.report)) ?? []), i.file]);
    if (groups.size > 1) {
      throw new MergeError(`只能汇总同一${what}的年报，这些文件的${what}不同：${[...groups].map(([k, files]) => `${k}（${files.join('、')}）`).join('；')}`);
    }
    return [...groups.keys()][0]!;
  };
  const reportYear = Number(differing((r) => `${r.year}年度`, '年度').replace('年度', ''));
  const edition = differing((r) => r.edition, '格式版本') as EditionId;
  if (reportYear !== year) throw new MergeError(`--year ${year} 与所汇总文件的年度 ${reportYear} 不一致（${inputs.map((i) => i.file).join('、')}）`);

  const draft = emptyDraft(edition, year);
  draft.agency = agency;
  draft.title = [`${agency}${year}年政府信息公开工作年度报告`];
  const agencies = inputs.map((i) => i.report.agency);
  draft.notes.push(`汇总了 ${inputs.length} 个机关的年报：${agencies.join('、')}`);
  draft.notes.push(`来源文件：${inputs.map((i) => i.file).join('、')}`);
  draft.preamble = [`本报告根据《中华人民共和国政府信息公开条例》第五十条规定，汇总${agencies.length}个机关的年报编制。本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。${TODO}`];
  draft.overview = [`${TODO}（汇总报告的总体情况由编制机关撰写）`];
  draft.problems = [`${TODO}（汇总报告的主要问题及改进情况由编制机关撰写）`];
  draft.other = [`${TODO}本报告汇总了以下${agencies.length}个机关的年报数据：${agencies.join('、')}。`];

  const sum = (key: string, figures: Figure[]) => {
    const s = sumPrinted(figures);
    if (s.unsure) markUnsure(draft, key, s.unsure);
    return s.printed;
  };
  for (const def of figureRows(getEdition(edition))) {
    draft.rows[def.key] = def.columns.map((_, c) => sum(def.key, inputs.map((i) => i.report.rows[def.key]!.cells[c]!)));
    if (inputs.some((i) => i.report.subRows[def.key])) draft.notes.push(`${def.labels.join(' ')}：各机关的分项（如行政检查、行政确认）已合计为一行`);
  }
  // Local extra rows: summed by label, over the reports that have them.
  const extraKeys = new Set(inputs.flatMap((i) => Object.keys(i.report.extraRows)));
  for (const key of extraKeys) {
    const labels = [...new Set(inputs.flatMap((i) => (i.report.extraRows[key] ?? []).map((r) => r.label)))];
    draft.extraRows[key] = labels.map((label): DraftRow => {
      const rows = inputs.flatMap((i) => (i.report.extraRows[key] ?? []).filter((r) => r.label === label));
      return { label, values: rows[0]!.cells.map((_, c) => sum(`${key}.extraRows`, rows.map((r) => r.cells[c]!))) };
    });
  }
  if (inputs.some((i) => Object.keys(i.report.labels).length > 0)) draft.notes.push('各机关的地方标签（labels）没有带入汇总报告，表格使用国家格式的标签');
  const withFees = inputs.filter((i) => i.report.fees);
  if (edition === '2021' && withFees.length > 0) {
    const f = (pick: (r: Report) => Figure) => sum('fees', withFees.map((i) => pick(i.report)));
    draft.fees = { noticesIssued: f((r) => r.fees!.noticesIssued), amountNotified: f((r) => r.fees!.amountNotified), amountCollected: f((r) => r.fees!.amountCollected) };
  }
  return draft;
}
