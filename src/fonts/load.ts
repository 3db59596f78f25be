import * as fontkit from 'fontkit';
import { ensureOutline, fastTrueTypeSubsets } from './fastSubset.js';
import { openFontFile } from './files.js';
import { seedGlyphMetrics, seedLoca } from './fastTables.js';
import { unreadableFontFile, type FontData } from './lazyFile.js';

/** A parsed face and the file it came from (subsetting for DOCX needs the whole file: `data.whole()`). */
export interface LoadedFace {
  file: string;
  postscriptName: string;
  font: fontkit.Font;
  /** The file's bytes as fontkit reads them; its outlines may be unread until a glyph is embedded. */
  data: FontData;
}

export class FontFileError extends Error {}

/** Parsed once per process and reused (design.md: re-reading a font per cell is 36× slower). */
const cache = new Map<string, LoadedFace>();
const fileData = new Map<string, FontData>();

/**
 * Opens one face of a font file: a `.ttf`/`.otf` directly, a `.ttc` by PostScript name (or its
 * first face). Throws FontFileError with a Chinese message naming the file when it is not a font.
 */
export function loadFace(file: string, postscriptName?: string): LoadedFace {
  const key = `${file}#${postscriptName ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let data = fileData.get(file);
  try {
    if (!data) {
      data = openFontFile(file);
      fileData.set(file, data);
    }
  } catch (e) {
    throw new FontFileError(unreadableFontFile(file, e));
  }
  if (String.fromCharCode(...data.view.subarray(0, 4)) === 'wOF2') {
    // A web font: nianbao's CLI is built without fontkit's Brotli decoder (build/bundleCli.ts).
    throw new FontFileError(`${file} 是网页字体（WOFF2），不能用于排版；请用 .ttf、.otf 或 .ttc 字体文件`);
  }
  let font: fontkit.Font | null = null;
  try {
    const opened = fontkit.create(data.view as Buffer);
    if ('fonts' in opened) font = postscriptName ? opened.getFont(postscriptName) : (opened.fonts[0] ?? null);
    else font = opened;
    if (font) {
      // Before anything asks fontkit for a glyph: the seeds fill what it would otherwise decode first.
      fastTrueTypeSubsets(font, data);
      seedGlyphMetrics(font, data);
      seedLoca(font, data);
      // Touch the tables a renderer needs now, so a damaged file fails here and not mid-page.
      void [font.unitsPerEm, font.glyphForCodePoint(0x4e00).advanceWidth, font.postscriptName];
    }
  } catch {
    font = null;
  }
  if (!font || !font.unitsPerEm) {
    fileData.delete(file);
    const which = postscriptName ? `（字体 ${postscriptName}）` : '';
    throw new FontFileError(`${file}${which} 不是有效的字体文件（支持 .ttf、.otf、.ttc）`);
  }
  const face: LoadedFace = { file, postscriptName: font.postscriptName, font, data };
  cache.set(key, face);
  return face;
}

/** The outline's bounding box of the character's glyph (font units): its outline is read first if it was not. */
export function glyphBox(face: LoadedFace, codePoint: number): { minY: number; maxY: number } {
  const glyph = face.font.glyphForCodePoint(codePoint);
  ensureOutline(face.font, face.data, glyph.id);
  return glyph.bbox;
}
