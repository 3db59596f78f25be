import { readSfnt, writeSfnt } from './sfnt.js';

/**
 * Gives a face a new family name by rewriting its `name` table (OpenType spec "name"). Used for
 * DOCX `--embed-fonts`: the runs name the official face (仿宋_GB2312), and Word (GDI) and
 * LibreOffice (fontconfig) both register an embedded font under the family its name table
 * carries, not under the `w:font` name of the font table — so a fallback face embedded under its
 * own name (Noto Serif SC) would never be used for the runs.
 */
export interface NewNames {
  family: string;
  bold: boolean;
  /** PostScript name: printable ASCII without spaces or `[](){}<>/%`, at most 63 characters. */
  postscriptName: string;
  /** Name ID 10, saying what the face really is. */
  description: string;
}

/** Name IDs copied from the original (Windows records): copyright, version, trademark, maker, designer, URLs, licence. */
const KEEP = new Set([0, 5, 7, 8, 9, 11, 12, 13, 14]);
/** The family is written in English and Simplified Chinese records, so both Word UIs find it. */
const LANGS = [0x0409, 0x0804];

interface NameRecord {
  lang: number;
  id: number;
  text: string;
}

export function renameFace(font: Uint8Array, names: NewNames): Uint8Array {
  const sfnt = readSfnt(font);
  const old = sfnt.tables.get('name');
  const kept = old ? windowsRecords(old).filter((r) => KEEP.has(r.id)) : [];
  const style = names.bold ? 'Bold' : 'Regular';
  const fresh: NameRecord[] = LANGS.flatMap((lang) => [
    { lang, id: 1, text: names.family },
    { lang, id: 2, text: style },
    { lang, id: 4, text: names.bold ? `${names.family} Bold` : names.family },
  ]);
  fresh.push({ lang: 0x0409, id: 3, text: `${names.postscriptName};nianbao-subset` }, { lang: 0x0409, id: 6, text: names.postscriptName }, { lang: 0x0409, id: 10, text: names.description });
  sfnt.tables.set('name', nameTable([...kept, ...fresh]));
  return writeSfnt(sfnt);
}

/** Windows Unicode (platform 3, encoding 1) records of a name table. */
export function windowsRecords(t: Uint8Array): NameRecord[] {
  const v = new DataView(t.buffer, t.byteOffset, t.byteLength);
  const count = v.getUint16(2);
  const strings = v.getUint16(4);
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + i * 12;
    if (v.getUint16(r) !== 3 || v.getUint16(r + 2) !== 1) continue;
    const length = v.getUint16(r + 8);
    const start = strings + v.getUint16(r + 10);
    out.push({ lang: v.getUint16(r + 4), id: v.getUint16(r + 6), text: Buffer.from(t.subarray(start, start + length)).swap16().toString('utf16le') });
  }
  return out;
}

/** A format-0 name table, records sorted (platform, encoding, language, name ID) as the spec asks. */
function nameTable(records: NameRecord[]): Uint8Array {
  const sorted = [...records].sort((a, b) => a.lang - b.lang || a.id - b.id);
  const data = sorted.map((r) => Buffer.from(r.text, 'utf16le').swap16());
  const head = 6 + sorted.length * 12;
  const out = Buffer.alloc(head + data.reduce((s, d) => s + d.length, 0));
  out.writeUInt16BE(0, 0);
  out.writeUInt16BE(sorted.length, 2);
  out.writeUInt16BE(head, 4);
  let at = 0;
  sorted.forEach((r, i) => {
    const o = 6 + i * 12;
    out.writeUInt16BE(3, o);
    out.writeUInt16BE(1, o + 2);
    out.writeUInt16BE(r.lang, o + 4);
    out.writeUInt16BE(r.id, o + 6);
    out.writeUInt16BE(data[i]!.length, o + 8);
    out.writeUInt16BE(at, o + 10);
    data[i]!.copy(out, head + at);
    at += data[i]!.length;
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
