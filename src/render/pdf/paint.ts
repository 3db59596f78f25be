import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { sourceNote, type DocumentMeta, type TableBlock } from '../../model/document.js';
import type { FontRole } from '../../model/style.js';
import type { ResolvedFace } from '../../fonts/resolve.js';
import { resolveGrid } from '../../model/grid.js';
import { headersOf } from '../../model/headers.js';
import { shapeText, type ShapedRun } from './shaping.js';
import { FAKE_BOLD_STROKE_EM } from './geometry.js';
import type { OutlineEntry } from '../outline.js';
import { sameTag } from './tags.js';
import { drawText, type PdfkitText } from './textOps.js';
import type { Item, Layout, Tag } from './types.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export interface PaintOptions {
  meta: DocumentMeta;
  tables: Map<number, TableBlock>;
  /** Bookmarks: the headings, each going to where its first line is set (render/outline.ts). */
  outline: readonly OutlineEntry[];
  face(role: FontRole): ResolvedFace;
  pdfa?: '1b' | '2b';
  /** Table border width in points (style.tableBorder, spec §6.4: 0.5 pt). */
  border: number;
}

/**
 * Draws a finished layout with pdfkit: subset-embedded fonts (each face parsed once, registered
 * once per document), a tagged structure tree (H1–H4, P, Table/TR/TH/TD with RowSpan/ColSpan;
 * borders and page numbers as artifacts), document info dated from the report so that the same
 * input gives the same bytes (pdfkit derives the file /ID from the info).
 */
