import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Prose, Report } from '../model/report.js';
import { renderText, TemplateError } from '../compose/text.js';
import { textContext } from '../compose/document.js';
import type { At } from './identities.js';
import { TODO } from '../schema/scaffold.js';

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
  out.push(...checkProseNumbers(report, at));
  return out;
}

interface QuotedFigure {
  code: string;
  pattern: RegExp;
  expected: (r: Report) => number;
  what: string;
}

/** Figures a clerk typically quotes in 一、总体情况 (spec §4.4 "narrative vs table"). */
const QUOTES: QuotedFigure[] = [
  {
    code: 'prose/received-mismatch',
    pattern: /(?:新?收到|受理|新收)(?:政府信息公开|依申请公开|依申请)?(?:政府信息公开)?申请(?:共计|共|合计)?(\d+)件|(?:受理|收到)依申请公开(?:政府信息)?(?:申请)?(?:共计|共)?(\d+)件/g,
    expected: (r) => v(r, 'applications.newlyReceived', TOTAL),
    what: '一、本年新收政府信息公开申请数量 · 总计',
  },
  {
    code: 'prose/carried-forward-mismatch',
    pattern: /结转(?:至)?下(?:一)?年度?(?:继续办理)?(?:共|的)?(?:申请)?(\d+)件/g,
    expected: (r) => v(r, 'applications.carriedForward', TOTAL),
    what: '四、结转下年度继续办理 · 总计',
  },
  {
    code: 'prose/reconsideration-mismatch',
    pattern: /(?:被申请)?行政复议(?:案件)?(?:共|共计)?(\d+)(?:件|起)/g,
    expected: (r) => v(r, 'review.reconsideration', 4),
    what: '行政复议 · 总计',
  },
  {
    code: 'prose/litigation-mismatch',
    pattern: /(?:被提起)?行政诉讼(?:案件)?(?:共|共计)?(\d+)(?:件|起)/g,
    expected: (r) => v(r, 'review.litigationDirect', 4) + v(r, 'review.litigationAfterReconsideration', 4),
    what: '行政诉讼（未经复议直接起诉与复议后起诉）· 总计',
  },
];

const NONE_RECEIVED = /(?:未|没有)(?:收到|受理|接到)(?:任何)?(?:政府信息公开|依申请公开|依申请)(?:政府信息公开)?(?:申请|事项)?/;

function checkProseNumbers(report: Report, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  const context = textContext(report);
  const all: Prose = [...report.preamble, ...report.overview, ...report.tableText.proactive, ...report.tableText.applications, ...report.tableText.review, ...report.problems, ...report.other];
  // The n-th time a snippet occurs in one YAML block, so repeated text points at its own place.
  const seen = new Map<string, number>();
  const nth = (path: readonly (string | number)[], snippet: string) => {
    const key = `${path.join('.')}\u0000${snippet}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n;
  };
  for (const item of all) {
    const raw = item.kind === 'lead' ? `${item.lead}${item.text}` : item.text;
    let text: string;
    try {
      text = renderText(raw, context);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      out.push(at(e.code, 'error', e.message, item.path, raw.slice(raw.indexOf('{{'))));
      continue;
    }
    if (text.includes(TODO)) {
      for (let k = 0; k < text.split(TODO).length - 1; k++) {
        out.push(at('prose/todo', 'warning', `还有未填写的内容（${TODO}）`, item.path, TODO, nth(item.path, TODO)));
      }
    }
    for (const q of QUOTES) {
      for (const m of text.matchAll(q.pattern)) {
        const quoted = Number(m[1] ?? m[2]);
        const expected = q.expected(report);
        if (quoted !== expected) {
          out.push(at(q.code, 'warning', `正文写“${m[0]}”，但表格中${q.what}为 ${expected}`, item.path, m[0], nth(item.path, m[0])));
        }
      }
    }
    const received = v(report, 'applications.newlyReceived', TOTAL);
    const none = NONE_RECEIVED.exec(text);
    if (none && received > 0) {
      out.push(at('prose/received-mismatch', 'warning', `正文写“${none[0]}”，但表格中一、本年新收政府信息公开申请数量 · 总计为 ${received}`, item.path, none[0]));
    }
  }
  return out;
}

