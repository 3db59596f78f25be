/**
 * The pieces the phrase table is written with (see figures.ts): what a phrase ties a number to,
 * the units, and the words shared by several phrases. Pure; runs in the browser.
 */
import { flat } from '../../editions/rows.js';

/** Which rule a figure belongs to (one rule code each, see prose.ts). */
export type ProseFamily = 'received' | 'carriedOver' | 'carriedForward' | 'results' | 'reconsideration' | 'litigation' | 'proactive' | 'fees';

/**
 * A table cell: the row key (`applications.results.granted`; a prefix such as
 * `applications.results.refused` stands for the sum of the rows under it; `fees` for the
 * 信息处理费 figures) and the column key (`total`, `upheld`, `decisions`, `amountCollected`).
 */
export interface CellRef {
  row: string;
  column: string;
}

/** What a figure in the prose is: the cells whose sum it states. */
export interface Target {
  family: ProseFamily;
  cells: readonly CellRef[];
}

/** What the sentence is about, for the `其中…` sub-counts that follow it. */
export type Subject = 'received' | 'reconsideration' | 'litigation' | 'litigationDirect' | 'litigationAfter' | 'rules' | 'normativeDocuments' | 'procurement' | 'feeNotices';

/** One row of the phrase table. */
export interface PhraseDef {
  id: string;
  /** Words that end right before the number (a connector such as 共计、为、的 may follow them). */
  before?: string;
  /** Words that start right after the unit (`另有72件…顺延到下年度`); with `before`, both must fit. */
  after?: string;
  units: string;
  target?: Target;
  /** A sub-count: its cells depend on the subject of the sentence; not read without one. */
  of?: Partial<Record<Subject, Target>>;
  /** The subject this phrase sets for the sub-counts after it. */
  sets?: Subject;
  /** Not read after `其中` in the same sentence: a breakdown (`其中网上受理…`, `其中当场答复…`), not the total. */
  notInBreakdown?: true;
}

export const COUNT_UNITS = '件|个|宗|份';
export const CASE_UNITS = '件|起|宗|个|案|例|次';
export const DOC_UNITS = '件|个|部|份|篇|项';
export const MONEY_UNITS = '万元|元';
/** Channels: `网上受理申请 N 件` is a part of the received total, not the total. */
export const CHANNEL = '(?<!(?:网上|网络|在线|线上|线下|当面|现场|窗口|信函|邮寄|邮件|传真|电话|书面|平台)[^，。；]{0,6})';

/** Last year's figure quoted for comparison (`比上年收到申请…`, `去年被申请行政复议…`) is not this year's. */
export const NOT_LAST_YEAR = '(?<!(?:上一?年度?|去年|同期)[^，。；]{0,12})';

export const YEAR_NEXT = '(?:下一?年度?|下年)';
export const REVIEW_OUTCOMES = {
  upheld: '(?:结果)?(?:被|予以|获得?|得到)?维持(?:原(?:具体)?(?:行政行为|决定|答复|处理)?)?',
  corrected: '(?:结果)?(?:被|予以)?(?:纠正|撤销|变更|确认违法)',
  otherResult: '其他(?:结果|情形|情况)?',
  pending: '(?:尚未审结|未审结|尚在审理中?|正在审理中?|在审理中|审理中|尚未结案|未结案)',
} as const;

export const cell = (row: string, column: string): CellRef => ({ row, column });
export const target = (family: ProseFamily, ...cells: CellRef[]): Target => ({ family, cells });
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as prose writes it: numbering (`1.`, `（三）`) and notes in brackets dropped. */
export const spoken = (label: string) => flat(label).replace(/^(?:\d+[.．、]|（[一二三四五六七八九十]+）)/, '').replace(/（[^）]*）$/, '');

export const REVIEW_GROUPS: Record<'reconsideration' | 'litigation' | 'litigationDirect' | 'litigationAfter', { family: ProseFamily; rows: string[] }> = {
  reconsideration: { family: 'reconsideration', rows: ['review.reconsideration'] },
  litigation: { family: 'litigation', rows: ['review.litigationDirect', 'review.litigationAfterReconsideration'] },
  litigationDirect: { family: 'litigation', rows: ['review.litigationDirect'] },
  litigationAfter: { family: 'litigation', rows: ['review.litigationAfterReconsideration'] },
};
export const reviewTarget = (group: keyof typeof REVIEW_GROUPS, column: string): Target =>
  target(REVIEW_GROUPS[group].family, ...REVIEW_GROUPS[group].rows.map((r) => cell(r, column)));

