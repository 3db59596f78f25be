/**
 * GB/T 9704-2012 defaults (spec §6), read by every renderer. Lengths in points (1 pt = 1/72 in)
 * unless the name says otherwise; a user may override any of them.
 */

export type FontRole = 'title' | 'heading1' | 'heading2' | 'heading3' | 'body' | 'table' | 'pageNumber' | 'latin';

export interface Style {
  page: {
    /** A4 in twips (1/20 pt): 11906 × 16838 — Word's own A4, not the rounded mm conversion. */
    widthTwips: number;
    heightTwips: number;
    /** Margins in mm: 天头 37, bottom 35, 订口 (left) 28, right 26 — a 156 × 225 mm 版心. */
    marginTopMm: number;
    marginBottomMm: number;
    marginLeftMm: number;
    marginRightMm: number;
  };
  /** 22 lines × 28 characters per page (§6.1). */
  grid: { linesPerPage: number; charsPerLine: number };
  /** Official face names per role (§6.2); renderers resolve them to files or name them in DOCX. */
  fonts: Record<FontRole, string>;
  /** Font sizes in points: 二号 22, 三号 16, 四号 14, 五号 10.5 (§6.4). */
  sizes: { title: number; body: number; heading: number; pageNumber: number; table: number; tableDense: number };
  /** Fixed line pitch of body text (§6.1 practice: 28.95 pt, the 22-line grid). */
  linePitch: number;
  /** Title line pitch (§6.2 practice: about 35 pt). */
  titleLinePitch: number;
  /** Table cell line pitch, independent of the body pitch (§6.4: 14–18 pt). */
  tableLinePitch: number;
  /** First-line indent of body paragraphs, in characters (左空二字). */
  indentChars: number;
  /** Level-3 headings (`1.`) in bold (§6.2 practice). */
  heading3Bold: boolean;
  /** Table border width in points (§6.4: 0.5 pt). */
  tableBorder: number;
  /** Space between a cell's rule and its text, in mm: 1 mm at the sides (Word's 0.1 cm default), above and below. */
  tablePadding: { xMm: number; yMm: number };
  /** Space under a table before the next paragraph, in points: half a body line (about 5 mm; Typst leaves about 7 mm to the glyphs). */
  tableSpaceAfter: number;
  /** Page number: `— N —`, 7 mm below the 版心, one character in from the outer edge (§6.3). */
  pageNumber: { belowTextMm: number; insetChars: number; dash: string };
}

export const DEFAULT_STYLE: Style = {
  page: { widthTwips: 11906, heightTwips: 16838, marginTopMm: 37, marginBottomMm: 35, marginLeftMm: 28, marginRightMm: 26 },
  grid: { linesPerPage: 22, charsPerLine: 28 },
  fonts: {
    title: '方正小标宋简体',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    heading3: '仿宋_GB2312',
    body: '仿宋_GB2312',
    table: '宋体',
    pageNumber: '宋体',
    latin: 'Times New Roman',
  },
  sizes: { title: 22, body: 16, heading: 16, pageNumber: 14, table: 10.5, tableDense: 9 },
  linePitch: 28.95,
  titleLinePitch: 35,
  tableLinePitch: 15,
  indentChars: 2,
  heading3Bold: true,
  tableBorder: 0.5,
  tablePadding: { xMm: 1, yMm: 0.7 },
  tableSpaceAfter: 14.5,
  pageNumber: { belowTextMm: 7, insetChars: 1, dash: '—' },
};

export const MM_TO_PT = 72 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * MM_TO_PT * 20);
