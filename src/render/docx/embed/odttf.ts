import { createHash } from 'node:crypto';

/**
 * Font obfuscation of ECMA-376 Part 1 §17.8.1 ("Font Embedding"): the first 32 bytes of the font
 * are XORed with the 16 bytes of the `w:fontKey` GUID taken from the end of its string form
 * backwards (the last hex pair is key byte 0), twice over. XOR is its own inverse, so the same
 * function de-obfuscates. `npm docx` has this too, but with a random GUID per run; here the GUID
 * is derived from the font bytes so the same input gives a byte-identical DOCX.
 */
export function obfuscate(font: Uint8Array, fontKey: string): Uint8Array {
  const key = keyBytes(fontKey);
  const out = new Uint8Array(font);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] = out[i]! ^ key[i % 16]!;
  return out;
}

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` → the 16 key bytes, last pair first. */
export function keyBytes(fontKey: string): number[] {
  const hex = fontKey.replace(/[{}-]/g, '');
  if (!/^[0-9A-Fa-f]{32}$/.test(hex)) throw new Error(`not a GUID: ${fontKey}`);
  return Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16));
}

/** A GUID (with braces, as `w:fontKey` writes it) from the SHA-256 of the font: fixed for fixed content. */
export function fontKeyFor(font: Uint8Array): string {
  const h = createHash('sha256').update(font).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}
