/**
 * The phrase table, second half: what a report says in words about its figures — `均获维持`,
 * `未收到政府信息公开申请`, `未发生行政复议`, `均已办结`, `未收取信息处理费`. `check` holds each
 * claim against the tables (prose.ts). Pure; runs in the browser.
 */
import { sentences } from './figures.js';

/** The 四-table groups a claim speaks of: 行政复议, or 行政诉讼 (both of its groups). */
export type ReviewSubject = 'reconsideration' | 'litigation';

export type Claim =
  /** 未收到 / 没有受理 / 无 … 政府信息公开申请: 新收 should be 0. */
  | { kind: 'noneReceived'; start: number; end: number }
  /** 未发生 / 无 / 未被申请 … 行政复议、行政诉讼: those groups should be empty. */
  | { kind: 'noReview'; subjects: ReviewSubject[]; start: number; end: number }
  /** 均获维持 / 全部维持 / 均胜诉: there were cases, all upheld. */
  | { kind: 'allUpheld'; subjects: ReviewSubject[]; start: number; end: number }
  /** 均未被纠正 / 无一被纠正: 结果纠正 should be 0. */
  | { kind: 'noneCorrected'; subjects: ReviewSubject[]; start: number; end: number }
  /** 申请…全部办结 / 均已办结: nothing carried into next year, and there were applications. */
  | { kind: 'allDone'; start: number; end: number }
  /** 申请…均按时答复: there were applications. */
  | { kind: 'allAnswered'; start: number; end: number }
  /** 未发出收费通知 (2021 六). */
  | { kind: 'noFeeNotice'; start: number; end: number }
  /** 未收取信息处理费 (2021 六). */
  | { kind: 'noFeeCollected'; start: number; end: number };

/** A negation that opens a claim; `未经复议`, `无正当理由`, `无需` are not one. */
const NEGATION = '(?:未|没有|无|并无|尚无)(?!经|正当|需|法|论|意|从)';

const NONE_RECEIVED = new RegExp(
  `${NEGATION}(?:收到|受理|接到|接收)(?:过)?(?:任何)?[^，。；！？]{0,16}?(?:政府信息公开|依申请)[^，。；！？]{0,8}?(?:申请|事项)|(?:无|没有)(?:任何)?(?:依申请公开|依申请|政府信息公开申请)`,
  'g',
);
/** A negation whose clause names 行政复议 or 行政诉讼 (`无因政府信息公开工作被申请行政复议、提起行政诉讼案件`). */
const NO_REVIEW = new RegExp(`${NEGATION}(?:收到|发生|出现|被|接到|涉及|因)?[^，。；！？]{0,30}?(?:行政复议|行政诉讼|复议后起诉|直接起诉)`, 'g');
/** Outcome words in the same clause: the negation may be about an outcome (`没有被行政复议纠正的案件`), not the cases. */
const OUTCOME_WORDS = /纠正|撤销|败诉|确认违法|维持|驳回|审结|审理/;
const ALL_UPHELD = /(?:均|全部|都|皆|全)(?:已|已经)?(?:获|被|予以|予|得到|获得|判决|决定)?(?:维持|胜诉)/g;
const NONE_CORRECTED = /(?:均|全部|都)(?:未|没有)(?:被)?纠正|无一(?:被|例)?(?:纠正|败诉)|(?:未|没有)(?:发生|出现)?(?:被)?纠正(?:的)?(?:情况|情形|案件)/g;
const ALL_DONE = /(?:全部|均已?|都已?|已全部|皆已?|均已全部)(?:按时|按期|依法|如期|在法定期限内)?(?:办结|办理完毕|办理完结|处理完毕|处理完结)/g;
const ALL_ANSWERED = /(?:全部|均已?|都已?|已全部|皆已?)(?:按时|按期|依法|如期|及时|在法定期限内|在规定时间内|在规定期限内)?(?:予以)?(?:答复|回复)/g;
/** Done and answered must be about 政府信息公开申请, not 人大建议 or 信访件 (`提案34件，均按期办结`). */
const ABOUT_APPLICATIONS = /申请/;
const OTHER_BUSINESS = /建议|提案|议案|诉求|信访|投诉|来信|留言|咨询|热线/;
const NO_FEE_NOTICE = new RegExp(`${NEGATION}(?:发出|发送|开具|出具|送达)(?:过)?(?:任何)?(?:信息处理费)?(?:的)?收费通知`, 'g');
const NO_FEE_COLLECTED = new RegExp(`(?:${NEGATION}|不|免)(?:收取|收缴|收)(?:过)?(?:任何)?(?:政府信息公开)?(?:的)?信息处理费`, 'g');

