/**
 * The phrase table, 三 and 四: the flow of applications (收到、上年结转、办结、结转下年度), the
 * results and their numbered items, the applicant columns after 其中, 行政复议 and 行政诉讼 with
 * their outcomes. Labels are read from the edition; only the words around them are written here.
 */
import type { Edition } from '../../editions/types.js';
import { CASE_UNITS, cell, CHANNEL, COUNT_UNITS, escape, NOT_LAST_YEAR, REVIEW_GROUPS, REVIEW_OUTCOMES, reviewTarget, spoken, target, YEAR_NEXT, type PhraseDef } from './words.js';
import { flat } from '../../editions/rows.js';

/** The 三 and 四 phrases of an edition, in matching order (the more specific first). */
export function applicationDefs(edition: Edition): PhraseDef[] {
  const defs: PhraseDef[] = [];
  const app = edition.applications;
  const total = (row: string) => cell(`applications.${row}`, 'total');

  // 三: the flow of applications.
  defs.push(
    {
      id: 'applications.carriedOver',
      before: '(?:上一?年度?|上年)(?:未办结)?(?:结转|转结)(?:至本年度?|到本年度?|本年度?)?(?:的)?(?:政府信息公开)?(?:申请)?',
      units: COUNT_UNITS,
      target: target('carriedOver', total('carriedOver')),
    },
    {
      id: 'applications.carriedForward',
      before: `(?:结转|转结|顺延|转入)(?:至|到|入)?${YEAR_NEXT}(?:继续)?(?:办理)?(?:的)?(?:政府信息公开)?(?:申请)?`,
      units: COUNT_UNITS,
      target: target('carriedForward', total('carriedForward')),
    },
    {
      id: 'applications.newlyReceived',
      before: `${NOT_LAST_YEAR}${CHANNEL}(?:收到|受理|新收|接收|接到|新增)(?:了)?(?:(?:(?!其中|复议|诉讼|结转|涉及|关于|有关)[^，。；：！？]){0,24}?申请|(?:依申请公开|依申请)(?:政府信息)?(?:公开)?(?:事项)?)`,
      units: COUNT_UNITS,
      target: target('received', total('newlyReceived')),
      sets: 'received',
      notInBreakdown: true,
    },
    {
      id: 'applications.results.total',
      // Only after a boundary or 共/已/全部/全年/本机关…: `延期答复`, `当场答复`, `依法答复` are parts.
      before: `${NOT_LAST_YEAR}(?:^|(?<=[，、：:；\\s（(共已均部计年度关局委办区县市处]))(?:办结|答复|办理完毕|处理完毕|办理完结)(?:了)?(?:政府信息公开)?(?:的)?(?:申请)?`,
      units: COUNT_UNITS,
      target: target('results', total('results.total')),
      notInBreakdown: true,
    },
  );
  const resultWord = Object.fromEntries(app.results.map((e) => [e.key, spoken(e.label)]));
  defs.push(
    {
      id: 'applications.results.grantedOrPartially',
      before: `(?:(?<!不)${resultWord.granted}|同意公开|全部公开)(?:和|及|或|与|、|以及|或者)(?:予以)?${resultWord.partiallyGranted}|全部或部分(?:予以)?公开|(?<![不部分])公开(?:和|及|或)${resultWord.partiallyGranted}`,
      units: COUNT_UNITS,
      target: target('results', total('results.granted'), total('results.partiallyGranted')),
    },
    {
      id: 'applications.results.granted',
      before: `(?<!不|部分)(?:${resultWord.granted}|同意公开|全部(?:予以)?公开)(?:的)?(?:申请)?`,
      units: COUNT_UNITS,
      target: target('results', total('results.granted')),
    },
    {
      id: 'applications.results.partiallyGranted',
      before: `(?:${resultWord.partiallyGranted}|部分予以公开|予以部分公开)(?:的)?(?:申请)?`,
      units: COUNT_UNITS,
      target: target('results', total('results.partiallyGranted')),
    },
  );
  for (const entry of app.results) {
    if (entry.key === 'granted' || entry.key === 'partiallyGranted') continue;
    const word = entry.key === 'refused' ? '不予(?:以)?公开' : escape(resultWord[entry.key]!);
    defs.push({ id: `applications.results.${entry.key}`, before: `${word}(?:的)?(?:申请)?`, units: COUNT_UNITS, target: target('results', total(`results.${entry.key}`)) });
    for (const item of entry.items ?? []) {
      const said = spoken(item.label);
      if ([...said].length < 4) continue; // `3.其他` is no phrase of its own
      defs.push({ id: `applications.results.${entry.key}.${item.key}`, before: `${escape(said)}(?:的)?(?:申请)?`, units: COUNT_UNITS, target: target('results', total(`results.${entry.key}.${item.key}`)) });
    }
  }
  // 其中自然人…件 after a received total. The 其他 column is no phrase of its own.
  const legal = app.columns.filter((c) => !['natural', 'total'].includes(c.key));
  for (const c of app.columns) {
    if (c.key === 'total' || c.key === 'other') continue;
    defs.push({ id: `applications.newlyReceived.${c.key}`, before: `${escape(flat(c.label))}(?:提出(?:的)?)?(?:申请)?`, units: COUNT_UNITS, of: { received: target('received', cell('applications.newlyReceived', c.key)) } });
  }
  defs.push({
    id: 'applications.newlyReceived.legalPersons',
    before: `(?:${escape(app.legalPersonsHeader)}|法人(?:和|及|与)?(?:其他组织)?)(?:提出(?:的)?)?(?:申请)?`,
    units: COUNT_UNITS,
    of: { received: target('received', ...legal.map((c) => cell('applications.newlyReceived', c.key))) },
  });

  // 四: 行政复议 and 行政诉讼, their outcomes (其中维持…) and 尚有 N 件尚未审结.
  for (const [column, words] of Object.entries(REVIEW_OUTCOMES)) {
    defs.push(
      { id: `review.reconsideration.${column}`, before: `行政复议(?:案件)?(?:中|的)?${words}(?:的)?`, units: CASE_UNITS, target: reviewTarget('reconsideration', column), sets: 'reconsideration' },
      { id: `review.litigation.${column}`, before: `行政诉讼(?:案件)?(?:中|的)?${words}(?:的)?`, units: CASE_UNITS, target: reviewTarget('litigation', column), sets: 'litigation' },
    );
  }
  defs.push(
    { id: 'review.reconsideration.pending.after', after: `^\\s*(?:的)?行政复议(?:案件)?\\s*${REVIEW_OUTCOMES.pending}`, units: CASE_UNITS, target: reviewTarget('reconsideration', 'pending') },
    { id: 'review.litigation.pending.after', after: `^\\s*(?:的)?行政诉讼(?:案件)?\\s*${REVIEW_OUTCOMES.pending}`, units: CASE_UNITS, target: reviewTarget('litigation', 'pending') },
    {
      id: 'review.litigationAfterReconsideration',
      before: `${NOT_LAST_YEAR}(?:经)?(?:行政)?复议后(?:再)?(?:被)?(?:提起)?(?:行政)?(?:起诉|诉讼)(?:的)?(?:案件|案)?`,
      units: CASE_UNITS,
      target: reviewTarget('litigationAfter', 'total'),
      sets: 'litigationAfter',
    },
    {
      id: 'review.litigationDirect',
      before: `${NOT_LAST_YEAR}(?:未经(?:行政)?复议)?直接(?:被)?(?:提起)?(?:行政)?(?:起诉|诉讼)(?:的)?(?:案件|案)?`,
      units: CASE_UNITS,
      target: reviewTarget('litigationDirect', 'total'),
      sets: 'litigationDirect',
    },
    {
      // Not after `行政复议和…`: `行政复议和行政诉讼共 3 件` is a sum this table leaves out.
      id: 'review.litigation',
      before: `${NOT_LAST_YEAR}(?<!复议(?:和|与|及|、|或|以及)(?:被提起|提起|被诉|被)?)(?:被提起|提起|被诉|应诉|发生|涉及)?行政诉讼(?:案件|案)?(?:的)?(?:案件|案)?`,
      units: CASE_UNITS,
      target: reviewTarget('litigation', 'total'),
      sets: 'litigation',
    },
    {
      id: 'review.reconsideration',
      before: `${NOT_LAST_YEAR}(?:被申请|申请|收到|发生|涉及|提起|办理|受理)?行政复议(?:申请|案件|案)?(?:的)?(?:案件|案)?`,
      units: CASE_UNITS,
      target: reviewTarget('reconsideration', 'total'),
      sets: 'reconsideration',
    },
  );
  for (const [column, words] of Object.entries(REVIEW_OUTCOMES)) {
    const of = Object.fromEntries((Object.keys(REVIEW_GROUPS) as (keyof typeof REVIEW_GROUPS)[]).map((g) => [g, reviewTarget(g, column)]));
    defs.push({ id: `review.${column}`, before: `${words}(?:的)?`, units: CASE_UNITS, of });
    defs.push({ id: `review.${column}.after`, after: `^\\s*(?:的)?(?:案件)?\\s*${words}`, units: CASE_UNITS, of });
  }
  defs.push({ id: 'applications.carriedForward.after', after: `^\\s*(?:的)?(?:政府信息公开)?(?:申请)?[^，。；！？]{0,20}?(?:结转|转结|顺延|转入)(?:至|到|入)?${YEAR_NEXT}`, units: COUNT_UNITS, target: target('carriedForward', total('carriedForward')) });

  return defs;
}
