/**
 * The phrase table (design.md "One phrase table for prose checks"): the one place that ties the
 * words of a report to the table cells they speak of. `check` compares what it reads with the
 * tables, `import` reads the 信息处理费 figures of 六 with it, the editor's hints will show which
 * cell a number refers to. Pure: no Node built-in, it runs in the browser.
 *
 * A figure is read number first: every number with a unit (`3119 件`, `14,068件`, `十二件`,
 * `7.463万元`) is found, then the words right before it — since the previous number or the start
 * of the sentence — are matched, anchored at their end, against the phrases in order
 * (applications.ts for 三 and 四, proactive.ts for 二 and 六, built on words.ts); the
 * first that fits names the cell. A few phrases put the words after the number (`另有72件…顺延到
 * 下年度`). `其中…` sub-counts (`其中维持2件`) are read against the subject the sentence set
 * (行政复议, 收到的申请, 规范性文件 …). What the table does not define cannot be matched here:
 * the cells are named by row key and column key of `src/editions/`, labels are read from there.
 */
import type { Edition } from '../../editions/types.js';
import { applicationDefs } from './applications.js';
import { NUMBER_SOURCE, readNumber } from './numerals.js';
import { feeDefs, proactiveDefs } from './proactive.js';
import type { PhraseDef, Subject, Target } from './words.js';

export type { CellRef, ProseFamily, Target } from './words.js';

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

interface Phrase extends Omit<PhraseDef, 'before' | 'after'> {
  before?: RegExp;
  after?: RegExp;
  unitSet: ReadonlySet<string>;
}

/** Between the phrase and the number: `申请数量共计为 3119 件`, `予以公开的 12 件`. */
const CONNECT = '\\s*(?:数量|总数|总量|件数|数)?\\s*(?:(?:共计|合计|累计|总计|共有|共|计|达到|达|为|有|是|了|的)\\s*){0,3}';
/** Every unit a figure may carry; a number followed by anything else is not read. */
const ALL_UNITS = ['万元', '元', '件', '起', '个', '宗', '份', '部', '篇', '项', '案', '例', '次', '条', '家'];
/** A sentence ends here; sub-count subjects and windows do not cross it. */
const SENTENCE_END = /[。；;！？!?\n]/g;

/** The phrase table of an edition, in matching order (the more specific first). */
function phraseDefs(edition: Edition): PhraseDef[] {
  return [...applicationDefs(edition), ...proactiveDefs(edition), ...(edition.id === '2021' ? feeDefs() : [])];
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
