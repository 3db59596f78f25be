import { describe, expect, it } from 'vitest';
import { chineseNumeral, readNumber } from './numerals.js';

describe('readNumber: the number forms reports use', () => {
  it('reads ASCII and full-width digits, thousands separators and decimals', () => {
    expect(readNumber('3119')).toBe(3119);
    expect(readNumber('14,068')).toBe(14068);
    expect(readNumber('14，068')).toBe(14068);
    expect(readNumber('1,234,567')).toBe(1234567);
    expect(readNumber('１２')).toBe(12);
    expect(readNumber('１４，０６８')).toBe(14068);
    expect(readNumber('7.463')).toBe(7.463);
    expect(readNumber('5949.088667')).toBe(5949.088667);
    expect(readNumber('０．５')).toBe(0.5);
  });

  it('reads Chinese numerals', () => {
    const cases: [string, number][] = [
      ['零', 0], ['〇', 0], ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['一百零五', 105], ['一百一十', 110],
      ['三千零二十', 3020], ['两千', 2000], ['一万二千', 12000], ['十万', 100000], ['一亿零一万', 100010000],
    ];
    for (const [s, n] of cases) expect(readNumber(s), s).toBe(n);
  });

  it('refuses what is not a count: years digit by digit, units out of order', () => {
    for (const s of ['二〇二一', '一二', '二〇', '万', '千', '百十', '十百', '', '1.2.3']) expect(readNumber(s), s).toBeNull();
  });

  it('chineseNumeral writes what readNumber reads back, 0 to 20,000 and large numbers', () => {
    for (let n = 0; n <= 20_000; n++) expect(readNumber(chineseNumeral(n))).toBe(n);
    for (const n of [100_000, 1_000_005, 10_001_000, 123_456_789, 100_010_000, 999_999_999_999]) expect(readNumber(chineseNumeral(n))).toBe(n);
    expect(chineseNumeral(105)).toBe('一百零五');
    expect(chineseNumeral(12)).toBe('十二');
    expect(chineseNumeral(10_005)).toBe('一万零五');
  });
});
