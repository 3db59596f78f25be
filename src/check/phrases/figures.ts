/**
 * The phrase table (design.md "One phrase table for prose checks"): the one place that ties the
 * words of a report to the table cells they speak of. `check` compares what it reads with the
 * tables, `import` reads the 信息处理费 figures of 六 with it, the editor's hints will show which
 * cell a number refers to. Pure: no Node built-in, it runs in the browser.
 *
 * A figure is read number first: every number with a unit (`3119 件`, `14,068件`, `十二件`,
 * `7.463万元`) is found, then the words right before it — since the previous number or the start
 * of the sentence — are matched, anchored at their end, against the phrases below in order; the
 * first that fits names the cell. A few phrases put the words after the number (`另有72件…顺延到
 * 下年度`). `其中…` sub-counts (`其中维持2件`) are read against the subject the sentence set
 * (行政复议, 收到的申请, 规范性文件 …). What the table does not define cannot be matched here:
 * the cells are named by row key and column key of `src/editions/`, labels are read from there.
 */
import { figureRows, flat } from '../../editions/rows.js';
import type { Edition } from '../../editions/types.js';
import { NUMBER_SOURCE, readNumber } from './numerals.js';

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

/** A figure read from prose. Offsets are into the text given to `readFigures`. */
export interface FigureMention extends Target {
  phrase: string;
  value: number;
  unit: string;
  /** The number as written: [start, end). */
  start: number;
  end: number;
  /** The words quoted in a message, number and unit included: [quoteStart, quoteEnd). */
  quoteStart: number;
  quoteEnd: number;
}

/** What the sentence is about, for the `其中…` sub-counts that follow it. */
type Subject = 'received' | 'reconsideration' | 'litigation' | 'litigationDirect' | 'litigationAfter' | 'rules' | 'normativeDocuments' | 'procurement' | 'feeNotices';

