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
  return null;
}

/** The three figures a paragraph states (as written), or null unless it states each once. */
function feeFigures(paragraph: string): DraftFees | null {
  const found: Partial<Record<FeeKey, string>> = {};
  for (const m of readFigures(paragraph, getEdition('2021'))) {
    if (m.family !== 'fees' || m.cells.length !== 1) continue;
    const key = m.cells[0]!.column as FeeKey;
    if (found[key] !== undefined) return null;
    found[key] = paragraph.slice(m.start, m.end);
  }
  return KEYS.every((k) => found[k] !== undefined) ? (found as DraftFees) : null;
}
