import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Longest file name stem we produce (bytes are what file systems limit; CJK is 3 bytes each). */
const MAX_STEM_BYTES = 150;

/**
 * A safe file name stem from agency and year: no path separators, no `..`, no control or
 * bidirectional-override characters, no characters Windows forbids, bounded length.
 */
export function outputStem(agency: string, year: number): string {
  let name = agency
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/\.{2,}/g, '_');
  if (name === '') name = '年报';
  while (Buffer.byteLength(name) > MAX_STEM_BYTES) name = [...name].slice(0, -1).join('');
  return `${name}-${year}`;
}

/** Makes stems unique within one batch: the second `a-2021` becomes `a-2021-2`, and so on. */
export function uniqueStems(stems: string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(stems);
  return stems.map((s) => {
    const n = (seen.get(s) ?? 0) + 1;
    seen.set(s, n);
    if (n === 1) return s;
    let k = n;
    while (taken.has(`${s}-${k}`)) k++;
    const out = `${s}-${k}`;
    taken.add(out);
    return out;
  });
}

/**
 * Writes a file atomically: into a temporary file in the same folder, flushed, then renamed over
 * the target. A crash or a failed render never leaves a truncated file and never replaces a good
 * earlier output.
 */
export async function writeAtomic(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, name);
  const tmp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
    return target;
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
