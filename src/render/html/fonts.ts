import { FALLBACK_FAMILIES, OFFICIAL_FACES, officialFace } from '../../fonts/faces.js';
import type { FontRole, Style } from '../../model/style.js';
import { cssString } from './escape.js';

/**
 * font-family stacks, from the official face (spec §6.2) through the names the same design has
 * on Windows, macOS and Linux, then the open faces of the same style (霞鹜文楷 for 楷体, the heaviest
 * Noto Serif CJK for 小标宋) and the open CJK faces, then a generic family. All names come from
 * the one face table the PDF resolves with (fonts/faces.ts). Nothing is fetched: the page only
 * names faces the reader's system may have.
 */

/** The family name of the Latin face (digits and ASCII in Times New Roman, spec §6.2 practice). */
export const LATIN_FAMILY = 'nianbao-latin';

/** The family that stands for the open faces of an official face's style, or none. */
const openFamily = (official: string): string | undefined => {
  const i = Object.keys(OFFICIAL_FACES).indexOf(official);
  return i >= 0 && officialFace(official).open.length > 0 ? `nianbao-open-${i}` : undefined;
};

/**
 * Restricts the Latin face to ASCII with `unicode-range`, so that curly quotes and CJK
 * punctuation stay in the CJK face (Times New Roman has “” of Latin width). `local()` only. The
 * open faces of each style get a family of their own, by PostScript and full name (`local()`
 * matches those, and a family name would also match the Bold and Light files).
 */
export function fontFaces(style: Style): string[] {
  const faces = [style.fonts.latin, 'TimesNewRomanPSMT', 'Liberation Serif', 'Tinos'];
  const src = [...new Set(faces)].map((f) => `local(${cssString(f)})`).join(', ');
  const out = [`@font-face { font-family: ${LATIN_FAMILY}; src: ${src}; unicode-range: U+0020-007E; }`];
  for (const official of [...new Set(Object.values(style.fonts))]) {
    const family = openFamily(official);
    if (!family) continue;
    const names = officialFace(official).open.flatMap((o) => o.names);
    out.push(`@font-face { font-family: ${family}; src: ${names.map((n) => `local(${cssString(n)})`).join(', ')}; }`);
  }
  return out;
}

/** The CSS font-family value for a role: the Latin face first, then the CJK stack. */
export function fontStack(style: Style, role: FontRole): string {
  const official = style.fonts[role];
  const face = officialFace(official);
  const open = openFamily(official);
  const names = [...face.aliases, ...face.cssStandIns].map(cssString);
  return [LATIN_FAMILY, ...names, ...(open ? [open] : []), ...FALLBACK_FAMILIES[face.generic].map(cssString), face.generic].join(', ');
}