const MENTION = /(?:经)?(?:行政)?复议后(?:再)?(?:提起)?(?:行政)?(?:起诉|诉讼)|直接(?:提起)?(?:行政)?(?:起诉|诉讼)|行政复议|行政诉讼/g;
const subjectOf = (words: string): ReviewSubject => (words.endsWith('复议') ? 'reconsideration' : 'litigation');

/** The review groups named in `text`, in order, once each. */
function mentioned(text: string): ReviewSubject[] {
  const out: ReviewSubject[] = [];
  for (const m of text.matchAll(MENTION)) {
    const s = subjectOf(m[0]);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

const clauseEnd = (text: string, from: number, limit: number) => {
  const rest = text.slice(from, limit);
  const m = /[，,：:]/.exec(rest);
  return m ? from + m.index : limit;
};

/** Every claim of one paragraph, in text order. */
export function readClaims(text: string): Claim[] {
  const out: Claim[] = [];
  /** The review groups the paragraph spoke of last: `行政复议1件。复议机关均予维持。` */
  let lastSubjects: ReviewSubject[] = [];
  for (const [s, e] of sentences(text)) {
    const sentence = text.slice(s, e);
    const at = (m: RegExpMatchArray) => ({ start: s + m.index!, end: s + m.index! + m[0].length });
    for (const m of sentence.matchAll(NONE_RECEIVED)) out.push({ kind: 'noneReceived', ...at(m) });
    for (const m of sentence.matchAll(NO_REVIEW)) {
      // The negation reaches over the clause's list: `未收到政府信息公开申请、行政复议和行政诉讼`.
      const clause = sentence.slice(m.index!, clauseEnd(sentence, m.index!, sentence.length));
      if (OUTCOME_WORDS.test(clause)) continue;
      out.push({ kind: 'noReview', subjects: mentioned(clause), ...at(m) });
    }
    for (const [pattern, kind] of [[ALL_UPHELD, 'allUpheld'], [NONE_CORRECTED, 'noneCorrected']] as const) {
      for (const m of sentence.matchAll(pattern)) {
        // The groups named since the last outcome word before the claim (`行政诉讼1件尚在审理，行政复议2件均获维持`).
        const before = sentence.slice(0, m.index!);
        const cut = Math.max(...[...before.matchAll(new RegExp(OUTCOME_WORDS, 'g'))].map((o) => o.index! + o[0].length), 0);
        const named = mentioned(before.slice(cut));
        // Without a group named here, the paragraph's last one — if the sentence is about cases at all.
        const aboutCases = /复议|诉讼|法院|判决|裁定|案件/.test(sentence) && !OTHER_BUSINESS.test(sentence);
        const subjects = named.length > 0 ? named : mentioned(before).length > 0 || !aboutCases ? [] : lastSubjects;
        if (subjects.length > 0) out.push({ kind, subjects, ...at(m) });
      }
    }
    for (const [pattern, kind] of [[ALL_DONE, 'allDone'], [ALL_ANSWERED, 'allAnswered']] as const) {
      for (const m of sentence.matchAll(pattern)) {
        const before = sentence.slice(0, m.index!);
        // `上年结转的2件申请已全部办结` speaks of the carried-over ones only.
        const onlyCarriedOver = /上一?年度?(?:未办结)?结转/.test(before) && !/收到|受理|新收/.test(before);
        if (ABOUT_APPLICATIONS.test(before) && !OTHER_BUSINESS.test(before) && mentioned(before).length === 0 && !onlyCarriedOver) out.push({ kind, ...at(m) });
      }
    }
    for (const m of sentence.matchAll(NO_FEE_NOTICE)) out.push({ kind: 'noFeeNotice', ...at(m) });
    for (const m of sentence.matchAll(NO_FEE_COLLECTED)) out.push({ kind: 'noFeeCollected', ...at(m) });
    const named = mentioned(sentence);
    if (named.length > 0) lastSubjects = named;
  }
  return out.sort((a, b) => a.start - b.start);
}