export function paint(layout: Layout, o: PaintOptions): Promise<Uint8Array> {
  const date = new Date(`${o.meta.date}T00:00:00Z`);
  const doc: Doc = new PDFDocument({
    size: [layout.pageWidth, layout.pageHeight],
    margin: 0,
    autoFirstPage: false,
    // No default Helvetica: every run sets its own face, and pdfkit would parse the AFM each time.
    font: null as unknown as string,
    // PDF/A needs pdfVersion as well as subset, or pdfkit writes no XMP metadata (design.md).
    pdfVersion: o.pdfa === '1b' ? '1.4' : '1.7',
    ...(o.pdfa ? { subset: o.pdfa === '1b' ? 'PDF/A-1b' : 'PDF/A-2b' } : {}),
    tagged: true,
    lang: o.meta.lang,
    displayTitle: true,
    info: { Title: o.meta.title, Author: o.meta.author, Subject: o.meta.subject, Keywords: o.meta.keywords.join(', '), Creator: 'nianbao', Producer: 'nianbao (PDFKit)', CreationDate: date, ModDate: date, ...sourceInfo(o.meta) },
  } as PDFKit.PDFDocumentOptions);
  if (o.meta.source) doc.appendXML(sourceXmp(o.meta.source));
  // The header pdfkit's constructor wrote is waiting in its stream: taken first.
  const chunks: Uint8Array[] = [];
  for (let c = doc.read() as Uint8Array | null; c !== null; c = doc.read() as Uint8Array | null) chunks.push(c);
  // pdfkit 0.20.2 writes each piece of each object (an object is four or five pieces) through its
  // Readable stream, a string made into bytes one character at a time: 4 % of a PDF's render
  // time. This document's own `_write` keeps the pieces in order here, a string as latin1 — the
  // same bytes, pdfkit keeps each code unit's low byte — and counts the offsets as pdfkit does.
  (doc as unknown as PdfkitWriter)._write = function write(this: PdfkitWriter, data: string | Uint8Array): void {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    chunks.push(bytes);
    this._offset += bytes.length;
  };
  // Flowing, so that the stream ends; pdfkit pushes nothing else.
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const blocks = new Map<number, Struct>();
  const cells = new Map<string, Struct>();
  const all: Struct[] = [];
  const make = (type: string): Struct => {
    const s = doc.struct(type);
    all.push(s);
    return s;
  };
  const structFor = (tag: Exclude<Tag, { kind: 'artifact' }>): Struct => {
    if (tag.kind === 'block') {
      let s = blocks.get(tag.block);
      if (!s) blocks.set(tag.block, (s = make(tag.struct))), root.add(s);
      return s;
    }
    if (!blocks.has(tag.block)) buildTable(tag.block);
    return cells.get(`${tag.block}:${tag.row}:${tag.col}`)!;
  };
  // TH ids for the TDs' /Headers (PDF 1.7 §14.8.5.7): the header cells each cell is read with,
  // from the same walk of the grid the HTML's headers= uses (model/headers.ts).
  const ids: [string, Struct][] = [];
  const buildTable = (block: number) => {
    const t = o.tables.get(block)!;
    const table = make('Table');
    blocks.set(block, table);
    root.add(table);
    const grid = resolveGrid(t);
    const headerRows = Math.min(t.headerRows, grid.rowCount);
    const sections = [headerRows > 0 ? make('THead') : undefined, grid.rowCount > headerRows ? make('TBody') : undefined];
    for (const sec of sections) if (sec) table.add(sec);
    const trs = Array.from({ length: grid.rowCount }, (_, r) => {
      const tr = make('TR');
      (r < headerRows ? sections[0] : sections[1])!.add(tr);
      return tr;
    });
    // Short ids (the header cells of the document numbered in base 36), as every TD repeats several.
    const headerIndex = new Map<string, number>();
    for (const p of grid.placed) if (p.cell.kind !== 'value') headerIndex.set(`${p.row}:${p.col}`, ids.length + headerIndex.size);
    const idOf = (row: number, col: number) => headerIndex.get(`${row}:${col}`)!.toString(36);
    for (const { cell, row, col } of grid.placed) {
      const td = make(cell.kind === 'value' ? 'TD' : 'TH');
      const attrs: Record<string, unknown> = { O: 'Table' };
      if (cell.kind !== 'value') attrs.Scope = cell.kind === 'header' ? 'Column' : 'Row';
      if (cell.rowSpan > 1) attrs.RowSpan = cell.rowSpan;
      if (cell.colSpan > 1) attrs.ColSpan = cell.colSpan;
      const headers = cell.kind === 'header' ? [] : headersOf(grid, { row, col }, cell.rowSpan, cell.colSpan);
      // Byte strings written as hex (<…>): pdfkit escapes a literal string character by character.
      if (headers.length > 0) attrs.Headers = headers.map((h) => idBytes(idOf(h.row, h.col)));
      const data = (td as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
      data.A = attrs;
      if (cell.kind !== 'value') {
        data.ID = idBytes(idOf(row, col));
        ids.push([idOf(row, col), td]);
      }
      trs[row]!.add(td);
      cells.set(`${block}:${row}:${col}`, td);
    }
  };

  const fontKeys = new Map<ResolvedFace, string>();
  const useFont = (role: FontRole, size: number) => {
    const f = o.face(role);
    let key = fontKeys.get(f);
    if (!key) fontKeys.set(f, (key = `${f.file}#${f.postscriptName}`));
    // A parsed fontkit face and a string key: pdfkit caches by the key and never re-reads the file.
    doc.font(f.font as unknown as string, key, size);
    useSharedShaping(doc, f);
    useSubsetTag(doc);
  };

  for (const page of layout.pages) {
    doc.addPage({ size: [layout.pageWidth, layout.pageHeight], margin: 0 });
    let open: Tag | undefined;
    const close = () => {
      if (open) doc.endMarkedContent();
      open = undefined;
    };
    for (const item of page.items) {
      if (!sameTag(open, item.tag)) {
        close();
        if (item.tag.kind === 'artifact') doc.markContent('Artifact', { type: item.kind === 'rect' ? 'Layout' : 'Pagination' } as PDFKit.Mixins.MarkingOptions);
        else {
          const s = structFor(item.tag);
          s.add(doc.markStructureContent(item.tag.kind === 'block' ? item.tag.struct : item.tag.header ? 'TH' : 'TD'));
        }
        open = item.tag;
      }
      draw(doc, item, useFont, o.border);
    }
    close();
  }
  addOutline(doc, o.outline, layout);
  if (ids.length > 0) {
    // The ID tree maps each TH id to its element; a name tree's keys in byte order.
    const tree = (doc as unknown as { getStructTreeRoot(): { data: Record<string, unknown> } }).getStructTreeRoot();
    const sorted = [...ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    tree.data.IDTree = { Names: sorted.flatMap(([id, el]) => [idBytes(id), (el as unknown as { dictionary: unknown }).dictionary]) };
  }
  for (const s of all) s.end();
  doc.end();
  return done;
}

/** What `paint` replaces of pdfkit 0.20.2's document (PDFDocument._write, its byte offset). */
interface PdfkitWriter {
  _write(data: string | Uint8Array): void;
  _offset: number;
}

/**
 * The bookmarks (PDF 1.7 §12.3.3), opened beside the pages (pdfkit sets /PageMode /UseOutlines),
 * each an XYZ destination at its heading's first line, zoom unchanged, every item open. pdfkit
 * 0.20.2 computes the destination as [page, /XYZ, width − left, height − top, zoom] from its
 * options, and writes /Count only as the number of children; the spec (and PDF/A-1's Preflight)
 * wants the root's /Count and each open item's as all its visible descendants, so they are set
 * here (test/pdf-outline.test.ts reads the destinations back, test/pdfa.test.ts validates).
 */
function addOutline(doc: Doc, entries: readonly OutlineEntry[], layout: Layout): void {
  type Item = { outlineData: { Count?: number }; addItem(title: string, options: { pageNumber: number; left: number; top: number }): Item };
  const add = (parent: Item, e: OutlineEntry): number => {
    const item = parent.addItem(e.title, { pageNumber: e.page, left: layout.pageWidth - e.left, top: e.top });
    const below = e.children.reduce((n, c) => n + add(item, c), 0);
    if (below > 0) item.outlineData.Count = below;
    return 1 + below;
  };
  const root = (doc as unknown as { outline: Item }).outline;
  const total = entries.reduce((n, e) => n + add(root, e), 0);
  if (total > 0) root.outlineData.Count = total;
}

function draw(doc: Doc, item: Item, useFont: (role: FontRole, size: number) => void, border: number): void {
  if (item.kind === 'rect') {
    doc.lineWidth(border).rect(item.x, item.y, item.w, item.h).stroke('black');
    return;
  }
  for (const s of item.segments) {
    useFont(s.role, s.size);
    if (s.fakeBold) doc.lineWidth(s.size * FAKE_BOLD_STROKE_EM).strokeColor('black');
    drawText(doc as unknown as PdfkitText, s.text, s.x, item.y, s.spacing, s.fakeBold === true);
  }
}

/** The part of pdfkit's embedded font that shapes: both drawing and string widths go through it. */
interface EmbeddedFont {
  font?: object;
  layout?: (text: string, features?: unknown, onlyWidth?: boolean) => ShapedRun;
}

/**
 * Makes pdfkit draw the shaped units the line breaker measured (shaping.ts) instead of shaping
 * every drawn string again: its own cache is keyed by whole strings, and lines of prose never come
 * back. Same glyphs and advances, since the layout already measured each unit on its own.
 */
const shaped = new WeakSet<object>();
function useSharedShaping(doc: Doc, face: ResolvedFace): void {
  const embedded = (doc as unknown as { _font?: EmbeddedFont })._font;
  if (!embedded || embedded.font !== (face.font as object) || shaped.has(embedded) || !embedded.layout) return;
  const own = embedded.layout.bind(embedded);
  embedded.layout = (text, features, onlyWidth) => (features ? own(text, features, onlyWidth) : shapeText(face.font, text));
  shaped.add(embedded);
}

/** A transcription's original in the document information dictionary (custom keys, ISO 32000-1 §14.3.3). */
function sourceInfo(meta: DocumentMeta): Record<string, string> {
  if (!meta.source) return {};
  return { Source: meta.source.from, ...(meta.source.date ? { PublicationDate: meta.source.date } : {}), Comments: sourceNote(meta.source) };
}

/** …and in the XMP packet, with Dublin Core's own properties (dc:source, dc:date), which PDF/A accepts without an extension schema. */
function sourceXmp(source: NonNullable<DocumentMeta['source']>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const date = source.date ? `<dc:date><rdf:Seq><rdf:li>${source.date}</rdf:li></rdf:Seq></dc:date>` : '';
  return `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:source>${esc(source.from)}</dc:source>${date}</rdf:Description>`;
}

/** An id as a PDF byte string, memoised: a table's TDs repeat the same few ids. */
const idCache = new Map<string, Buffer>();
function idBytes(id: string): Buffer {
  let b = idCache.get(id);
  if (!b) {
    if (idCache.size > 10_000) idCache.clear();
    idCache.set(id, (b = Buffer.from(id, 'latin1')));
  }
  return b;
}

/** The part of pdfkit's embedded font that names the subset when it is written at the end. */
interface TaggedFont {
  id: string;
  font: { postscriptName: string };
  subset: { glyphs: number[] };
  embed(): unknown;
}

/**
 * A subset's tag (the `ABCDEF+` before its font name, PDF 1.7 §9.6.4) derived from the subset:
 * pdfkit 0.20 makes it from the font's resource id, so every file had `BZZZZZ+`, and readers that
 * expect distinct subsets to have distinct tags could mix them up across files. pdfkit computes the
 * tag from characters 1–6 of `id` (each + 17), so during its own `embed` the id spells the tag
 * wanted; the resource name in the pages was written with the real id before, and is restored.
 */
const tagged = new WeakSet<object>();
function useSubsetTag(doc: Doc): void {
  const embedded = (doc as unknown as { _font?: TaggedFont })._font;
  if (!embedded || tagged.has(embedded) || typeof embedded.embed !== 'function' || !embedded.subset?.glyphs) return;
  const own = embedded.embed.bind(embedded);
  embedded.embed = () => {
    const id = embedded.id;
    embedded.id = `F${[...subsetTag(embedded.font.postscriptName, embedded.subset.glyphs)].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
    try {
      return own();
    } finally {
      embedded.id = id;
    }
  };
  tagged.add(embedded);
}

/** Six capital letters from a hash of the face's name and the glyphs of its subset. */
export function subsetTag(postscriptName: string, glyphs: readonly number[]): string {
  const digest = createHash('sha256').update(postscriptName).update(Uint32Array.from(glyphs)).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}
