import type { Font } from 'fontkit';

const cache = new WeakMap<Font, Map<number, boolean>>();

/** Whether the face has a real glyph (not .notdef) for the code point; memoised per face. */
export function hasGlyph(font: Font, codePoint: number): boolean {
  let m = cache.get(font);
  if (!m) cache.set(font, (m = new Map()));
  let v = m.get(codePoint);
  if (v === undefined) {
    v = font.hasGlyphForCodePoint(codePoint);
    m.set(codePoint, v);
  }
  return v;
}

/** Characters of `text` the face cannot draw (each listed once, in order); whitespace is ignored. */
export function missingChars(font: Font, text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    if (!hasGlyph(font, ch.codePointAt(0)!) && !out.includes(ch)) out.push(ch);
  }
  return out;
}
