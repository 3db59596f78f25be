import { openFontData, wholeFontData, type FontData } from './lazyFile.js';

/** Reads a whole font file; it throws a Node error (with `code`) when the file cannot be read. */
export type FontFileReader = (file: string) => Uint8Array;

/** Unset: this thread opens font files itself, leaving their outlines unread until used (lazyFile.ts). */
let reader: FontFileReader | undefined;

/** A font file's bytes, from this thread's reader (the file system unless a batch worker set one). */
export const openFontFile = (file: string): FontData => (reader ? wholeFontData(reader(file)) : openFontData(file));

/**
 * Where font files come from in this thread. A batch worker reads them through its pool, which
 * holds one shared copy of each file for all workers (cli/batch/fontShare.ts). Kept apart from
 * load.ts so that setting it does not load fontkit.
 */
export function useFontFileReader(read: FontFileReader): void {
  reader = read;
}
