import { closeSync, openSync, readSync } from 'node:fs';

/** The names one face in a font file answers to (every language), and where it sits in the file. */
export interface FaceNames {
  file: string;
  /** PostScript name: how a face inside a `.ttc` collection is opened (design.md "Fonts"). */
  postscriptName: string;
  /** Family, typographic family and full names in every language the file carries. */
  names: string[];
}

/**
 * Reads only the `name` table of each face in a `.ttf`/`.otf`/`.ttc` file, without parsing the
 * whole font: scanning a system font folder must not load hundreds of megabytes of CJK outlines.
 * Returns [] for a file that is not a font.
 */
export function readFaceNames(file: string): FaceNames[] {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const read = (offset: number, length: number): Buffer => {
      const buf = Buffer.alloc(length);
      const n = readSync(fd!, buf, 0, length, offset);
      return buf.subarray(0, n);
    };
    const head = read(0, 12);
    if (head.length < 12) return [];
    const tag = head.toString('latin1', 0, 4);
    const offsets: number[] = [];
    if (tag === 'ttcf') {
      const count = Math.min(head.readUInt32BE(8), 256);
      const table = read(12, count * 4);
      for (let i = 0; i + 4 <= table.length; i += 4) offsets.push(table.readUInt32BE(i));
    } else if (tag === '\0\x01\0\0' || tag === 'OTTO' || tag === 'true') {
      offsets.push(0);
    } else {
      return [];
    }
    return offsets.flatMap((o) => faceAt(read, o, file));
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function faceAt(read: (offset: number, length: number) => Buffer, offset: number, file: string): FaceNames[] {
  const dir = read(offset, 12);
  if (dir.length < 12) return [];
  const numTables = Math.min(dir.readUInt16BE(4), 200);
  const records = read(offset + 12, numTables * 16);
  for (let i = 0; i + 16 <= records.length; i += 16) {
    if (records.toString('latin1', i, i + 4) !== 'name') continue;
    const table = read(records.readUInt32BE(i + 8), Math.min(records.readUInt32BE(i + 12), 1 << 20));
    const names = parseNameTable(table);
    const ps = names.get(6)?.[0];
    if (!ps) return [];
    const all = [1, 4, 16].flatMap((id) => names.get(id) ?? []);
    return [{ file, postscriptName: ps, names: [...new Set([...all, ps])] }];
  }
  return [];
}

/** name id → decoded strings (Windows UTF-16BE and Mac Roman records; OpenType spec "name"). */
function parseNameTable(t: Buffer): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (t.length < 6) return out;
  const count = t.readUInt16BE(2);
  const strings = t.readUInt16BE(4);
  for (let i = 0; i < count && 6 + i * 12 + 12 <= t.length; i++) {
    const r = 6 + i * 12;
    const platform = t.readUInt16BE(r);
    const encoding = t.readUInt16BE(r + 2);
    const nameId = t.readUInt16BE(r + 6);
    const length = t.readUInt16BE(r + 8);
    const start = strings + t.readUInt16BE(r + 10);
    if (![1, 4, 6, 16].includes(nameId) || start + length > t.length) continue;
    const raw = t.subarray(start, start + length);
    let text: string | undefined;
    // Windows encodings 3–6 (GB2312, Big5 …) in old fonts are left out; every such font seen also has a Unicode record.
    if ((platform === 0 || (platform === 3 && [0, 1, 10].includes(encoding))) && length % 2 === 0) text = Buffer.from(raw).swap16().toString('utf16le');
    else if (platform === 1 && encoding === 0) text = raw.toString('latin1');
    if (!text) continue;
    const list = out.get(nameId) ?? [];
    const clean = text.replace(/\0/g, '').trim();
    if (clean && !list.includes(clean)) list.push(clean);
    out.set(nameId, list);
  }
  return out;
}
