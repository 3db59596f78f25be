import type { FontRole } from '../../model/style.js';
import { hasGlyph } from '../../fonts/coverage.js';
import type { FontSet, ResolvedFace } from '../../fonts/resolve.js';
import type { Metrics } from './types.js';

/** Advance widths from the resolved faces (fontkit layout, as pdfkit draws), memoised per face. */
export function fontMetrics(set: FontSet): Metrics & { face(role: FontRole): ResolvedFace } {
  const widths = new Map<string, number>();
  const face = (role: FontRole): ResolvedFace => {
    const f = set.faces[role] ?? (role === 'latin' ? set.faces.body : undefined);
    if (!f) throw new Error(`没有可用于“${role}”的字体（nianbao fonts 可查看字体情况）`);
    return f;
  };
  return {
    face,
    hasLatin: set.faces.latin !== undefined,
    bold: (role) => face(role).bold,
    covers: (role, ch) => hasGlyph(face(role).font, ch.codePointAt(0)!),
    width(role, size, text) {
      const f = face(role);
      const key = `${f.file}#${f.postscriptName}\u0000${text}`;
      let em = widths.get(key);
      if (em === undefined) {
        em = f.font.layout(text).advanceWidth / f.font.unitsPerEm;
        widths.set(key, em);
      }
      return em * size;
    },
  };
}