interface PhraseDef {
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

interface Phrase extends Omit<PhraseDef, 'before' | 'after'> {
  before?: RegExp;
  after?: RegExp;
  unitSet: ReadonlySet<string>;
}

// ---------------------------------------------------------------------------------------------
// Word pieces.

/** Between the phrase and the number: `申请数量共计为 3119 件`, `予以公开的 12 件`. */
const CONNECT = '\\s*(?:数量|总数|总量|件数|数)?\\s*(?:(?:共计|合计|累计|总计|共有|共|计|达到|达|为|有|是|了|的)\\s*){0,3}';
const COUNT_UNITS = '件|个|宗|份';
const CASE_UNITS = '件|起|宗|个|案|例|次';
const DOC_UNITS = '件|个|部|份|篇|项';
const MONEY_UNITS = '万元|元';
/** Every unit a figure may carry; a number followed by anything else is not read. */
const ALL_UNITS = ['万元', '元', '件', '起', '个', '宗', '份', '部', '篇', '项', '案', '例', '次', '条', '家'];
/** A sentence ends here; sub-count subjects and windows do not cross it. */
const SENTENCE_END = /[。；;！？!?\n]/g;
/** Channels: `网上受理申请 N 件` is a part of the received total, not the total. */
const CHANNEL = '(?<!(?:网上|网络|在线|线上|线下|当面|现场|窗口|信函|邮寄|邮件|传真|电话|书面|平台)[^，。；]{0,6})';

const YEAR_NEXT = '(?:下一?年度?|下年)';
const REVIEW_OUTCOMES = {
  upheld: '(?:结果)?(?:被|予以|获得?|得到)?维持(?:原(?:具体)?(?:行政行为|决定|答复|处理)?)?',
  corrected: '(?:结果)?(?:被|予以)?(?:纠正|撤销|变更|确认违法)',
  otherResult: '其他(?:结果|情形|情况)?',
  pending: '(?:尚未审结|未审结|尚在审理中?|正在审理中?|在审理中|审理中|尚未结案|未结案)',
} as const;

const cell = (row: string, column: string): CellRef => ({ row, column });
const target = (family: ProseFamily, ...cells: CellRef[]): Target => ({ family, cells });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as prose writes it: numbering (`1.`, `（三）`) and notes in brackets dropped. */
const spoken = (label: string) => flat(label).replace(/^(?:\d+[.．、]|（[一二三四五六七八九十]+）)/, '').replace(/（[^）]*）$/, '');

const REVIEW_GROUPS: Record<'reconsideration' | 'litigation' | 'litigationDirect' | 'litigationAfter', { family: ProseFamily; rows: string[] }> = {
  reconsideration: { family: 'reconsideration', rows: ['review.reconsideration'] },
  litigation: { family: 'litigation', rows: ['review.litigationDirect', 'review.litigationAfterReconsideration'] },
  litigationDirect: { family: 'litigation', rows: ['review.litigationDirect'] },
  litigationAfter: { family: 'litigation', rows: ['review.litigationAfterReconsideration'] },
};
const reviewTarget = (group: keyof typeof REVIEW_GROUPS, column: string): Target =>
  target(REVIEW_GROUPS[group].family, ...REVIEW_GROUPS[group].rows.map((r) => cell(r, column)));

/** The phrase table of an edition, in matching order (the more specific first). */
function phraseDefs(edition: Edition): PhraseDef[] {
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
      before: `${CHANNEL}(?:收到|受理|新收|接收|接到|新增)(?:了)?(?:(?:(?!其中|复议|诉讼|结转|涉及|关于|有关)[^，。；：！？]){0,24}?申请|(?:依申请公开|依申请)(?:政府信息)?(?:公开)?(?:事项)?)`,
      units: COUNT_UNITS,
      target: target('received', total('newlyReceived')),
      sets: 'received',
      notInBreakdown: true,
    },
    {
      id: 'applications.results.total',
      // Only after a boundary or 共/已/全部/全年/本机关…: `延期答复`, `当场答复`, `依法答复` are parts.
      before: '(?:^|(?<=[，、：:；\\s（(共已均部计年度关局委办区县市处]))(?:办结|答复|办理完毕|处理完毕|办理完结)(?:了)?(?:政府信息公开)?(?:的)?(?:申请)?',
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
      before: '(?:经)?(?:行政)?复议后(?:再)?(?:被)?(?:提起)?(?:行政)?(?:起诉|诉讼)(?:的)?(?:案件|案)?',
      units: CASE_UNITS,
      target: reviewTarget('litigationAfter', 'total'),
      sets: 'litigationAfter',
    },
    {
      id: 'review.litigationDirect',
      before: '(?:未经(?:行政)?复议)?直接(?:被)?(?:提起)?(?:行政)?(?:起诉|诉讼)(?:的)?(?:案件|案)?',
      units: CASE_UNITS,
      target: reviewTarget('litigationDirect', 'total'),
      sets: 'litigationDirect',
    },
    {
      // Not after `行政复议和…`: `行政复议和行政诉讼共 3 件` is a sum this table leaves out.
      id: 'review.litigation',
      before: '(?<!复议(?:和|与|及|、|或|以及)(?:被提起|提起|被诉|被)?)(?:被提起|提起|被诉|应诉|发生|涉及)?行政诉讼(?:案件|案)?(?:的)?(?:案件|案)?',
      units: CASE_UNITS,
      target: reviewTarget('litigation', 'total'),
      sets: 'litigation',
    },
    {
      id: 'review.reconsideration',
      before: '(?:被申请|申请|收到|发生|涉及|提起|办理|受理)?行政复议(?:申请|案件|案)?(?:的)?(?:案件|案)?',
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

  defs.push(...proactiveDefs(edition));
  if (edition.id === '2021') defs.push(...feeDefs());
  return defs;
}

/** 二: documents (第二十条第（一）项), decisions (第（五）（六）项), fees (第（八）项), procurement (2019 第（九）项). */
function proactiveDefs(edition: Edition): PhraseDef[] {
  const defs: PhraseDef[] = [];
  const rows = figureRows(edition).filter((r) => r.table === 'proactive');
  const label = (key: string) => flat(rows.find((r) => r.key === key)!.labels.at(-1)!);
  // The columns of 第（一）项 and the verbs prose uses for them.
  const verbs: Record<string, string> =
    edition.id === '2021'
      ? { issued: '(?:本年)?(?:新)?(?:制发|制定|出台|印发)(?:了)?', repealed: '(?:本年)?(?:清理)?废止(?:了)?', inForce: '现行有效(?:的)?' }
      : { made: '(?:本年)?新制作(?:了)?', published: '(?:本年)?(?:新公开|主动公开)(?:了)?', total: '对外公开(?:的)?' };
  for (const doc of ['rules', 'normativeDocuments'] as const) {
    const key = `proactive.item1.${doc}`;
    const word = doc === 'rules' ? escape(label(key)) : `(?:行政)?${escape(label(key).replace(/^行政/, ''))}`;
    for (const [column, verb] of Object.entries(verbs)) {
      const t = target('proactive', cell(key, column));
      const totalWords = column === 'total' ? '(?:总数量?)?' : '';
      defs.push(
        { id: `${key}.${column}`, before: `${verb}${word}${totalWords}`, units: DOC_UNITS, target: t, sets: doc },
        { id: `${key}.${column}.after`, before: `${verb}`, after: `^\\s*${word}`, units: DOC_UNITS, target: t, sets: doc },
        { id: `${key}.${column}.docFirst`, before: `${word}${verb.replace(/\(\?:了\)\?$|\(\?:的\)\?$/, '')}${totalWords}`, units: DOC_UNITS, target: t, sets: doc },
        { id: `${key}.${column}.sub`, before: `${verb}${totalWords}`, units: DOC_UNITS, of: { [doc]: t } },
      );
    }
  }
  // 行政许可 / 行政处罚 / 行政强制: the 处理决定数量 of both editions.
  for (const key of ['proactive.item5.licensing', 'proactive.item6.penalty', 'proactive.item6.enforcement']) {
    defs.push({
      id: `${key}.decisions`,
      before: `(?:作出|做出|办理|办结|实施|受理)?${escape(label(key))}(?:事项)?(?:决定书?|案件|措施)?(?:的)?(?:办件|案件)?`,
      units: '件|起|宗',
      target: target('proactive', cell(key, 'decisions')),
    });
  }
  if (edition.id === '2021') {
    const key = 'proactive.item8.fees';
    defs.push({ id: `${key}.amount`, before: `(?:收取)?${escape(label(key))}(?:金额|总额|收入)?`, units: MONEY_UNITS, target: target('proactive', cell(key, 'amount')) });
  } else {
    const key = 'proactive.item9.procurement';
    defs.push(
      { id: `${key}.projects`, before: '(?:政府)?(?:集中)?采购(?:总)?项目(?:总)?(?:数量|个数|数)?', units: '个|项|件', target: target('proactive', cell(key, 'projects')), sets: 'procurement' },
      { id: `${key}.amount`, before: '(?:政府)?(?:集中)?采购(?:总)?(?:金额|资金)', units: MONEY_UNITS, target: target('proactive', cell(key, 'amount')) },
      { id: `${key}.amount.sub`, before: '(?:累计|总)?金额', units: MONEY_UNITS, of: { procurement: target('proactive', cell(key, 'amount')) } },
    );
  }
  return defs;
}

/** 六 (2021): the 信息处理费 statement, as templates/fees.hbs and reports write it. */
function feeDefs(): PhraseDef[] {
  const fees = (column: string) => target('fees', cell('fees', column));
  return [
    { id: 'fees.noticesIssued', before: '(?:发出|发送|送达|开具|出具)(?:了)?(?:信息处理费)?(?:的)?收费通知(?:书|单)?', units: '件|份|次|个', target: fees('noticesIssued'), sets: 'feeNotices' },
    { id: 'fees.amountNotified', before: '通知(?:收费|缴费|缴纳|收取)(?:的)?(?:信息处理费)?(?:金额|总额)?|收费通知(?:书)?(?:的)?(?:金额|总额)', units: MONEY_UNITS, target: fees('amountNotified') },
    {
      id: 'fees.amountCollected',
      before: '(?:实际)?(?:收取|收缴|实收|收到)(?:了)?(?:政府信息公开)?(?:的)?信息处理费(?:金额|总额)?|信息处理费(?:实际)?(?:收取|收入)(?:金额)?|实际收取(?:金额)?',
      units: MONEY_UNITS,
      target: fees('amountCollected'),
    },
    { id: 'fees.amountNotified.sub', before: '(?:收费)?(?:金额|总额)', units: MONEY_UNITS, of: { feeNotices: fees('amountNotified') } },
  ];
}

const compiled = new WeakMap<Edition, Phrase[]>();

/** The compiled phrase table of an edition (memoised: editions are constants). */
export function phrasesOf(edition: Edition): readonly Phrase[] {
  let table = compiled.get(edition);
  if (!table) {
    table = phraseDefs(edition).map((d) => ({
      ...d,
      before: d.before === undefined ? undefined : new RegExp(`(?:${d.before})${CONNECT}$`),
      after: d.after === undefined ? undefined : new RegExp(d.after),
      unitSet: new Set(d.units.split('|')),
    }));
    compiled.set(edition, table);
  }
  return table;
}

/** The ids of every phrase of an edition (for the editor's hints and the tests). */
export function phraseIds(edition: Edition): string[] {
  return phrasesOf(edition).map((p) => p.id);
}

const TOKEN = new RegExp(`(${NUMBER_SOURCE})[ \\t\\u00a0\\u2002\\u2003\\u3000]*(${ALL_UNITS.join('|')})`, 'g');

/** Sentences of a paragraph as [start, end) offsets, the end mark excluded. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index > start) out.push([start, m.index]);
    start = m.index + 1;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/**
 * Every figure of one paragraph that the phrase table ties to a cell, in text order. A number
 * whose words fit no phrase is not a figure (dates, 条例 articles, 政务信息 counts).
 */
export function readFigures(text: string, edition: Edition): FigureMention[] {
  const table = phrasesOf(edition);
  const out: FigureMention[] = [];
  let subject: Subject | null = null;
  for (const [s, e] of sentences(text)) {
    const sentence = text.slice(s, e);
    // A subject carries into the next sentence only when that one goes on with 其中….
    if (!/^\s*(?:其中|另有|另)/.test(sentence)) subject = null;
    let breakdown = false;
    let windowStart = s;
    for (const m of sentence.matchAll(TOKEN)) {
      const start = s + m.index;
      const numberEnd = start + m[1]!.length;
      const end = start + m[0].length;
      const value = readNumber(m[1]!);
      const window = text.slice(windowStart, start);
      windowStart = end;
      if (value === null) continue;
      if (window.includes('其中')) breakdown = true;
      const unit = m[2]!;
      const found = match(table, window.slice(-WINDOW), text.slice(end, Math.min(e, end + WINDOW)), unit, subject, breakdown);
      if (!found) continue;
      if (found.phrase.sets) subject = found.phrase.sets;
      out.push({ phrase: found.phrase.id, ...found.target, value, unit, start, end: numberEnd, quoteStart: start - found.quoteBefore, quoteEnd: end + found.quoteAfter });
    }
  }
  return out;
}

/** No phrase reaches further from its number than this (characters); bounds the work on long sentences. */
const WINDOW = 60;

interface Match {
  phrase: Phrase;
  target: Target;
  /** How far the quoted words reach before the number and after the unit. */
  quoteBefore: number;
  quoteAfter: number;
}

/**
 * The first phrase that fits a number: words before it first (in table order), then the
 * phrases whose words follow the number (`另有72件…顺延到下年度`) when no words before fit.
 */
function match(table: readonly Phrase[], before: string, after: string, unit: string, subject: Subject | null, breakdown: boolean): Match | null {
  for (const pass of [true, false]) {
    for (const phrase of table) {
      if ((phrase.before !== undefined) !== pass || !phrase.unitSet.has(unit)) continue;
      if (phrase.notInBreakdown && breakdown) continue;
      const t = phrase.target ?? (subject ? phrase.of?.[subject] : undefined);
      if (!t) continue;
      let quoteBefore = 0;
      let quoteAfter = 0;
      if (phrase.before) {
        const b = phrase.before.exec(before);
        if (!b) continue;
        quoteBefore = before.length - b.index;
      }
      if (phrase.after) {
        const a = phrase.after.exec(after);
        if (!a) continue;
        quoteAfter = a.index + a[0].length;
      }
      return { phrase, target: t, quoteBefore, quoteAfter };
    }
  }
  return null;
}
