import { TEMPLATES } from '../compose/text.js';
import type { DraftFees } from './draft.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = '(\\d+(?:\\.\\d+)?)';

/** The 信息处理费 sentence of templates/fees.hbs as a pattern: the figures are captured. */
const FEES = new RegExp(`^${escape(TEMPLATES.fees({ 'fees.noticesIssued': '\u0001', 'fees.amountNotified': '\u0002', 'fees.amountCollected': '\u0003' })).replace(/[\u0001-\u0003]/g, NUMBER)}$`);

/**
 * Finds the 信息处理费 statement the project writes into 六 (2021 edition) and reads its figures
 * back into `fees:`, so that a rendered report imports to the file it came from.
 */
export function readFees(paragraphs: string[]): { fees: DraftFees; rest: string[] } | null {
  const none = TEMPLATES.feesNone({});
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const rest = paragraphs.filter((_, j) => j !== i);
    if (p === none) return { fees: { noticesIssued: '0', amountNotified: '0', amountCollected: '0' }, rest };
    const m = FEES.exec(p);
    if (m) return { fees: { noticesIssued: m[1]!, amountNotified: m[2]!, amountCollected: m[3]! }, rest };
  }
  return null;
}
