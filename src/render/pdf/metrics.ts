import type { FontRole } from '../../model/style.js';
import { hasGlyph } from '../../fonts/coverage.js';
import { glyphBox } from '../../fonts/load.js';
import type { FontSet, ResolvedFace } from '../../fonts/resolve.js';
import { shapeUnit } from './shaping.js';
import type { Metrics } from './types.js';

/** Advance widths from the resolved faces, shaped as the painter draws them (shaping.ts). */
export function fontMetrics(set: FontSet): Metrics & { face(role: FontRole): ResolvedFace } {
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
    inkMiddle(role, size, char) {
      const f = face(role);
      const box = glyphBox(f, char.codePointAt(0)!);
      return ((box.minY + box.maxY) / 2 / f.font.unitsPerEm) * size;
    },
    width(role, size, text) {
      return (shapeUnit(face(role).font, text).advanceWidth / 1000) * size;
    },
  };
}
