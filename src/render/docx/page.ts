import { AlignmentType, DocumentGridType, Footer, LineRuleType, PageNumber, TextRun, type ISectionPropertiesOptions } from 'docx';
import { mmToTwips, type Style } from '../../model/style.js';
import { OffGridParagraph } from './offgrid.js';
import { halfPoints, twips } from './runs.js';

/** Width of the 版心 in twips: the page less both side margins (156 mm by default, §6.1). */
export function textWidthTwips(style: Style): number {
  return style.page.widthTwips - mmToTwips(style.page.marginLeftMm) - mmToTwips(style.page.marginRightMm);
}

/**
 * Page setup (GB/T 9704 §5, spec §6.1): A4 in Word's own twips, the 37/35/28/26 mm margins, and
 * the document grid of 22 lines at the fixed 28.95 pt pitch. `w:charSpace` records the 28
 * characters per line (in 1/4096 pt added to the body size); with grid type `lines` Word keeps
 * it for its page-setup dialog but does not squeeze characters, so tables are left untouched.
 * (Type `linesAndChars` would give exactly 28 per line in Word, but LibreOffice then spreads
 * every character over a grid cell — tried and seen — so a line holds 27 三号 characters.)
 */
export function sectionProperties(style: Style): ISectionPropertiesOptions {
  const { page } = style;
  const charPitchPt = textWidthTwips(style) / 20 / style.grid.charsPerLine;
  return {
    page: {
      size: { width: page.widthTwips, height: page.heightTwips },
      margin: {
        top: mmToTwips(page.marginTopMm),
        bottom: mmToTwips(page.marginBottomMm),
        left: mmToTwips(page.marginLeftMm),
        right: mmToTwips(page.marginRightMm),
        header: mmToTwips(15),
        footer: footerDistanceTwips(style),
        gutter: 0,
      },
    },
    grid: {
      type: DocumentGridType.LINES,
      linePitch: twips(style.linePitch),
      charSpace: Math.round((charPitchPt - style.sizes.body) * 4096),
    },
  };
}

/**
 * Footer distance from the page edge: the page-number line is as tall as the number (exact
 * pitch), and its middle (where the 一字线 sits) is `belowTextMm` (7 mm) under the 版心 (§6.3).
 */
export function footerDistanceTwips(style: Style): number {
  return mmToTwips(style.page.marginBottomMm - style.pageNumber.belowTextMm) - Math.round(twips(style.sizes.pageNumber) / 2);
}

/**
 * Page numbers `— N —` in 四号 宋体 (§6.3; the digits too: the standard asks for 半角宋体
 * numerals): odd pages right-aligned one character in from the right, even pages left-aligned one
 * character in from the left. Needs `evenAndOddHeaders` in the settings.
 */
export function pageNumberFooters(style: Style): { default: Footer; even: Footer } {
  const face = style.fonts.pageNumber;
  const size = style.sizes.pageNumber;
  const inset = twips(style.pageNumber.insetChars * size);
  const dash = style.pageNumber.dash;
  const run = () =>
    new TextRun({
      children: [`${dash} `, PageNumber.CURRENT, ` ${dash}`],
      font: { ascii: face, hAnsi: face, cs: face, eastAsia: face, hint: 'eastAsia' },
      size: halfPoints(size),
      sizeComplexScript: halfPoints(size),
      language: { value: 'en-US', eastAsia: 'zh-CN' },
    });
  const paragraph = (odd: boolean) =>
    new OffGridParagraph({
      alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: odd ? { right: inset, left: 0, firstLine: 0 } : { left: inset, right: 0, firstLine: 0 },
      spacing: { line: twips(size), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run()],
    });
  return { default: new Footer({ children: [paragraph(true)] }), even: new Footer({ children: [paragraph(false)] }) };
}
