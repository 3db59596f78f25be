export { missingChars, hasGlyph } from './coverage.js';
export { FontFileError, loadFace, type LoadedFace } from './load.js';
export { useFontFileReader, type FontFileReader } from './files.js';
export { defaultFontSettings, fallbackPath, resolveFonts, type FaceSource, type FontSet, type FontSettings, type ResolvedFace } from './resolve.js';
export { envName, ROLES } from './roles.js';
export { subsetFace, wholeFontFile, type FontFile } from './subset.js';
