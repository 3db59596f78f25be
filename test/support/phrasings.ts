import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { chineseNumeral } from '../../src/check/phrases/numerals.js';
import type { GeneratedReport } from './arbitrary.js';

/**
 * Sentences that state a generated report's own figures in the phrasings published reports use
 * (the phrase table of src/check/phrases/), each number in one of the forms reports write:
 * plain, with spaces around it, with `,`/`，` thousands separators, full-width, Chinese
 * numerals. Written independently of the phrase table, so a phrase that ties a sentence to the
 * wrong cell shows as a false alarm.
 */
export type NumberForm = 'plain' | 'spaced' | 'comma' | 'fullWidthComma' | 'fullWidth' | 'chinese';
export const NUMBER_FORMS: NumberForm[] = ['plain', 'spaced', 'comma', 'fullWidthComma', 'fullWidth', 'chinese'];

export function writeNumber(n: number, form: NumberForm): string {
  const grouped = (sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  switch (form) {
    case 'plain':
      return String(n);
    case 'spaced':
      return ` ${n} `;
    case 'comma':
      return grouped(',');
    case 'fullWidthComma':
      return grouped('，');
    case 'fullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'chinese':
      return n < 1e8 ? chineseNumeral(n) : String(n);
  }
}

type Figures = (key: string, column: number) => number;
type Money = (key: string, column: number) => string | null;

/** One phrasing: the sentence for a report, or null when it does not apply (edition, a claim that would be false). */
type Phrasing = (f: Figures, money: Money, edition: string, n: (v: number) => string) => string | null;

const T = 6;
const sum = (f: Figures, key: string, cols: number[]) => cols.reduce((s, c) => s + f(key, c), 0);
const group = (f: Figures, keys: string[], col: number) => keys.reduce((s, k) => s + f(k, col), 0);
const REFUSED = ['stateSecret', 'prohibitedByLaw', 'endangersSecurity', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'queryMatters'].map((k) => `applications.results.refused.${k}`);
const UNABLE = ['notHeld', 'needsCreation', 'stillUnclear'].map((k) => `applications.results.unableToProvide.${k}`);
const NOT_PROCESSED = ['complaints', 'repeated', 'publications', 'massRepeated', 'confirmation'].map((k) => `applications.results.notProcessed.${k}`);
const OTHER_2021 = ['noCorrection', 'unpaidFee', 'other'].map((k) => `applications.results.other.${k}`);
const LIT = ['review.litigationDirect', 'review.litigationAfterReconsideration'];

const PHRASINGS: Phrasing[] = [
  (f, _, __, n) => `全年共收到政府信息公开申请${n(f('applications.newlyReceived', T))}件`,
  (f, _, __, n) => `全市共受理政府信息公开申请${n(f('applications.newlyReceived', T))}件，其中自然人申请${n(f('applications.newlyReceived', 0))}件，法人或其他组织申请${n(sum(f, 'applications.newlyReceived', [1, 2, 3, 4, 5]))}件`,
  (f, _, __, n) => `本年度新收政府信息公开申请${n(f('applications.newlyReceived', T))}件，上年结转${n(f('applications.carriedOver', T))}件，结转下年度继续办理${n(f('applications.carriedForward', T))}件`,
  (f, _, __, n) => `另有${n(f('applications.carriedForward', T))}件因需征求第三方意见顺延到下年度办理`,
  (f, _, __, n) => `全年共办结政府信息公开申请${n(f('applications.results.total', T))}件`,
  (f, _, edition, n) =>
    `其中予以公开${n(f('applications.results.granted', T))}件，部分公开${n(f('applications.results.partiallyGranted', T))}件，不予公开${n(group(f, REFUSED, T))}件，无法提供${n(group(f, UNABLE, T))}件，不予处理${n(group(f, NOT_PROCESSED, T))}件，其他处理${n(edition === '2019' ? f('applications.results.other', T) : group(f, OTHER_2021, T))}件`,
  (f, _, __, n) => `予以公开及部分公开${n(f('applications.results.granted', T) + f('applications.results.partiallyGranted', T))}件`,
  (f, _, __, n) => `本机关不掌握相关政府信息${n(f('applications.results.unableToProvide.notHeld', T))}件，重复申请${n(f('applications.results.notProcessed.repeated', T))}件`,
  (f, _, __, n) =>
    `因政府信息公开被申请行政复议${n(f('review.reconsideration', 4))}件，其中维持${n(f('review.reconsideration', 0))}件、纠正${n(f('review.reconsideration', 1))}件、其他${n(f('review.reconsideration', 2))}件、尚未审结${n(f('review.reconsideration', 3))}件`,
  (f, _, __, n) => `被提起行政诉讼${n(group(f, LIT, 4))}起，其中未经复议直接起诉${n(f('review.litigationDirect', 4))}件、复议后起诉${n(f('review.litigationAfterReconsideration', 4))}件`,
  (f, _, __, n) => `行政诉讼结果维持${n(group(f, LIT, 0))}件，尚未审结${n(group(f, LIT, 3))}件`,
  (f, _, edition, n) =>
    edition === '2021'
      ? `本年制发规章${n(f('proactive.item1.rules', 0))}件，新制发行政规范性文件${n(f('proactive.item1.normativeDocuments', 0))}件，废止${n(f('proactive.item1.normativeDocuments', 1))}件，现行有效${n(f('proactive.item1.normativeDocuments', 2))}件`
      : `新制作规范性文件${n(f('proactive.item1.normativeDocuments', 0))}件，新公开规范性文件${n(f('proactive.item1.normativeDocuments', 1))}件，对外公开规范性文件共计${n(f('proactive.item1.normativeDocuments', 2))}件`,
  (f, _, edition, n) => {
    const c = edition === '2021' ? 0 : 2;
    return `作出行政许可决定${n(f('proactive.item5.licensing', c))}件，行政处罚${n(f('proactive.item6.penalty', c))}起，行政强制措施${n(f('proactive.item6.enforcement', c))}件`;
  },
  (_, money, edition) => {
    const m = edition === '2021' ? money('proactive.item8.fees', 0) : money('proactive.item9.procurement', 1);
    if (m === null) return null;
    const written = /元$/.test(m) ? m : `${m}万元`;
    return edition === '2021' ? `全年收取行政事业性收费${written}` : `政府集中采购总金额${written}`;
  },
  // Claims said in words, only where the table makes them true.
  (f) => (f('applications.newlyReceived', T) === 0 ? '全年未收到政府信息公开申请' : null),
  (f) => (f('review.reconsideration', 4) + group(f, LIT, 4) === 0 ? '全年未发生因政府信息公开引起的行政复议、行政诉讼' : null),
  (f) => (f('review.reconsideration', 4) > 0 && sum(f, 'review.reconsideration', [1, 2, 3]) === 0 ? '行政复议案件均获维持' : null),
  (f) => (f('applications.carriedForward', T) === 0 && f('applications.newlyReceived', T) + f('applications.carriedOver', T) > 0 ? '收到的政府信息公开申请已全部办结' : null),
];

/** The 信息处理费 sentence of 六 (2021), with the generator's fees (notices as the unpaid-fee rule needs, 100 元 notified and collected). */
const feeSentence = (notices: number, n: (v: number) => string) => `本年度共发出收费通知${n(notices)}件，通知收费金额${n(100)}元，实际收取信息处理费${n(100)}元。`;

export interface ProseChoice {
  phrasings: number[];
  forms: NumberForm[];
}

export const proseChoice: fc.Arbitrary<ProseChoice> = fc.record({
  phrasings: fc.uniqueArray(fc.nat({ max: PHRASINGS.length - 1 }), { minLength: 1, maxLength: PHRASINGS.length }),
  forms: fc.array(fc.constantFrom(...NUMBER_FORMS), { minLength: 1, maxLength: 8 }),
});

/** The report's YAML with the chosen sentences as one more paragraph of 一 (and, 2021, the fee sentence in 六). */
export function withFigureProse(g: GeneratedReport, choice: ProseChoice): string {
  let k = 0;
  const n = (v: number) => writeNumber(v, choice.forms[k++ % choice.forms.length]!);
  const f: Figures = (key, column) => Number(g.printed[key]?.[column] || 0);
  const money: Money = (key, column) => {
    const text = g.printed[key]?.[column];
    return text === undefined || text === '' ? null : text;
  };
  const sentences = choice.phrasings.map((i) => PHRASINGS[i]!(f, money, g.edition, n)).filter((s): s is string => s !== null);
  const doc = parseDocument(g.yaml);
  doc.setIn(['overview'], `${String(doc.getIn(['overview']))}\n\n${sentences.join('。')}。`);
  if (g.edition === '2021') {
    const other = doc.getIn(['other']);
    doc.setIn(['other'], [typeof other === 'string' ? other : '无。', feeSentence(Number(doc.getIn(['fees', 'noticesIssued'])), n)].join('\n\n'));
  }
  return doc.toString({ lineWidth: 0 });
}
