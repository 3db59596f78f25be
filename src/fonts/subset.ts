import subsetFont from 'subset-font';
import type { LoadedFace } from './load.js';

/**
 * A TrueType subset of a resolved face holding just the glyphs of `text` (plus the ASCII digits
 * and the space, which a Word user is likely to type). For DOCX `--embed-fonts`: the file then
 * looks the same on a machine without the official fonts. Uses HarfBuzz (npm `subset-font`).
 */
export async function subsetFace(face: Pick<LoadedFace, 'bytes'>, text: string): Promise<Uint8Array> {
  const chars = [...new Set([...text, ...' 0123456789'])].join('');
  const out = await subsetFont(Buffer.from(face.bytes.buffer, face.bytes.byteOffset, face.bytes.byteLength), chars, { targetFormat: 'truetype' });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
