/**
 * Minimal reading and writing of an sfnt (TrueType/OpenType) file's tables, enough to replace
 * one table (the `name` table of an embedded DOCX font) and write a valid font back: tables
 * sorted by tag, 4-byte aligned, checksums and `head.checkSumAdjustment` recomputed
 * (OpenType spec "Font file" / "head"). Deterministic: the same tables give the same bytes.
 */

export type Tables = Map<string, Uint8Array>;

export interface Sfnt {
  /** 0x00010000 for TrueType outlines, 'OTTO' for CFF. */
  version: number;
  tables: Tables;
}

/** The font whose table directory starts at `at` (0, or a face's offset inside a `.ttc`; table offsets are from the file start). */
export function readSfnt(bytes: Uint8Array, at = 0): Sfnt {
  const version = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
  const tables: Tables = new Map();
  for (const r of tableRecords(bytes, at)) tables.set(r.tag, bytes.subarray(r.offset, r.offset + r.length));
  return { version, tables };
}

/** One entry of a face's table directory: where the table lies in the file. */
export interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

/** The table directory of the face at `at`; `bytes` needs to hold only the directory itself. */
export function tableRecords(bytes: Uint8Array, at = 0): TableRecord[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = v.getUint16(at + 4);
  const out: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = at + 12 + i * 16;
    out.push({ tag: String.fromCharCode(...bytes.subarray(r, r + 4)), offset: v.getUint32(r + 8), length: v.getUint32(r + 12) });
  }
  return out;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word = ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

const pad4 = (n: number): number => (n + 3) & ~3;

export function writeSfnt({ version, tables }: Sfnt): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  let size = 12 + n * 16;
  for (const t of tags) size += pad4(tables.get(t)!.length);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, version);
  v.setUint16(4, n);
  v.setUint16(6, searchRange);
  v.setUint16(8, entrySelector);
  v.setUint16(10, n * 16 - searchRange);
  let at = 12 + n * 16;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const data = new Uint8Array(tables.get(tag)!);
    if (tag === 'head' && data.length >= 12) {
      new DataView(data.buffer).setUint32(8, 0); // checkSumAdjustment is summed as 0
      headAt = at;
    }
    const r = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[r + k] = tag.charCodeAt(k);
    v.setUint32(r + 4, checksum(data));
    v.setUint32(r + 8, at);
    v.setUint32(r + 12, data.length);
    out.set(data, at);
    at += pad4(data.length);
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** OS/2 `fsType`: bit 1 (0x0002) = restricted licence, the font must not be embedded. */
export function fsType(sfnt: Sfnt): number {
  const os2 = sfnt.tables.get('OS/2');
  return os2 && os2.length >= 10 ? new DataView(os2.buffer, os2.byteOffset, os2.byteLength).getUint16(8) : 0;
}

/**
 * Whether the licence bits forbid embedding: the usage permissions (bits 0–3) say Restricted
 * License (0x0002) and nothing less restrictive (OpenType spec "OS/2", fsType). DOCX
 * `--embed-fonts` and the OFD leave such a face out and warn.
 */
export function embeddingRestricted(fsTypeValue: number): boolean {
  return (fsTypeValue & 0x000f) === 0x0002;
}

/** Offsets of the faces of a `.ttc` collection, or `[0]` for a single font. */
export function faceOffsets(bytes: Uint8Array): number[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'ttcf') return [0];
  return Array.from({ length: v.getUint32(8) }, (_, i) => v.getUint32(12 + i * 4));
}
