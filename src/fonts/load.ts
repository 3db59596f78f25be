import * as fontkit from 'fontkit';
import { readFontFile } from './files.js';

/** A parsed face and the bytes it came from (subsetting for DOCX needs the bytes). */
export interface LoadedFace {
  file: string;
  postscriptName: string;
  font: fontkit.Font;
  bytes: Uint8Array;
}

export class FontFileError extends Error {}

/** Parsed once per process and reused (design.md: re-reading a font per cell is 36× slower). */
const cache = new Map<string, LoadedFace>();
const fileBytes = new Map<string, Uint8Array>();

/**
 * Opens one face of a font file: a `.ttf`/`.otf` directly, a `.ttc` by PostScript name (or its
 * first face). Throws FontFileError with a Chinese message naming the file when it is not a font.
 */
export function loadFace(file: string, postscriptName?: string): LoadedFace {
  const key = `${file}#${postscriptName ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let bytes = fileBytes.get(file);
  try {
    if (!bytes) {
      bytes = readFontFile(file);
      fileBytes.set(file, bytes);
    }
  } catch (e) {
    throw new FontFileError(`无法读取字体文件 ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let font: fontkit.Font | null = null;
  try {
    const opened = fontkit.create(bytes);
    if ('fonts' in opened) font = postscriptName ? opened.getFont(postscriptName) : (opened.fonts[0] ?? null);
    else font = opened;
    // Touch the tables a renderer needs now, so a damaged file fails here and not mid-page.
    if (font) void [font.unitsPerEm, font.glyphForCodePoint(0x4e00).advanceWidth, font.postscriptName];
  } catch {
    font = null;
  }
  if (!font || !font.unitsPerEm) {
    fileBytes.delete(file);
    const which = postscriptName ? `（字体 ${postscriptName}）` : '';
    throw new FontFileError(`${file}${which} 不是有效的字体文件（支持 .ttf、.otf、.ttc）`);
  }
  const face: LoadedFace = { file, postscriptName: font.postscriptName, font, bytes };
  cache.set(key, face);
  return face;
}
