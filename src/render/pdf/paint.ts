import PDFDocument from 'pdfkit';
import { sourceNote, type DocumentMeta, type TableBlock } from '../../model/document.js';
import type { FontRole } from '../../model/style.js';
import type { ResolvedFace } from '../../fonts/resolve.js';
import { resolveGrid } from '../../model/grid.js';
import { shapeText, type ShapedRun } from './shaping.js';
import { FAKE_BOLD_STROKE_EM } from './geometry.js';
import { sameTag } from './tags.js';
import { drawText, type PdfkitText } from './textOps.js';
import type { Item, Layout, Tag } from './types.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export interface PaintOptions {
  meta: DocumentMeta;
  tables: Map<number, TableBlock>;
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
  const chunks: Uint8Array[] = [];
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
  const buildTable = (block: number) => {
    const t = o.tables.get(block)!;
    const table = make('Table');
    blocks.set(block, table);
    root.add(table);
    const grid = resolveGrid(t);
    const trs = Array.from({ length: grid.rowCount }, () => {
      const tr = make('TR');
      table.add(tr);
      return tr;
    });
    for (const { cell, row, col } of grid.placed) {
      const td = make(cell.kind === 'value' ? 'TD' : 'TH');
      const attrs: Record<string, unknown> = { O: 'Table' };
      if (cell.kind !== 'value') attrs.Scope = cell.kind === 'header' ? 'Column' : 'Row';
      if (cell.rowSpan > 1) attrs.RowSpan = cell.rowSpan;
      if (cell.colSpan > 1) attrs.ColSpan = cell.colSpan;
      (td as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = attrs;
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
  for (const s of all) s.end();
  doc.end();
  return done;
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
