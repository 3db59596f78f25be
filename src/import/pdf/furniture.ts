import type { Line } from './lines.js';

/** `-1-`, `— 1 —`, `- 2 -`, `第 3 页`, `3 / 5`, `第1页 共5页`, a bare `4`. */
export const PAGE_NUMBER = /^[-—–－―~·•\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?\s*(页)?[-—–－―~·•\s]*$/;

/** The top and bottom bands of a page where headers, footers and page numbers sit (share of the page height). */
const TOP_BAND = 0.1;
const BOTTOM_BAND = 0.12;

/**
 * Leaves out page furniture: page numbers in the top or bottom band, and running headers and
 * footers (a line in those bands that repeats, digits aside, on at least half of the pages).
 * `heights` is each page's height. Returns the lines kept and how many were dropped.
 */
export function dropFurniture(pages: Line[][], heights: number[]): { pages: Line[][]; dropped: number } {
  const inBand = (l: Line) => l.bottom <= heights[l.page]! * TOP_BAND || l.top >= heights[l.page]! * (1 - BOTTOM_BAND);
  const shape = (l: Line) => `${l.top < heights[l.page]! / 2 ? 'T' : 'B'}:${l.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;
  const seen = new Map<string, Set<number>>();
  for (const page of pages) for (const l of page) if (inBand(l)) {
    const s = shape(l);
    if (!seen.has(s)) seen.set(s, new Set());
    seen.get(s)!.add(l.page);
  }
  const repeated = (l: Line) => pages.length >= 2 && (seen.get(shape(l))?.size ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  let dropped = 0;
  const kept = pages.map((page) =>
    page.filter((l) => {
      const drop = inBand(l) && (PAGE_NUMBER.test(l.text) || repeated(l));
      if (drop) dropped++;
      return !drop;
    }),
  );
  return { pages: kept, dropped };
}
