import { readFileSync } from 'node:fs';

/** Reads a whole font file; it throws a Node error (with `code`) when the file cannot be read. */
export type FontFileReader = (file: string) => Uint8Array;

let reader: FontFileReader = readFileSync; // a Buffer is a Uint8Array: no 15 MB copy

/** A font file's bytes, from this thread's reader (the file system unless a batch worker set one). */
export const readFontFile = (file: string): Uint8Array => reader(file);

/**
 * Where font files come from in this thread. A batch worker reads them through its pool, which
 * holds one shared copy of each file for all workers (cli/batch/fontShare.ts). Kept apart from
 * load.ts so that setting it does not load fontkit.
 */
export function useFontFileReader(read: FontFileReader): void {
  reader = read;
}
