import { escapeXml } from '../docx/xml.js';

/** Points (the layout's unit) in micrometres: OFD lengths are millimetres, written to 1 µm. */
export const UM_PER_PT = 25400 / 72;

/** A length in points as whole micrometres. */
export const um = (pt: number): number => Math.round(pt * UM_PER_PT);

/** Whole micrometres as an OFD number in millimetres: at most three decimals, no trailing zeros. */
export function mm(micrometres: number): string {
  if (micrometres === 0) return '0';
  const sign = micrometres < 0 ? '-' : '';
  const a = Math.abs(micrometres);
  const whole = Math.floor(a / 1000);
  const frac = a % 1000;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
}

/** A length in points as an OFD number in millimetres. */
export const mmOf = (pt: number): string => mm(um(pt));

/**
 * An ST_Array of micrometre values with runs of three or more equal values written as `g n v`
 * (the `g` shorthand GB/T 33190 gives DeltaX and DeltaY), the usual case of a line of CJK
 * characters on the 28-per-line grid.
 */
export function deltaArray(values: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j++;
    const n = j - i;
    if (n >= 3) out.push('g', String(n), mm(values[i]!));
    else for (let k = i; k < j; k++) out.push(mm(values[k]!));
    i = j;
  }
  return out.join(' ');
}

/** Element content and attribute values; a character XML 1.0 cannot carry (a control character, a lone surrogate) becomes U+FFFD. */
export function xmlText(text: string): string {
  return escapeXml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}
