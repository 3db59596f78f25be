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
  for (let i = 0; i < paragraphs.length; i++) {
    const own = ownWording(paragraphs[i]!);
    if (own) return { fees: own.fees, rest: paragraphs.map((p, j) => (j === i ? own.text : p)) };
  }
  return null;
}

/**
 * The common wordings of real 2021+ reports (`全年收取政府信息公开信息处理费0元`, `发出收费通知2件，
 * 通知收费金额300元，实际收取信息处理费100元`, `未收取信息处理费`): the figures go to `fees:` and
 * the sentence stays in 六 as printed, each figure quoted as `{{fees.…}}` (so text and figures
 * cannot disagree; compose then prints no standard sentence of its own). A figure the sentence
 * does not state is 0.
 */
const OWN: [keyof DraftFees, RegExp][] = [
  ['noticesIssued', /(?:发出|发放|送达)(?:了)?(?:信息处理费)?收费通知(?:书)?(?:共)?\s*(\d+)\s*(?:件|份|次)/],
  ['amountNotified', /(?:通知|应)收(?:费|取)?(?:金额)?(?:共计|合计|为)?\s*(\d+(?:\.\d+)?)\s*元/],
  ['amountCollected', /(?:实际|全年|共|累计)?收取(?:了)?(?:政府信息公开)?(?:信息处理费|费用)(?:共计|合计|金额|为)?\s*(\d+(?:\.\d+)?)\s*元/],
];

function ownWording(p: string): { fees: DraftFees; text: string } | null {
  if (!/信息处理费/.test(p)) return null;
  const fees: DraftFees = { noticesIssued: '0', amountNotified: '0', amountCollected: '0' };
  let text = p;
  let found = false;
  for (const [key, re] of OWN) {
    const m = re.exec(text);
    if (!m) continue;
    found = true;
    fees[key] = m[1]!;
    const at = m.index + m[0].lastIndexOf(m[1]!);
    text = `${text.slice(0, at)}{{fees.${key}}}${text.slice(at + m[1]!.length)}`;
  }
  if (!found && /(未|没有|无)(收取|产生)(任何)?(政府信息公开)?信息处理费/.test(p)) found = true;
  return found ? { fees, text } : null;
}
