import { SECTION_KEYS, type SectionKey } from '../editions/types.js';
import { SECTION_TITLES } from '../editions/common.js';
import { dice, norm } from './match.js';

export interface Heading {
  /** The sections this heading opens; two for a five-part report's merged 三 (seed 002). */
  keys: SectionKey[];
  /** The numeral as printed (`一`, `1`), or null for an unnumbered heading (Word auto-numbering lost). */
  number: string | null;
  text: string;
}

const CHINESE = '一二三四五六七八九十';
/** The official heading text without its numeral: `总体情况`. */
const BODY: Record<SectionKey, string> = Object.fromEntries(SECTION_KEYS.map((k) => [k, SECTION_TITLES[k].replace(/^[一二三四五六]、/, '')])) as Record<SectionKey, string>;

function classify(body: string): SectionKey[] {
  if (/总体情况/.test(body)) return ['overview'];
  if (/(收到和处理|依申请)/.test(body) && /(行政复议|行政诉讼)/.test(body)) return ['applications', 'review'];
  if (/(收到和处理|申请情况)/.test(body)) return ['applications'];
  if (/主动公开/.test(body)) return ['proactive'];
  if (/(行政复议|行政诉讼)/.test(body)) return ['review'];
  if (/问题/.test(body) && /(改进|整改)/.test(body)) return ['problems'];
  if (/其他/.test(body) && /(事项|情况)/.test(body)) return ['other'];
  return [];
}

/**
 * Whether a paragraph is one of the six section headings (spec §1.2), allowing the variants
 * reports print: `1、 总体情况` (Word auto-numbering), `五、政府信息公开工作存在的主要问题及改进情况`,
 * typos (`六、其他说要报告的事项`) and the five-part merged 三 of seed 002. `after` is the index
 * of the last section seen: headings only move forward, so a `1.主动公开情况` item inside 一
 * is not taken for section 二.
 */
export function headingOf(text: string, after: number): Heading | null {
  const t = text.replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, '');
  if ([...t].length > 60 || /[。；;]/.test(t) || /^（/.test(t)) return null;
  const m = new RegExp(`^([${CHINESE}]{1,2}|\\d{1,2})[、.．，,]?(.*)$`).exec(t);
  const number = m && m[2] !== '' ? m[1]! : null;
  const body = number ? m![2]! : t;
  const keys = classify(body);
  if (keys.length === 0) return null;
  const index = SECTION_KEYS.indexOf(keys[0]!);
  if (index <= after) return null;
  const official = BODY[keys[0]!];
  if (number === null || /\d/.test(number)) {
    // Unnumbered or Arabic: only when the text is clearly the heading itself, in its place.
    if (keys.length === 1 && dice(norm(body), norm(official)) < 0.6) return null;
    if (number !== null && Number(number) !== index + 1) return null;
  }
  return { keys, number, text: text.trim() };
}

export function officialNumber(key: SectionKey): string {
  return CHINESE[SECTION_KEYS.indexOf(key)]!;
}

export { BODY as SECTION_BODIES };
