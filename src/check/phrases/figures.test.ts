import { describe, expect, it } from 'vitest';
import { getEdition } from '../../editions/index.js';
import { figureRows } from '../../editions/rows.js';
import type { EditionId } from '../../model/report.js';
import { phrasesOf, readFigures } from './figures.js';

const read = (text: string, edition: EditionId = '2021') => readFigures(text, getEdition(edition)).map((m) => [m.phrase, m.value] as const);

/**
 * The phrasings the table covers, as published reports write them (seeds, data/, import
 * fixtures, and reports read for issue 15): sentence → the figures read, by phrase id.
 */
const PHRASINGS: [EditionId, string, [string, number][]][] = [
  ['2021', '全年共收到政府信息公开申请108件，上年结转6件，结转下年度继续办理6件。', [['applications.newlyReceived', 108], ['applications.carriedOver', 6], ['applications.carriedForward', 6]]],
  ['2021', '全市共受理政府信息公开申请 3119 件。', [['applications.newlyReceived', 3119]]],
  ['2021', '全年新收政府信息公开申请14,068件。', [['applications.newlyReceived', 14068]]],
  ['2021', '全年新收政府信息公开申请14，068件。', [['applications.newlyReceived', 14068]]],
  ['2021', '收到政府信息公开申请１２件。', [['applications.newlyReceived', 12]]],
  ['2021', '本年度受理公民、法人和其他组织提出的政府信息公开申请十二件。', [['applications.newlyReceived', 12]]],
  ['2021', '全年收到申请一百零五件，上年结转两件。', [['applications.newlyReceived', 105], ['applications.carriedOver', 2]]],
  ['2019', '2019年，我局共受理依申请公开1件，在规定时间内答复。', [['applications.newlyReceived', 1]]],
  ['2021', '新收政府信息公开申请数量共计为 20 件。', [['applications.newlyReceived', 20]]],
  ['2021', '上年度结转的政府信息公开申请3件。', [['applications.carriedOver', 3]]],
  ['2021', '另有72件因需第三方意见顺延到下年度办理。', [['applications.carriedForward.after', 72]]],
  ['2021', '结转至下一年度继续办理的申请4件。', [['applications.carriedForward', 4]]],
  ['2021', '全年共办结政府信息公开申请100件，答复率100%。', [['applications.results.total', 100]]],
  ['2021', '予以公开53件，部分公开7件，不予公开5件，无法提供20件，不予处理3件，其他处理2件。', [
    ['applications.results.granted', 53], ['applications.results.partiallyGranted', 7], ['applications.results.refused', 5],
    ['applications.results.unableToProvide', 20], ['applications.results.notProcessed', 3], ['applications.results.other', 2],
  ]],
  ['2021', '予以公开及部分公开258件。', [['applications.results.grantedOrPartially', 258]]],
  ['2021', '全部或部分公开258件。', [['applications.results.grantedOrPartially', 258]]],
  ['2021', '同意公开12件，部分予以公开3件。', [['applications.results.granted', 12], ['applications.results.partiallyGranted', 3]]],
  ['2021', '其中属于国家秘密1件，本机关不掌握相关政府信息15件，重复申请3件。', [
    ['applications.results.refused.stateSecret', 1], ['applications.results.unableToProvide.notHeld', 15], ['applications.results.notProcessed.repeated', 3],
  ]],
  ['2021', '收到申请108件，其中自然人申请86件，法人或其他组织申请22件。', [['applications.newlyReceived', 108], ['applications.newlyReceived.natural', 86], ['applications.newlyReceived.legalPersons', 22]]],
  ['2021', '收到申请108件，其中商业企业12件、科研机构2件。', [['applications.newlyReceived', 108], ['applications.newlyReceived.business', 12], ['applications.newlyReceived.research', 2]]],
  ['2021', '全年被申请行政复议4件，其中维持2件、纠正1件、其他0件、尚未审结1件。', [
    ['review.reconsideration', 4], ['review.upheld', 2], ['review.corrected', 1], ['review.otherResult', 0], ['review.pending', 1],
  ]],
  ['2021', '被申请行政复议4件，其中被纠正1件。', [['review.reconsideration', 4], ['review.corrected', 1]]],
  ['2021', '行政复议结果维持2起。', [['review.reconsideration.upheld', 2]]],
  ['2021', '因政府信息公开被提起行政诉讼3起。其中维持1件，尚未审结2件。', [['review.litigation', 3], ['review.upheld', 1], ['review.pending', 2]]],
  ['2021', '未经复议直接起诉2件，复议后起诉1件。', [['review.litigationDirect', 2], ['review.litigationAfterReconsideration', 1]]],
  ['2021', '经行政复议后提起行政诉讼1件。', [['review.litigationAfterReconsideration', 1]]],
  ['2021', '被提起行政诉讼2件，另有1件尚未审结。', [['review.litigation', 2], ['review.pending.after', 1]]],
  ['2021', '尚有1件行政诉讼尚未审结。', [['review.litigation.pending.after', 1]]],
  ['2021', '本年制发规章0件，新制发行政规范性文件3件，废止1件，现行有效17件。', [
    ['proactive.item1.rules.issued', 0], ['proactive.item1.normativeDocuments.issued', 3], ['proactive.item1.normativeDocuments.repealed.sub', 1], ['proactive.item1.normativeDocuments.inForce.sub', 17],
  ]],
  ['2021', '对现行有效的17件行政规范性文件进行清理。', [['proactive.item1.normativeDocuments.inForce.after', 17]]],
  ['2021', '规范性文件现行有效17件。', [['proactive.item1.normativeDocuments.inForce.docFirst', 17]]],
  ['2019', '我局新制作规范性文件4个，新公开规范性文件4个，对外公开规范性文件共计4个。', [
    ['proactive.item1.normativeDocuments.made', 4], ['proactive.item1.normativeDocuments.published', 4], ['proactive.item1.normativeDocuments.total', 4],
  ]],
  ['2019', '主动公开规章2件。', [['proactive.item1.rules.published', 2]]],
  ['2019', '发布政府采购总项目数11个，累计金额7.463万元。', [['proactive.item9.procurement.projects', 11], ['proactive.item9.procurement.amount.sub', 7.463]]],
  ['2021', '作出行政许可决定1268件，行政处罚214起，行政强制措施9件。', [
    ['proactive.item5.licensing.decisions', 1268], ['proactive.item6.penalty.decisions', 214], ['proactive.item6.enforcement.decisions', 9],
  ]],
  ['2021', '收取行政事业性收费5949.088667万元。', [['proactive.item8.fees.amount', 5949.088667]]],
  ['2021', '本年度，本机关共发出收费通知1件，通知收费金额100元，实际收取信息处理费0元。', [['fees.noticesIssued', 1], ['fees.amountNotified', 100], ['fees.amountCollected', 0]]],
  ['2021', '发出收费通知书2份，金额200元。', [['fees.noticesIssued', 2], ['fees.amountNotified.sub', 200]]],
];

