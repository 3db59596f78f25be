import { MM_TO_PT, type Style } from '../../model/style.js';

/** Page and text-block geometry in points (spec §6.1: A4, 版心 156 × 225 mm). */
export interface Geometry {
  pageWidth: number;
  pageHeight: number;
  left: number;
  top: number;
  width: number;
  bottom: number;
  /** Character pitch of body text: the 版心 width over 28 characters (spec §6.1), ≈ 15.8 pt. */
  pitch: number;
}

export function geometry(style: Style): Geometry {
  const pageWidth = style.page.widthTwips / 20;
  const pageHeight = style.page.heightTwips / 20;
  const left = style.page.marginLeftMm * MM_TO_PT;
  const top = style.page.marginTopMm * MM_TO_PT;
  const width = pageWidth - left - style.page.marginRightMm * MM_TO_PT;
  const bottom = pageHeight - style.page.marginBottomMm * MM_TO_PT;
  return { pageWidth, pageHeight, left, top, width, bottom, pitch: width / style.grid.charsPerLine };
}

/** Baseline offset within a line slot of height `pitch`: the em box centred (ascent ≈ 0.88 em). */
export function baselineIn(pitch: number, size: number): number {
  return (pitch - size) / 2 + 0.88 * size;
}

/** Synthesised bold (a face without a bold weight): the glyphs filled and stroked this many ems wide. */
export const FAKE_BOLD_STROKE_EM = 0.03;
