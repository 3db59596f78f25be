/**
 * Tables of a face that fontkit 2.0.4 decodes through restructure, one field at a time, read here
 * straight from the file's bytes into the objects fontkit caches (a face's own `_tables`, a
 * glyph's own `_metrics`), before fontkit needs them. fontkit's classes and other faces are
 * untouched; fastTables.test.ts compares every value with fontkit's own for the bundled faces.
 */
import type { Font } from 'fontkit';
import type { FontData } from './lazyFile.js';
import { faceTable } from './standalone.js';

/** fontkit 2.0.4's glyph metrics, as its Glyph caches them in `_metrics`. */
interface Metrics {
  advanceWidth: number;
  advanceHeight: number;
  leftBearing: number;
  topBearing: number;
}

interface FontkitFace {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  _tables: Record<string, unknown>;
  head: { indexToLocFormat: number };
  hhea: { numberOfMetrics: number };
  vhea?: { numberOfMetrics: number };
  maxp: { numGlyphs: number };
  _variationProcessor?: unknown;
  getGlyph(gid: number, characters?: number[]): { _metrics?: Metrics | null };
}

/**
 * Gives each glyph of this face its metrics from `hmtx` and `vmtx` as fontkit would compute them,
 * before fontkit does. fontkit's TrueType glyph decodes its outline header on the first
 * `advanceWidth` of every glyph, for a bounding box its metrics use only when the face has no
 * `vmtx`: a thousand-odd glyph headers per new report, ≈ 30 ms of a one-report process (issue 18),
 * and outlines a lazily read face (lazyFile.ts) would have to read for nothing.
 *
 * Only for faces with `hmtx` and `vmtx` as long as their counts say, and no variations;
 * otherwise fontkit computes them as before. `getGlyph` becomes an own property of this face
 * (fontkit's classes and other faces are untouched); fastTables.test.ts checks the values
 * against fontkit's own for the bundled faces.
 */
export function seedGlyphMetrics(font: Font, data: FontData): void {
  const face = font as unknown as FontkitFace;
  if (face._variationProcessor || Object.prototype.hasOwnProperty.call(face, 'getGlyph')) return;
  const metrics = metricsReader(face, data);
  if (!metrics) return;
  const getGlyph = face.getGlyph;
  Object.defineProperty(face, 'getGlyph', {
    configurable: true,
    value: function seededGetGlyph(this: FontkitFace, gid: number, characters?: number[]) {
      const glyph = getGlyph.call(this, gid, characters);
      if (!glyph._metrics && Number.isInteger(gid) && gid >= 0 && gid < face.maxp.numGlyphs) glyph._metrics = metrics(gid);
      return glyph;
    },
  });
}

/**
 * A glyph's metrics read straight from the tables, or undefined when a table is missing or shorter
 * than its counts say. The counts are fontkit's own decoding of `hhea`, `vhea` and `maxp`, so the
 * values are fontkit's even where it reads a table oddly: 2.0.4 decodes `vhea` a field off, its
 * `numberOfMetrics` is 0 for the Noto faces, and each glyph's advanceHeight is then 0.
 */
function metricsReader(face: FontkitFace, data: FontData): ((gid: number) => Metrics) | undefined {
  const [hmtx, vmtx] = [tableView(face, data, 'hmtx'), tableView(face, data, 'vmtx')];
  if (!hmtx || !vmtx || !face.directory.tables.vhea) return undefined;
  const numGlyphs = face.maxp.numGlyphs;
  const h = longMetrics(hmtx, face.hhea.numberOfMetrics, numGlyphs);
  const v = longMetrics(vmtx, face.vhea!.numberOfMetrics, numGlyphs);
  if (!h || !v) return undefined;
  return (gid) => {
    const [advanceWidth, leftBearing] = h(gid);
    const [advanceHeight, topBearing] = v(gid);
    return { advanceWidth, advanceHeight, leftBearing, topBearing };
  };
}

/**
 * `hmtx`/`vmtx`: `count` (advance, bearing) pairs, then a bearing for each further glyph; past the
 * pairs a glyph takes the last advance, or 0 when there are none (fontkit's Glyph._getTableMetrics).
 */
function longMetrics(table: DataView, count: number, numGlyphs: number): ((gid: number) => [number, number]) | undefined {
  if (!Number.isInteger(count) || count < 0 || table.byteLength < 4 * count + 2 * Math.max(0, numGlyphs - count)) return undefined;
  const lastAdvance = count > 0 ? table.getUint16(4 * (count - 1)) : 0;
  return (gid) => (gid < count ? [table.getUint16(4 * gid), table.getInt16(4 * gid + 2)] : [lastAdvance, table.getInt16(4 * count + 2 * (gid - count)) || 0]);
}

/**
 * The `loca` table as fontkit decodes it (offsets into `glyf`, doubled for the short format) from
 * a typed read: restructure took 6–10 ms per face for the 30,000-odd offsets of a CJK face, and a
 * one-report process reads four faces (issue 18). Left to fontkit when the table is odd.
 */
export function seedLoca(font: Font, data: FontData): void {
  const face = font as unknown as FontkitFace;
  if ('loca' in face._tables) return;
  const view = tableView(face, data, 'loca');
  const version = face.head.indexToLocFormat;
  if (!view || (version !== 0 && version !== 1)) return;
  const size = version === 0 ? 2 : 4;
  if (view.byteLength % size !== 0) return;
  const offsets = new Array<number>(view.byteLength / size);
  if (version === 0) for (let i = 0; i < offsets.length; i++) offsets[i] = view.getUint16(2 * i) << 1;
  else for (let i = 0; i < offsets.length; i++) offsets[i] = view.getUint32(4 * i);
  face._tables.loca = version === 0 ? { version, offsets, _processed: true } : { version, offsets };
}

/** A table of the face (fonts/standalone.ts's faceTable) as a view, when it lies whole inside the file's bytes. */
function tableView(face: FontkitFace, data: FontData, tag: string): DataView | undefined {
  const t = face.directory.tables[tag];
  const bytes = faceTable(face as unknown as Font, data.view, tag);
  return t && bytes && bytes.length === t.length ? new DataView(bytes.buffer, bytes.byteOffset, bytes.length) : undefined;
}
