import type { Prose, Report } from '../model/report.js';
import type { Claim, ReviewSubject } from './phrases/claims.js';
import type { CellRef } from './phrases/figures.js';
import type { ProseProblem } from './prose.js';
import { cellValues, filledSum, type CellValues } from './tableValues.js';

const REVIEW_ROWS: Record<ReviewSubject, { rows: string[]; code: ProseProblem['code']; label: string }> = {
  reconsideration: { rows: ['review.reconsideration'], code: 'prose/reconsideration-mismatch', label: '行政复议' },
  litigation: { rows: ['review.litigationDirect', 'review.litigationAfterReconsideration'], code: 'prose/litigation-mismatch', label: '行政诉讼' },
};
const reviewCells = (s: ReviewSubject, column: string): CellRef[] => REVIEW_ROWS[s].rows.map((row) => ({ row, column }));
const total = (row: string): CellRef => ({ row: `applications.${row}`, column: 'total' });

/** What the table says, for a claim's message: `行政复议 · 尚未审结为 1`. */
const says = (v: CellValues) => `${v.name}为 ${filledSum(v) ?? '空白'}`;

/**
 * A claim said in words (phrases/claims.ts) against the tables — `均获维持` while 结果纠正,
 * 其他结果 or 尚未审结 has cases, `未收到申请` while 新收 > 0, and the other way round: words that
 * report cases (`均获维持`, `均已办结`) where the table has none.
 */
export function claimProblems(report: Report, text: string, claim: Claim): ProseProblem[] {
  const out: ProseProblem[] = [];
  const sentenceStart = Math.max(0, ...[...text.slice(0, claim.start).matchAll(/[。；;！？!?\n]/g)].map((m) => m.index! + 1));
  const quote = `正文写“${text.slice(Math.max(sentenceStart, claim.start - 24), claim.end)}”`;
  const problem = (code: ProseProblem['code'], tail: string) => out.push({ code, message: `${quote}，${tail}`, start: claim.start, end: claim.end });
  const value = (refs: CellRef[]) => cellValues(report, refs);
  const positive = (v: CellValues | null): v is CellValues => v !== null && (filledSum(v) ?? 0) > 0;

  switch (claim.kind) {
    case 'noneReceived': {
      const v = value([total('newlyReceived')]);
      if (positive(v)) problem('prose/received-mismatch', `但表格中${says(v)}`);
      break;
    }
    case 'noReview':
    case 'noneCorrected':
      // 未发生行政复议: its 总计 should be 0; 均未被纠正: its 结果纠正.
      for (const s of claim.subjects) {
        const v = value(reviewCells(s, claim.kind === 'noReview' ? 'total' : 'corrected'));
        if (positive(v)) problem(REVIEW_ROWS[s].code, `但表格中${says(v)}`);
      }
      break;
    case 'allUpheld':
      for (const s of claim.subjects) {
        const all = value(reviewCells(s, 'total'));
        if (all && !positive(all)) {
          problem(REVIEW_ROWS[s].code, `但表格中没有${REVIEW_ROWS[s].label}案件（${says(all)}）`);
          continue;
        }
        const others = ['corrected', 'otherResult', 'pending'].map((c) => value(reviewCells(s, c))).filter(positive);
        if (others.length > 0) problem(REVIEW_ROWS[s].code, `但表格中${others.map(says).join('，')}`);
      }
      break;
    case 'allDone':
    case 'allAnswered': {
      const carried = value([total('carriedForward')]);
      if (claim.kind === 'allDone' && positive(carried)) problem('prose/carried-forward-mismatch', `但表格中${says(carried)}`);
      const received = value([total('newlyReceived')]);
      const over = value([total('carriedOver')]);
      if (received && over && !positive(received) && !positive(over)) problem('prose/received-mismatch', `但表格中没有申请（${says(received)}，${says(over)}）`);
      break;
    }
    case 'noFeeNotice':
    case 'noFeeCollected': {
      const v = value([{ row: 'fees', column: claim.kind === 'noFeeNotice' ? 'noticesIssued' : 'amountCollected' }]);
      if (positive(v)) problem('prose/fees-mismatch', `但${says(v)}`);
      break;
    }
  }
  return out;
}

/** Words that say nothing: 五 must report problems and what is done about them (both notices require it). */
const NOTHING = /^(?:无|暂无|没有|无问题|没有问题|无。|略|空)$/;

/** The message when 五、存在的主要问题及改进情况 is empty or only `无`; null when it says something. */
export function problemsEmpty(problems: Prose): string | null {
  const said = problems
    .filter((p) => p.kind !== 'heading')
    .map((p) => p.text.replace(/[\s。.，,；;！!：:]/g, ''))
    .filter((t) => t !== '');
  if (said.some((t) => !NOTHING.test(t))) return null;
  return said.length === 0
    ? '五、存在的主要问题及改进情况 没有内容：年度报告应写明存在的主要问题和改进措施'
    : '五、存在的主要问题及改进情况 只写了“无”：年度报告应写明存在的主要问题和改进措施';
}
