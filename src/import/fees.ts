import { readFigures } from '../check/phrases/figures.js';
import { TEMPLATES } from '../compose/text.js';
import { getEdition } from '../editions/index.js';
import type { DraftFees } from './draft.js';

type FeeKey = keyof DraftFees;
const KEYS: readonly FeeKey[] = ['noticesIssued', 'amountNotified', 'amountCollected'];

/**
 * Finds the 信息处理费 statement the project writes into 六 (2021 edition) and reads its figures
 * back into `fees:`, so that a rendered report imports to the file it came from. The figures are
 * read with the phrase table (check/phrases/), the same that `check` holds against `fees:`; a
 * paragraph counts as the statement when the template, filled with them, gives it back exactly —
 * any other wording stays in 六 as the clerk wrote it.
 */
export function readFees(paragraphs: string[]): { fees: DraftFees; rest: string[] } | null {
  const none = TEMPLATES.feesNone({});
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const rest = paragraphs.filter((_, j) => j !== i);
    if (p === none) return { fees: { noticesIssued: '0', amountNotified: '0', amountCollected: '0' }, rest };
    const fees = feeFigures(p);
    if (fees && TEMPLATES.fees(Object.fromEntries(KEYS.map((k) => [`fees.${k}`, fees[k]!]))) === p) return { fees, rest };
  }
  for (let i = 0; i < paragraphs.length; i++) {
    const own = ownWording(paragraphs[i]!);
    if (own) return { fees: own.fees, rest: paragraphs.map((p, j) => (j === i ? own.text : p)) };
  }
  return null;
}

/** Each 信息处理费 figure a paragraph states, by the phrase table: the key and the number's span as written. */
function feeMentions(paragraph: string): { key: FeeKey; start: number; end: number }[] {
  return readFigures(paragraph, getEdition('2021'))
    .filter((m) => m.family === 'fees' && m.cells.length === 1)
    .map((m) => ({ key: m.cells[0]!.column as FeeKey, start: m.start, end: m.end }));
}

/** The three figures a paragraph states (as written), or null unless it states each once. */
function feeFigures(paragraph: string): DraftFees | null {
  const found: Partial<Record<FeeKey, string>> = {};
  for (const m of feeMentions(paragraph)) {
    if (found[m.key] !== undefined) return null;
    found[m.key] = paragraph.slice(m.start, m.end);
  }
  return KEYS.every((k) => found[k] !== undefined) ? (found as DraftFees) : null;
}

/**
 * The common wordings of real 2021+ reports (`全年收取政府信息公开信息处理费0元`, `发出收费通知2件，
 * 通知收费金额300元，实际收取信息处理费100元`, `未收取信息处理费`), read through the phrase table:
 * the figures go to `fees:` and the sentence stays in 六 as printed, each figure quoted as
 * `{{fees.…}}` (so text and figures cannot disagree; compose then prints no standard sentence of
 * its own). A figure the sentence does not state is 0.
 */
function ownWording(p: string): { fees: DraftFees; text: string } | null {
  if (!/信息处理费/.test(p)) return null;
  const fees: DraftFees = { noticesIssued: '0', amountNotified: '0', amountCollected: '0' };
  const mentions = feeMentions(p);
  // The first mention of each figure is the one read and quoted; replaced from the end, so the
  // earlier offsets stay valid.
  const firsts = mentions.filter((m, i) => mentions.findIndex((x) => x.key === m.key) === i);
  let text = p;
  for (const m of [...firsts].reverse()) {
    fees[m.key] = p.slice(m.start, m.end);
    text = `${text.slice(0, m.start)}{{fees.${m.key}}}${text.slice(m.end)}`;
  }
  const none = mentions.length === 0 && /(未|没有|无)(收取|产生)(任何)?(政府信息公开)?信息处理费/.test(p);
  return mentions.length > 0 || none ? { fees, text } : null;
}
