import { describe, expect, it } from 'vitest';
import { readClaims } from './claims.js';

const read = (text: string) => readClaims(text).map((c) => ('subjects' in c ? [c.kind, c.subjects.join('+')] : [c.kind]));

/** Claims said in words, as the seeds and real reports write them. */
const CLAIMS: [string, string[][]][] = [
  ['全年未收到政府信息公开申请、行政复议和行政诉讼等情况。', [['noneReceived'], ['noReview', 'reconsideration+litigation']]],
  ['2020年，我局未收到依申请政府信息公开事项，无因政府信息公开工作被申请行政复议、提起行政诉讼案件。', [['noneReceived'], ['noReview', 'reconsideration+litigation']]],
  ['本年度没有受理任何政府信息公开申请。', [['noneReceived']]],
  ['全年无依申请公开事项。', [['noneReceived']]],
  ['全年未发生行政复议案件，被提起行政诉讼1件。', [['noReview', 'reconsideration']]],
  ['全年被申请行政复议2件、被提起行政诉讼1件，均获维持。', [['allUpheld', 'reconsideration+litigation']]],
  ['行政诉讼1件尚在审理，行政复议2件均获维持。', [['allUpheld', 'reconsideration']]],
  ['全年被申请行政复议1件。复议机关均予维持。', [['allUpheld', 'reconsideration']]],
  ['行政复议和行政诉讼案件全部维持原行政行为。', [['allUpheld', 'reconsideration+litigation']]],
  ['被提起行政诉讼2件，均胜诉。', [['allUpheld', 'litigation']]],
  ['行政复议2件，均未被纠正。', [['noneCorrected', 'reconsideration']]],
  ['收到的政府信息公开申请全部办结。', [['allDone']]],
  ['本年度收到申请30件，上年结转2件，均已按时办结。', [['allDone']]],
  ['全年收到政府信息公开申请4件，均按期答复。', [['allAnswered']]],
  ['本年度，本机关未发出收费通知，未收取信息处理费。', [['noFeeNotice'], ['noFeeCollected']]],
  ['本机关免收信息处理费。', [['noFeeCollected']]],
];

/** Words near these claims that are none (from the seeds and data/). */
const NOT_CLAIMS: string[] = [
  '全年未发生因政府信息公开引发的重大舆情。',
  '2019年，我局未接到科技相关的建议提案。',
  '全年承办人大代表建议21件、政协委员提案34件，均按期办结，答复全文在门户网站公开。',
  '未经复议直接起诉1件。',
  '无正当理由大量反复申请0件。',
  '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请1件。',
  '没有因答复不规范被行政复议纠正的案件。',
  '无其他需要报告的事项。',
  '均在规定时间内完成。',
  '做到上下贯通，无缝衔接。',
  '上年结转的2件申请已全部办结。',
  '被申请行政复议1件，尚在审理。信访事项均维持原处理意见。',
  '申请人未收到政府信息公开答复的，可以投诉。',
];

describe('claims said in words', () => {
  it.each(CLAIMS)('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each(NOT_CLAIMS)('no claim in %s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('offsets cover the claim words', () => {
    const text = '全年被申请行政复议2件，均获维持。';
    const [c] = readClaims(text);
    expect(text.slice(c!.start, c!.end)).toBe('均获维持');
  });
});
