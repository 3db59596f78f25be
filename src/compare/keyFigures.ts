import type { Report } from '../model/report.js';

/** One line of the comparison: a label and how to read it from a report (null: not in that edition). */
export interface KeyFigure {
  label: string;
  read: (r: Report) => number | null;
  /** How the report prints it, where that is not the number itself: money keeps its spelling (`5949.088667`, `7.463万元`). */
  print?: (r: Report) => string | null;
}

const TOTAL = 6;
const cell = (r: Report, key: string, col: number): number | null => {
  const row = r.rows[key];
  return row ? (row.cells[col]?.value ?? 0) : null;
};
/** Sum of the 总计 column over the rows whose key starts with `prefix`. */
const group = (r: Report, prefix: string): number | null => {
  const keys = Object.keys(r.rows).filter((k) => k === prefix || k.startsWith(`${prefix}.`));
  return keys.length === 0 ? null : keys.reduce((s, k) => s + (cell(r, k, TOTAL) ?? 0), 0);
};
const byEdition = <T>(r: Report, e2019: () => T, e2021: () => T): T => (r.edition === '2019' ? e2019() : e2021());
/** A money cell as printed; a blank counts as 0, as in `cell`. */
const printedMoney = (r: Report, key: string, col: number): string | null => {
  const row = r.rows[key];
  return row ? row.cells[col]?.text || '0' : null;
};

/**
 * The key figures of a report, the same for both editions where the concept is the same
 * (spec §3.4): the 依申请 flow of the 三 table, the 四 totals and the main 二 counts.
 */
export const KEY_FIGURES: KeyFigure[] = [
  { label: '一、本年新收政府信息公开申请数量', read: (r) => cell(r, 'applications.newlyReceived', TOTAL) },
  { label: '二、上年结转政府信息公开申请数量', read: (r) => cell(r, 'applications.carriedOver', TOTAL) },
  { label: '（一）予以公开', read: (r) => cell(r, 'applications.results.granted', TOTAL) },
  { label: '（二）部分公开', read: (r) => cell(r, 'applications.results.partiallyGranted', TOTAL) },
  { label: '（三）不予公开', read: (r) => group(r, 'applications.results.refused') },
  { label: '（四）无法提供', read: (r) => group(r, 'applications.results.unableToProvide') },
  { label: '（五）不予处理', read: (r) => group(r, 'applications.results.notProcessed') },
  { label: '（六）其他处理', read: (r) => group(r, 'applications.results.other') },
  { label: '（七）总计', read: (r) => cell(r, 'applications.results.total', TOTAL) },
  { label: '四、结转下年度继续办理', read: (r) => cell(r, 'applications.carriedForward', TOTAL) },
  { label: '行政复议 · 总计', read: (r) => cell(r, 'review.reconsideration', 4) },
  { label: '行政诉讼 · 总计', read: (r) => (cell(r, 'review.litigationDirect', 4) ?? 0) + (cell(r, 'review.litigationAfterReconsideration', 4) ?? 0) },
  { label: '规章 · 本年新制作数量／本年制发件数', read: (r) => cell(r, 'proactive.item1.rules', 0) },
  { label: '规范性文件 · 本年新制作数量／本年制发件数', read: (r) => cell(r, 'proactive.item1.normativeDocuments', 0) },
  { label: '规范性文件 · 对外公开总数量／现行有效件数', read: (r) => cell(r, 'proactive.item1.normativeDocuments', 2) },
  { label: '行政许可 · 处理决定数量', read: (r) => byEdition(r, () => cell(r, 'proactive.item5.licensing', 2), () => cell(r, 'proactive.item5.licensing', 0)) },
  { label: '行政处罚 · 处理决定数量', read: (r) => byEdition(r, () => cell(r, 'proactive.item6.penalty', 2), () => cell(r, 'proactive.item6.penalty', 0)) },
  { label: '行政强制 · 处理决定数量', read: (r) => byEdition(r, () => cell(r, 'proactive.item6.enforcement', 2), () => cell(r, 'proactive.item6.enforcement', 0)) },
  {
    label: '行政事业性收费 · 本年收费金额（万元，2021 年版）',
    read: (r) => byEdition(r, () => null, () => cell(r, 'proactive.item8.fees', 0)),
    print: (r) => byEdition(r, () => null, () => printedMoney(r, 'proactive.item8.fees', 0)),
  },
];
