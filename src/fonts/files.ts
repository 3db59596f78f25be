import { openFontData, type FontData } from './lazyFile.js';

/** Reads a whole font file; it throws a Node error (with `code`) when the file cannot be read. */
export type FontFileReader = (file: string) => Uint8Array;

/** Unset: this thread reads the font files it needs whole itself. */
let reader: FontFileReader | undefined;

/**
 * A font file's bytes. Outlines that can be read as glyphs are embedded are left unread until
 * then (lazyFile.ts); a file that must be read whole comes from this thread's reader (the file
 * system unless a batch worker set one).
 */
export const openFontFile = (file: string): FontData => openFontData(file, reader);

/**
 * Where this thread reads whole font files from. A batch worker reads them through its pool,
 * which holds one shared copy of each file for all workers (cli/batch/fontShare.ts); a TrueType
 * file's outlines it reads itself, as used: 2 workers, 1,000 reports, peak RSS 296–308 → 245–258 MB.
 * Kept apart from load.ts so that setting it does not load fontkit.
 */
export function useFontFileReader(read: FontFileReader): void {
  reader = read;
}
