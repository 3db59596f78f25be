import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, MM_TO_PT } from '../../model/style.js';
import { footerDistanceTwips, textWidthTwips } from './page.js';
import { coreXml, fixedDate } from './pack.js';

describe('page geometry', () => {
  it('the 版心 is 156 mm wide', () => {
    expect(textWidthTwips(DEFAULT_STYLE)).toBe(8845);
    expect(Math.abs(textWidthTwips(DEFAULT_STYLE) / 20 / MM_TO_PT - 156)).toBeLessThan(0.1);
  });

  it('the middle of the page-number line sits 7 mm under the 版心 (GB/T 9704 §7.5)', () => {
    const footer = footerDistanceTwips(DEFAULT_STYLE);
    const lineMiddleMm = (footer + (DEFAULT_STYLE.sizes.pageNumber * 20) / 2) / 20 / MM_TO_PT;
    expect(DEFAULT_STYLE.page.marginBottomMm - lineMiddleMm).toBeCloseTo(7, 1);
  });
});

describe('core properties', () => {
  const meta = { title: '某局<2022>年报', author: 'a & b', subject: 's', keywords: [], date: '2022-01-20', lang: 'zh-CN' as const };

  it('dates created and modified from the report date, escapes the text, leaves out empty fields, adds the language', () => {
    const out = coreXml(meta);
    expect(out.match(/2022-01-20T00:00:00Z/g)).toHaveLength(2);
    expect(out).toContain('<dc:title>某局&lt;2022&gt;年报</dc:title>');
    expect(out).toContain('<dc:creator>a &amp; b</dc:creator>');
    expect(out).not.toContain('cp:keywords');
    expect(out.match(/<dc:language>zh-CN<\/dc:language>/g)).toHaveLength(1);
  });

  it('falls back to a fixed date for a date that does not parse', () => {
    expect(fixedDate('2022-01-20').toISOString()).toBe('2022-01-20T12:00:00.000Z');
    expect(fixedDate('not a date').getUTCFullYear()).toBe(2000);
  });
});