/**
 * Numbers the table must not tie to a cell (from the seeds and data/, where they stand beside
 * figures; parts that are no total: 其中网上受理, 延期答复), with what is read beside them.
 */
const NOT_FIGURES: [EditionId, string, [string, number][]?][] = [
  ['2021', '全年通过门户网站主动公开政府信息1426条，其中环境质量信息412条。'],
  ['2021', '全年承办人大代表建议21件、政协委员提案34件，均按期办结。'],
  ['2021', '回应关切12345公共服务热线平台诉求65条次条，其中企业复工复产诉求3条。'],
  ['2021', '并回复国家平台件1件，湖北阳光信访平台信访诉求件7件、区信访局信访交办件2件。'],
  ['2021', '全年协办政协委员提案交办件2件，无主办件。'],
  ['2021', '依据《条例》第五十条规定编制。局领导参加新闻发布会各一次。'],
  ['2021', '全年收到申请100余件。收到申请近20件。'],
  ['2021', '收到申请108件，其中网上受理100件，其中当场答复5件，延期答复3件。', [['applications.newlyReceived', 108]]],
  ['2021', '通过网络受理申请90件。本年度延期答复3件，依法答复2件。'],
  ['2021', '收到行政复议申请2件。', [['review.reconsideration', 2]]],
  ['2021', '行政复议和行政诉讼共3件。行政复议和行政诉讼各1件。'],
  ['2021', '全年未发生因政府信息公开引发的重大舆情，开展培训2次、自查4次。'],
  ['2021', '制定规章制度3个。发布规范性文件解读9篇。'],
  ['2021', '本年收费金额0万元。'],
  ['2021', '受理涉及征地拆迁的申请12件，收到关于规划的申请3件。'],
  ['2021', '全年共收到申请108件，比上年收到申请100件增长8%。', [['applications.newlyReceived', 108]]],
  ['2021', '去年因政府信息公开被申请行政复议3件，上年办结申请90件。'],
  ['2021', '从申请人类型看，自然人申请20件，法人申请5件。'],
  ['2021', '全年共答复申请人30人次，按时答复率100%。'],
  ['2021', '行政处罚案件立案12起，公开行政许可信息1268条，共有行政许可事项25项。'],
  ['2021', '本年度上一年项目数量2项。'],
];

describe('the phrase table', () => {
  it.each(PHRASINGS)('%s: %s', (edition, text, expected) => {
    expect(read(text, edition)).toEqual(expected);
  });

  it.each(NOT_FIGURES)('%s: no figure in %s', (edition, text, read_ = []) => {
    expect(read(text, edition)).toEqual(read_);
  });

  it('names only cells that exist in the edition', () => {
    for (const edition of [getEdition('2019'), getEdition('2021')]) {
      const rows = figureRows(edition);
      for (const p of phrasesOf(edition)) {
        const targets = [p.target, ...Object.values(p.of ?? {})].filter((t) => t !== undefined);
        expect(targets.length, p.id).toBeGreaterThan(0);
        for (const t of targets) {
          for (const c of t.cells) {
            if (c.row === 'fees') continue;
            const under = rows.filter((r) => r.key === c.row || r.key.startsWith(`${c.row}.`));
            expect(under.length, `${p.id}: ${c.row}`).toBeGreaterThan(0);
            for (const r of under) expect(r.columns.map((col) => col.key), `${p.id}: ${c.row}.${c.column}`).toContain(c.column);
          }
        }
      }
    }
  });

  it('gives the number its own offsets and the quoted words around it', () => {
    const text = '全市共受理政府信息公开申请 3119 件。';
    const [m] = readFigures(text, getEdition('2021'));
    expect(text.slice(m!.start, m!.end)).toBe('3119');
    expect(text.slice(m!.quoteStart, m!.quoteEnd)).toBe('受理政府信息公开申请 3119 件');
  });
});
