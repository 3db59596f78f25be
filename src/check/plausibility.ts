import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Report } from '../model/report.js';
import type { At } from './identities.js';
import { checkProse } from './prose.js';

const v = (report: Report, key: string, col: number): number => report.rows[key]?.cells[col]?.value ?? 0;
const TOTAL = 6;

/** Soft checks of spec §4.4, all warnings: plausible figures and prose that agrees with the tables. */
export function checkPlausibility(report: Report, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (report.edition === '2019') {
    // 本年新公开数量 ≤ 对外公开总数量; normally 本年新公开数量 ≤ 本年新制作数量.
    for (const key of ['proactive.item1.rules', 'proactive.item1.normativeDocuments']) {
      const r = report.rows[key]!;
      const [made, published, total] = r.cells.map((c) => c.value ?? 0) as [number, number, number];
      const label = key.endsWith('rules') ? '规章' : '规范性文件';
      if (published > total) {
        out.push(at('plausibility/published-exceeds-total', 'warning', `第二十条第（一）项 ${label}：本年新公开数量（${published}）大于对外公开总数量（${total}）`, r.cells[1]!.path));
      }
      if (published > made) {
        out.push(at('plausibility/published-exceeds-made', 'warning', `第二十条第（一）项 ${label}：本年新公开数量（${published}）大于本年新制作数量（${made}），请确认`, r.cells[1]!.path));
      }
    }
  } else {
    const unpaid = v(report, 'applications.results.other.unpaidFee', TOTAL);
    if (unpaid > 0 && (!report.fees || !report.fees.noticesIssued.value)) {
      out.push(
        at(
          'plausibility/fee-notice-missing',
          'warning',
          `三、本年度办理结果（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用 有 ${unpaid} 件，但六、其他需要报告的事项没有报告发出的收费通知（fees.noticesIssued）`,
          report.fees ? report.fees.noticesIssued.path : ['applications', 'results', 'other', 'unpaidFee'],
        ),
      );
    }
    if (report.fees && (report.fees.amountCollected.value ?? 0) > (report.fees.amountNotified.value ?? 0)) {
      out.push(at('plausibility/collected-exceeds-notified', 'warning', `信息处理费：实际收取金额（${report.fees.amountCollected.text}元）大于通知收费金额（${report.fees.amountNotified.text}元）`, report.fees.amountCollected.path));
    }
  }
  out.push(...checkProse(report, at));
  return out;
}
