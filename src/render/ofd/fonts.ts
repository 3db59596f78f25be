import type { ResolvedFace } from '../../fonts/resolve.js';
import { embeddingRestricted, fsType } from '../../fonts/sfnt.js';
import { faceTable, standaloneSubset, type FontkitSubset } from '../../fonts/standalone.js';
import type { RenderWarning } from '../types.js';
import type { Ids } from './ids.js';

/** One face of the document as an OFD `Font` resource: its ID and the glyphs drawn with it. */
export interface OfdFont {
  id: number;
  face: ResolvedFace;
  /** The glyph index the OFD names for a glyph of the face: the embedded subset's, or the face's own when not embedded. */
  glyph(gid: number): number;
  /** The glyph index of a character's nominal glyph (its `cmap` entry), added to the subset. */
  nominal(codePoint: number): number;
}

/** A `Font` of PublicRes.xml: its attributes and, when the licence allows, the font file. */
export interface FontResource {
  id: number;
  fontName: string;
  familyName: string;
  bold: boolean;
  /** File name inside the resource folder, and its bytes; absent when not embedded. */
  file?: { name: string; bytes: Uint8Array };
}

interface Entry {
  font: OfdFont;
  /** Absent when the licence forbids embedding. */
  subset?: FontkitSubset;
  unicodes: Map<number, number>;
}

/**
 * The faces a document draws with, each given an ID on first use and subset to the glyphs drawn
 * in the order they are drawn, as pdfkit subsets them for the PDF (fontkit's `createSubset`), plus
 * the nominal glyph of every character so that the embedded file's `cmap` maps each code. A face
 * whose OS/2 fsType forbids embedding (the rule DOCX `--embed-fonts` follows) is only named, with
 * the face's own glyph indices, and the user is warned.
 */
export class OfdFonts {
  /** By file and PostScript name: several roles resolve to the same face (each role has its own ResolvedFace). */
  private readonly byFace = new Map<string, Entry>();

  constructor(private readonly ids: Ids) {}

  use(face: ResolvedFace): OfdFont {
    const key = `${face.file}#${face.postscriptName}`;
    let e = this.byFace.get(key);
    if (!e) {
      const os2 = faceTable(face.font, face.data.view, 'OS/2');
      const restricted = os2 !== undefined && embeddingRestricted(fsType({ version: 0, tables: new Map([['OS/2', os2]]) }));
      const subset = restricted ? undefined : (face.font as unknown as { createSubset(): FontkitSubset }).createSubset();
      const unicodes = new Map<number, number>();
      const glyph = subset ? (gid: number) => subset.includeGlyph(gid) : (gid: number) => gid;
      const nominal = (cp: number) => {
        let g = unicodes.get(cp);
        if (g === undefined) unicodes.set(cp, (g = glyph(face.font.glyphForCodePoint(cp).id)));
        return g;
      };
      e = { font: { id: this.ids.next(), face, glyph, nominal }, unicodes, ...(subset ? { subset } : {}) };
      this.byFace.set(key, e);
    }
    return e.font;
  }

  resources(): { fonts: FontResource[]; warnings: RenderWarning[] } {
    const warnings: RenderWarning[] = [];
    const fonts = [...this.byFace.values()].map(({ font, subset, unicodes }): FontResource => {
      const f = font.face.font;
      const res: FontResource = { id: font.id, fontName: f.postscriptName, familyName: f.familyName, bold: font.face.bold };
      if (!subset) {
        warnings.push({ code: 'ofd/font-restricted', message: `字体 ${f.postscriptName}（${f.familyName}）的授权不允许嵌入（OS/2 fsType），OFD 中未嵌入，只写了字体名称；没有这个字体的电脑会用别的字体显示` });
        return res;
      }
      const bytes = standaloneSubset(f, font.face.data.view, subset, unicodes);
      return { ...res, file: { name: `font_${font.id}.${subset.cff != null ? 'otf' : 'ttf'}`, bytes } };
    });
    return { fonts, warnings };
  }
}
