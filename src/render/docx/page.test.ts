import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, MM_TO_PT } from '../../model/style.js';
import { footerDistanceTwips, textWidthTwips } from './page.js';
import { fixedDate, patchCore } from './pack.js';

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
  const meta = { title: 't', author: 'a', subject: 's', keywords: [], date: '2022-01-20', lang: 'zh-CN' as const };
  const core =
    '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2030-05-05T10:11:12.000Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2030-05-05T10:11:12.000Z</dcterms:modified></cp:coreProperties>';

  it('takes every timestamp from the report date and adds the language once', () => {
    const out = patchCore(core, meta);
    expect(out).not.toContain('2030');
    expect(out.match(/2022-01-20T00:00:00Z/g)).toHaveLength(2);
    expect(patchCore(out, meta).match(/<dc:language>zh-CN<\/dc:language>/g)).toHaveLength(1);
  });

  it('falls back to a fixed date for a date that does not parse', () => {
    expect(fixedDate('2022-01-20').toISOString()).toBe('2022-01-20T12:00:00.000Z');
    expect(fixedDate('not a date').getUTCFullYear()).toBe(2000);
  });
});
