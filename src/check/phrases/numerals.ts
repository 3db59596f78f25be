/**
 * Numbers as published reports write them (pure; runs in the browser too): ASCII or full-width
 * digits, `,`/`，` thousands separators, a decimal point, and Chinese numerals (一件, 两件,
 * 十二件, 一百零五件, 三千零二十件, 一万二千件). Spaces around a number are the phrase table's
 * business, not this module's.
 */

/**
 * One number as a regular-expression source, no capture groups. Separated thousands come first so
 * that `14,068` is read whole; a `，` is a thousands separator only before exactly three digits.
 */
export const NUMBER_SOURCE = [
  '[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])(?:[.．][0-9０-９]+)?',
  '[0-9０-９]+(?:[.．][0-9０-９]+)?',
  '[〇零一二两三四五六七八九十百千万亿]+',
].join('|');

/** The value of a number written in one of the forms above, or null when it is not a number. */
export function readNumber(written: string): number | null {
  const s = written.trim();
  if (/^[0-9０-９,，.．]+$/.test(s)) {
    const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/[,，]/g, '');
    return /^\d+(\.\d+)?$/.test(ascii) ? Number(ascii) : null;
  }
  return readChinese(s);
}

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * 十二 = 12, 一百零五 = 105, 两千 = 2000, 一万二千 = 12000. Two digits in a row (二〇二一, a year
 * spelled digit by digit) or a unit repeated out of order is not a count and gives null.
 */
function readChinese(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  let lastLarge = Infinity;
  for (const ch of s) {
    if (ch in DIGITS) {
      // A digit follows a unit or opens the number; 零 marks a skipped place (一百零五).
      if (digit !== null && !(digit === 0 && DIGITS[ch] !== 0)) return null;
      digit = DIGITS[ch]!;
    } else if (ch in SMALL) {
      const unit = SMALL[ch]!;
      if (unit >= lastSmall) return null;
      section += (digit ?? (unit === 10 ? 1 : NaN)) * unit;
      if (Number.isNaN(section)) return null;
      lastSmall = unit;
      digit = null;
    } else {
      const unit = LARGE[ch]!;
      if (unit >= lastLarge || (section === 0 && !digit)) return null;
      total += (section + (digit ?? 0)) * unit;
      lastLarge = unit;
      lastSmall = Infinity;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** `n` in Chinese numerals, as a clerk writes a count (12 → 十二, 105 → 一百零五); for tests and hints. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`no Chinese numeral for ${n}`);
  if (n === 0) return '零';
  const names = '零一二三四五六七八九';
  const below10k = (v: number, leadingZero: boolean): string => {
    let out = '';
    let zero = leadingZero;
    for (const [unit, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
      const d = Math.floor(v / unit) % 10;
      if (d === 0) {
        if (out !== '' || zero) zero = true;
        continue;
      }
      if (zero && out !== '') out += '零';
      else if (zero && leadingZero) out += '零';
      zero = false;
      out += unit === 10 && d === 1 && out === '' && !leadingZero ? '十' : `${names[d]}${name}`;
    }
    return out;
  };
  const parts: string[] = [];
  const groups = [Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4];
  const names4 = ['亿', '万', ''];
  let started = false;
  groups.forEach((g, i) => {
    if (g === 0) return;
    parts.push(below10k(g, started && g < 1000) + names4[i]);
    started = true;
  });
  return parts.join('');
}
