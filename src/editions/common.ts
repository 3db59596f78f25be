import type { ApplicantColumn, Edition, ResultEntry, ReviewGroupDef, SectionKey } from './types.js';

/** Spec §1.2: identical in 2019 and 2021. */
export const SECTION_TITLES: Record<SectionKey, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/**
 * Spec §2.2 H1–H3 text shared by both editions, with the template break after the comma (seed 003,
 * spec §2.2 notes) so the note wraps between its two clauses, not inside a word.
 */
export const APPLICATIONS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）';

export function applicantColumns(businessLabel: string, researchLabel: string): ApplicantColumn[] {
  return [
    { key: 'natural', label: '自然人' },
    { key: 'business', label: businessLabel },
    { key: 'research', label: researchLabel },
    { key: 'publicWelfare', label: '社会公益组织' },
    { key: 'legalService', label: '法律服务机构' },
    { key: 'other', label: '其他' },
    { key: 'total', label: '总计' },
  ];
}

/** Result rows （一）–（五） of spec §2.2 B3–B20, identical in both editions. */
export const COMMON_RESULTS: ResultEntry[] = [
  { key: 'granted', label: '（一）予以公开' },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  {
    key: 'refused',
    label: '（三）不予公开',
    items: [
      { key: 'stateSecret', label: '1.属于国家秘密' },
      { key: 'prohibitedByLaw', label: '2.其他法律行政法规禁止公开' },
      { key: 'endangersSecurity', label: '3.危及“三安全一稳定”' },
      { key: 'thirdPartyRights', label: '4.保护第三方合法权益' },
      { key: 'internalAffairs', label: '5.属于三类内部事务信息' },
      { key: 'processInformation', label: '6.属于四类过程性信息' },
      { key: 'enforcementFiles', label: '7.属于行政执法案卷' },
      { key: 'queryMatters', label: '8.属于行政查询事项' },
    ],
  },
  {
    key: 'unableToProvide',
    label: '（四）无法提供',
    items: [
      { key: 'notHeld', label: '1.本机关不掌握相关政府信息' },
      { key: 'needsCreation', label: '2.没有现成信息需要另行制作' },
      { key: 'stillUnclear', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    key: 'notProcessed',
    label: '（五）不予处理',
    items: [
      { key: 'complaints', label: '1.信访举报投诉类申请' },
      { key: 'repeated', label: '2.重复申请' },
      { key: 'publications', label: '3.要求提供公开出版物' },
      { key: 'massRepeated', label: '4.无正当理由大量反复申请' },
      { key: 'confirmation', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
];

/** Spec §2.3 / §3.3: the 四 table, unchanged between editions. */
export const REVIEW_GROUPS: ReviewGroupDef[] = [
  { key: 'reconsideration', label: '行政复议' },
  { key: 'litigationDirect', label: '未经复议直接起诉' },
  { key: 'litigationAfterReconsideration', label: '复议后起诉' },
];

export const REVIEW_COLUMNS: ApplicantColumn[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'otherResult', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

export const REVIEW: Edition['review'] = {
  reconsiderationHeader: '行政复议',
  litigationHeader: '行政诉讼',
  groups: REVIEW_GROUPS,
  columns: REVIEW_COLUMNS,
};

export function applicationsDefinition(
  columns: ApplicantColumn[],
  results: ResultEntry[],
): Edition['applications'] {
  return {
    note: APPLICATIONS_NOTE,
    applicantsHeader: '申请人情况',
    legalPersonsHeader: '法人或其他组织',
    columns,
    newlyReceived: '一、本年新收政府信息公开申请数量',
    carriedOver: '二、上年结转政府信息公开申请数量',
    resultsHeader: '三、本年度办理结果',
    results,
    total: '（七）总计',
    carriedForward: '四、结转下年度继续办理',
  };
}
