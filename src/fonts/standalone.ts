import type { Font } from 'fontkit';
import { readSfnt, writeSfnt, type Tables } from './sfnt.js';

/** The parts of a fontkit 2.0.4 subset (its TrueType or CFF class) that are read here. */
export interface FontkitSubset {
  /** Glyph ids of the original face, in subset order (0 = .notdef). */
  glyphs: number[];
  /** Present on the CFF subset: its `encode()` gives a bare CFF table, not an sfnt. */
  cff?: unknown;
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** fontkit 2.0.4 keeps the face's table directory (offsets from the start of the file, also in a `.ttc`). */
interface WithDirectory {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
}

/**
 * A subset as a font file of its own, for formats that embed whole font files (OFD `FontFile`):
 * the glyphs fontkit's subset holds (the same subset a PDF embeds), with the tables a PDF does
 * not need and a font reader does — `cmap` from `unicodes` (code point → subset glyph id), and
 * `OS/2`, `name` (the licence and names) and `post` (version 3, no glyph names) of the face.
 * A CFF face's subset (a bare CFF table) is wrapped as an OpenType `OTTO` font with its own
 * `hmtx`, `hhea` and `maxp`. Deterministic: the same glyphs and map give the same bytes.
 */
export function standaloneSubset(font: Font, bytes: Uint8Array, subset: FontkitSubset, unicodes: ReadonlyMap<number, number>): Uint8Array {
  const raw = (tag: string) => faceTable(font, bytes, tag);
  const encoded = subset.encode();
  let version = 0x00010000;
  let tables: Tables;
  if (subset.cff != null) {
    version = 0x4f54544f; // 'OTTO'
    tables = new Map([['CFF ', encoded]]);
    const n = subset.glyphs.length;
    const hmtx = new DataView(new ArrayBuffer(4 * n));
    subset.glyphs.forEach((gid, i) => {
      const g = font.getGlyph(gid);
      hmtx.setUint16(4 * i, g.advanceWidth);
      hmtx.setInt16(4 * i + 2, Math.round(g.bbox.minX) || 0);
    });
    tables.set('hmtx', new Uint8Array(hmtx.buffer));
    const hhea = new Uint8Array(raw('hhea')!);
    new DataView(hhea.buffer).setUint16(34, n); // numberOfHMetrics
    tables.set('hhea', hhea);
    const maxp = new DataView(new ArrayBuffer(6));
    maxp.setUint32(0, 0x00005000); // version 0.5: CFF outlines
    maxp.setUint16(4, n);
    tables.set('maxp', new Uint8Array(maxp.buffer));
    tables.set('head', new Uint8Array(raw('head')!));
  } else {
    tables = new Map(readSfnt(encoded).tables);
  }
  tables.set('cmap', cmapTable(unicodes));
  for (const tag of ['OS/2', 'name']) {
    const t = raw(tag);
    if (t) tables.set(tag, t);
  }
  const post = new Uint8Array(32);
  const original = raw('post');
  if (original && original.length >= 32) post.set(original.subarray(0, 32));
  new DataView(post.buffer).setUint32(0, 0x00030000);
  tables.set('post', post);
  return writeSfnt({ version, tables });
}

/** A table of the face as stored in its file (`bytes`: the whole file, also for a face of a `.ttc`). */
export function faceTable(font: Font, bytes: Uint8Array, tag: string): Uint8Array | undefined {
  const t = (font as unknown as WithDirectory).directory.tables[tag];
  return t ? bytes.subarray(t.offset, t.offset + t.length) : undefined;
}

/**
 * A `cmap` with a format 4 subtable (3,1) for the BMP and, when a code point lies beyond it, a
 * format 12 subtable (3,10) for all (OpenType spec "cmap"). Runs of consecutive code points with
 * consecutive glyph ids share one segment.
 */
export function cmapTable(unicodes: ReadonlyMap<number, number>): Uint8Array {
  const pairs = [...unicodes].filter(([cp]) => cp >= 0 && cp <= 0x10ffff).sort((a, b) => a[0] - b[0]);
  const runs: [number, number, number][] = []; // start, end, first glyph
  for (const [cp, gid] of pairs) {
    const last = runs[runs.length - 1];
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else runs.push([cp, cp, gid]);
  }
  const bmp = runs.filter((r) => r[0] <= 0xfffe).map((r): [number, number, number] => [r[0], Math.min(r[1], 0xfffe), r[2]]);
  bmp.push([0xffff, 0xffff, 0]);
  const segCount = bmp.length;
  const f4 = new DataView(new ArrayBuffer(16 + 8 * segCount));
  const log = Math.floor(Math.log2(segCount));
  [4, f4.byteLength, 0, 2 * segCount, 2 * 2 ** log, log, 2 * segCount - 2 * 2 ** log].forEach((v, i) => f4.setUint16(2 * i, v));
  bmp.forEach(([start, end, gid], i) => {
    f4.setUint16(14 + 2 * i, end);
    f4.setUint16(16 + 2 * segCount + 2 * i, start);
    f4.setUint16(16 + 4 * segCount + 2 * i, start === 0xffff ? 1 : (gid - start) & 0xffff);
    // idRangeOffset stays 0: the glyph is the code point plus idDelta.
  });
  const subtables: [number, number, Uint8Array][] = [[3, 1, new Uint8Array(f4.buffer)]];
  if (runs.some((r) => r[1] > 0xffff)) {
    const f12 = new DataView(new ArrayBuffer(16 + 12 * runs.length));
    f12.setUint16(0, 12);
    f12.setUint32(4, f12.byteLength);
    f12.setUint32(12, runs.length);
    runs.forEach(([start, end, gid], i) => {
      f12.setUint32(16 + 12 * i, start);
      f12.setUint32(20 + 12 * i, end);
      f12.setUint32(24 + 12 * i, gid);
    });
    subtables.push([3, 10, new Uint8Array(f12.buffer)]);
  }
  const headerSize = 4 + 8 * subtables.length;
  const out = new Uint8Array(headerSize + subtables.reduce((s, t) => s + t[2].length, 0));
  const v = new DataView(out.buffer);
  v.setUint16(2, subtables.length);
  let at = headerSize;
  subtables.forEach(([platform, encoding, data], i) => {
    v.setUint16(4 + 8 * i, platform);
    v.setUint16(6 + 8 * i, encoding);
    v.setUint32(8 + 8 * i, at);
    out.set(data, at);
    at += data.length;
  });
  return out;
}
