/**
 * Output file names: safe (no separators, no `..`, no control or bidi characters, bounded
 * length) and collision-free within one run, issue 5 "Nothing lost".
 */

/** Longest file name stem we produce (bytes are what file systems limit; CJK is 3 bytes each). */
export const MAX_STEM_BYTES = 150;

/**
 * A safe file name stem from agency and year: no path separators, no `..`, no control or
 * bidirectional-override characters, no characters Windows forbids, bounded length.
 */
export function outputStem(agency: string, year: number): string {
  let name = agency
    .normalize('NFC')
    // C0/C1 controls, zero-width and bidi marks/overrides/isolates, line/paragraph separators, BOM.
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/\.{2,}/g, '_')
    .replace(/[. ]+$/, ''); // Windows drops trailing dots and spaces
  if (name === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) name = `年报${name === '' ? '' : `_${name}`}`;
  while (Buffer.byteLength(name) > MAX_STEM_BYTES) name = [...name].slice(0, -1).join('');
  return `${name}-${year}`;
}

/**
 * Hands out collision-free names in input order: the first `a-2021` keeps its name, the next
 * becomes `a-2021-2`, and so on. Names are compared case-insensitively, so two outputs never
 * land on one file on macOS or Windows either. Used by batch (one key per input file) and watch
 * (a file keeps its name while its agency and year stay the same).
 */
export class StemRegistry {
  private readonly byKey = new Map<string, { base: string; name: string }>();
  private readonly taken = new Set<string>();

  take(key: string, base: string): string {
    const had = this.byKey.get(key);
    if (had?.base === base) return had.name;
    if (had) this.taken.delete(fold(had.name));
    let name = base;
    for (let k = 2; this.taken.has(fold(name)); k++) name = `${base}-${k}`;
    this.taken.add(fold(name));
    this.byKey.set(key, { base, name });
    return name;
  }
}

/** Makes stems unique within one batch: the second `a-2021` becomes `a-2021-2`, and so on. */
export function uniqueStems(stems: string[]): string[] {
  const registry = new StemRegistry();
  return stems.map((s, i) => registry.take(String(i), s));
}

const fold = (name: string): string => name.normalize('NFC').toLowerCase();
