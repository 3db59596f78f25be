import type { FontSet, ResolvedFace } from '../../../fonts/resolve.js';
import { ROLES } from '../../../fonts/roles.js';
import type { FontRole, Style } from '../../../model/style.js';
import type { RenderWarning } from '../../types.js';

/** Word keeps one regular and one bold font per font-table name (`w:embedRegular`, `w:embedBold`). */
export type Slot = 'regular' | 'bold';

/** One font to embed: the face that serves it, under the name the runs give, for these characters. */
export interface EmbedFont {
  /** The `w:font` name, as the runs' `w:eastAsia` (or `w:ascii`) gives it. */
  name: string;
  slot: Slot;
  face: ResolvedFace;
  /** The roles it serves, in ROLES order. */
  roles: FontRole[];
  text: string;
}

/**
 * Roles → the fonts to embed. Roles whose runs name the same face share one font (宋体 serves the
 * tables and the page numbers; 仿宋_GB2312 the body and the 1. headings). The bold 1. headings
 * get their own `w:embedBold` font only when their face really is bold (the Noto Serif SC Bold
 * fallback); otherwise Word and LibreOffice embolden the regular font, as without embedding. When
 * roles sharing a name resolve to different faces (a `--font` for one of them), the first wins.
 */
export function planEmbedding(texts: Map<FontRole, string>, set: FontSet, style: Style): { fonts: EmbedFont[]; warnings: RenderWarning[] } {
  const fonts: EmbedFont[] = [];
  const warnings: RenderWarning[] = [];
  for (const role of ROLES) {
    const text = texts.get(role);
    if (!text) continue;
    const name = style.fonts[role];
    const face = set.faces[role];
    if (!face) {
      // Times New Roman is on every Windows and Mac; without it the CJK face sets the digits here.
      if (role !== 'latin') warnings.push({ code: 'docx/embed-font-missing', message: `找不到“${name}”的字体文件，未嵌入该字体` });
      continue;
    }
    const slot: Slot = role === 'heading3' && style.heading3Bold && face.bold ? 'bold' : 'regular';
    const same = fonts.find((f) => f.name === name && f.slot === slot);
    if (!same) {
      fonts.push({ name, slot, face, roles: [role], text });
      continue;
    }
    if (same.face.file !== face.file || same.face.postscriptName !== face.postscriptName) {
      warnings.push({ code: 'docx/embed-font-shared', message: `Word 中“${name}”只能嵌入一个字体：用 ${same.face.postscriptName}，不用 ${face.postscriptName}` });
    }
    same.roles.push(role);
    same.text += text;
  }
  return { fonts, warnings };
}
