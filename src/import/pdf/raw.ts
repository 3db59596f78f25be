/**
 * What the PDF worker (extract.ts) hands back for each page: pdf.js's text items and the drawing
 * operators that matter for ruling lines, as plain structured-clone data. Coordinates are PDF user
 * space (origin bottom left); `viewport` maps them to the page as seen (origin top left).
 */

export interface RawTextItem {
  str: string;
  /** Text matrix × CTM: [a, b, c, d, e, f]; (e, f) is the baseline origin. */
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

/** One drawing operator: pdf.js OPS code and its arguments (see geometry.ts for the ones kept). */
export type RawOp = [fn: number, args: unknown];

export interface RawPage {
  /** The viewport transform at scale 1 (rotation and crop box applied). */
  viewport: number[];
  width: number;
  height: number;
  items: RawTextItem[];
  /** Font names of vertical-writing fonts (Identity-V), whose glyphs run top to bottom. */
  verticalFonts: string[];
  ops: RawOp[];
  /** Images painted on the page (a scan is an image and no text). */
  images: number;
}

export interface RawPdf {
  pages: RawPage[];
  /** Document information dictionary entries (Title, Author, …) as strings. */
  info: Record<string, string>;
}

/** pdf.js operator codes (pdfjs-dist 5, `OPS`), pinned: extract.test.ts checks them against the library. */
export const OP = {
  setLineWidth: 2,
  setGState: 9,
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
} as const;

/** Path segment codes inside a constructPath buffer (pdf.js `DrawOPS`). */
export const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, closePath: 3 } as const;

/** Image painting operators (pdf.js OPS): paintImageMaskXObject, paintImageXObject, paintInlineImageXObject, …Group, …Repeat. */
export const IMAGE_OPS = [83, 84, 85, 86, 87, 88, 89] as const;
