import type { Figure } from '../model/report.js';
import type { Printed } from '../import/draft.js';

const decimals = (text: string) => /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
const unitOf = (text: string) => /(万元|元)\s*$/.exec(text)?.[1] ?? '';

/**
 * The sum of one cell over several reports, printed. Blank + blank stays blank, blank + n = n
 * (spec §4.4). Money keeps the largest number of decimals any input printed and its unit when
 * all inputs that print one agree; amounts in 元 are converted when others are in 万元.
 */
export function sumPrinted(figures: Figure[]): { printed: Printed; unsure?: string } {
  const present = figures.filter((f) => f.value !== null);
  if (present.length === 0) return { printed: null };
  const kind = present[0]!.kind;
  if (kind !== 'money') return { printed: String(present.reduce((s, f) => s + f.value!, 0)) };
  const units = new Set(present.map((f) => unitOf(f.text)).filter((u) => u !== ''));
  let unsure: string | undefined;
  let unit = units.size === 1 ? [...units][0]! : '';
  let values = present.map((f) => ({ value: f.value!, places: decimals(f.text) }));
  if (units.size > 1) {
    // Mixed 元 and 万元: everything in 万元, with enough places to keep every 元 amount exact.
    unit = '万元';
    values = present.map((f) => (unitOf(f.text) === '元' ? { value: f.value! / 10000, places: decimals(f.text) + 4 } : { value: f.value!, places: decimals(f.text) }));
    unsure = '各机关的金额单位不同（元、万元），已统一换算为万元';
  }
  if (units.size > 0 && present.some((f) => unitOf(f.text) === '')) {
    unsure = `有的机关的金额没有写单位，已按“${unit}”合计，请核实`;
  }
  const places = Math.max(...values.map((v) => v.places));
  const scale = 10 ** places;
  // Integer arithmetic on the scaled amounts: 0.1 + 0.2 prints 0.3, not 0.30000000000000004.
  const total = values.reduce((s, v) => s + Math.round(v.value * scale), 0) / scale;
  return unsure ? { printed: `${total.toFixed(places)}${unit}`, unsure } : { printed: `${total.toFixed(places)}${unit}` };
}
