import { inflateSync } from 'node:zlib';
import { PDFParse } from 'pdf-parse';
import type { Document, TableBlock } from '../../src/model/document.js';
import { resolveGrid } from '../../src/model/grid.js';
import { DEFAULT_STYLE } from '../../src/model/style.js';
import { checkText, composeChecked } from '../../src/pipeline.js';
import { defaultFontSettings, resolveFonts } from '../../src/fonts/index.js';
import { layoutDocument } from '../../src/render/pdf/layout.js';
import { fontMetrics } from '../../src/render/pdf/metrics.js';
import type { Layout } from '../../src/render/pdf/types.js';

export function docOf(yaml: string, file = 'test.yaml'): Document {
  const c = checkText(yaml, file);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  return composeChecked(c)!;
}

export const realMetrics = () => fontMetrics(resolveFonts(DEFAULT_STYLE.fonts, defaultFontSettings()));

export function layoutOf(doc: Document): Layout {
  return layoutDocument(doc, DEFAULT_STYLE, realMetrics());
}

/** Text of each page as pdf.js extracts it, whitespace removed. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const r = await parser.getText();
    return r.pages.map((p) => p.text.replace(/\s+/g, ''));
  } finally {
    await parser.destroy();
  }
}

/**
 * Everything the reader must get back, in order: section titles, table labels and figures. A cell
 * spanning several rows is left out of the order: when its rows cross a page break its text sits
 * in the first segment tall enough for it, which may be on the next page (`spanning` lists them).
 */
export function expectedSequence(doc: Document): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'heading' && b.level === 1) out.push(b.text);
    if (b.type === 'table') out.push(...resolveGrid(b).placed.filter((p) => p.cell.rowSpan === 1).map((p) => p.cell.text));
  }
  return out.map(extractable).filter((s) => s !== '');
}

/**
 * Text as it can come back from the PDF: whitespace removed, and characters the face lacks left
 * out (drawn as .notdef with a font/missing-glyph warning, e.g. CJK Extension B in the fallback).
 */
let metrics: ReturnType<typeof realMetrics> | undefined;
function extractable(s: string): string {
  const m = (metrics ??= realMetrics());
  return [...s.replace(/\s+/g, '')].filter((ch) => m.covers('table', ch) && m.covers('body', ch)).join('');
}

/** Texts of the cells that span rows. */
export function spanning(doc: Document): string[] {
  return doc.blocks
    .flatMap((b) => (b.type === 'table' ? resolveGrid(b).placed.filter((p) => p.cell.rowSpan > 1).map((p) => extractable(p.cell.text)) : []))
    .filter((s) => s !== '');
}

export function tableTexts(t: TableBlock, kinds: ('header' | 'label' | 'value')[] = ['header', 'label', 'value']): string[] {
  return resolveGrid(t).placed.filter((p) => kinds.includes(p.cell.kind)).map((p) => p.cell.text);
}

/** The first expected string not found after its predecessor, or undefined when all are in order. */
export function firstOutOfOrder(text: string, expected: string[]): string | undefined {
  let at = 0;
  for (const s of expected) {
    const i = text.indexOf(s, at);
    if (i < 0) return `${s}（在第 ${at} 个字符之后没有找到；上下文：${text.slice(at, at + 60)}）`;
    at = i + s.length;
  }
  return undefined;
}

/**
 * The PDF as text (latin1) with the objects of its object streams written out after it as
 * `n 0 obj … endobj`, so that a test can find a dictionary whether it is in the file or in a
 * compressed object stream (render/pdf/compact.ts).
 */
export function pdfSource(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const text = buf.toString('latin1');
  let out = text;
  for (const m of text.matchAll(/<<\n\/Type \/ObjStm\n\/N (\d+)\n\/First (\d+)\n\/Filter \/FlateDecode\n\/Length (\d+)\n>>\nstream\n/g)) {
    const start = m.index + m[0].length;
    const data = inflateSync(buf.subarray(start, start + Number(m[3]))).toString('latin1');
    const first = Number(m[2]);
    const pairs = data.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < Number(m[1]); i++) {
      const from = first + pairs[2 * i + 1]!;
      const to = i + 1 < Number(m[1]) ? first + pairs[2 * i + 3]! : data.length;
      out += `\n${pairs[2 * i]} 0 obj\n${data.slice(from, to).trim()}\nendobj\n`;
    }
  }
  return out;
}

/** Font descriptors in the PDF and whether each embeds a font program. */
export function fontDescriptors(bytes: Uint8Array): { name: string; embedded: boolean }[] {
  const text = pdfSource(bytes);
  const out: { name: string; embedded: boolean }[] = [];
  for (const obj of text.split(/\n\d+ 0 obj\n/)) {
    const dict = obj.split('endobj')[0]!;
    if (!dict.includes('/Type /FontDescriptor')) continue;
    const name = /\/FontName \/([^\s/]+)/.exec(dict)?.[1] ?? '?';
    out.push({ name, embedded: /\/FontFile[23]? \d+ 0 R/.test(dict) });
  }
  return out;
}

/** The text a PDF shows inside one marked-content sequence tagged TD or TH, in content order. */
export interface PdfCell {
  tag: 'TD' | 'TH';
  page: number;
  text: string;
}

/** A drawn glyph in points from the page's top-left corner, with whether it is an artifact. */
export interface PdfGlyph {
  page: number;
  char: string;
  /** Left edge and advance end (character spacing excluded), baseline, font size. */
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  artifact: boolean;
  /** Which marked-content sequence (a TD, a TH, a paragraph) drew it, numbered in content order per page. */
  mark: number;
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;
const loadPdfjs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

async function withPdf<T>(bytes: Uint8Array, f: (pdf: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy, lib: Pdfjs) => Promise<T>): Promise<T> {
  const lib = await loadPdfjs();
  const pdf = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    return await f(pdf, lib);
  } finally {
    await pdf.destroy();
  }
}

/** A text item as pdf.js extracts it: page (1-based), left edge, baseline, right edge, in PDF points. */
export interface PdfTextItem {
  page: number;
  x: number;
  y: number;
  right: number;
  str: string;
}

/** Every non-blank text item of every page. */
export async function pdfTextItems(bytes: Uint8Array): Promise<PdfTextItem[]> {
  return withPdf(bytes, async (pdf) => {
    const out: PdfTextItem[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const content = await (await pdf.getPage(p)).getTextContent();
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        out.push({ page: p, x: it.transform[4] as number, y: it.transform[5] as number, right: (it.transform[4] as number) + it.width, str: it.str });
      }
    }
    return out;
  });
}

/**
 * Table cells as a reader of the tagged PDF gets them: each TD/TH marked-content sequence with the
 * text pdf.js extracts from it, whitespace removed. A figure wrapped over two lines of a narrow cell
 * comes back whole, which the page text (sorted into visual lines across cells) cannot give.
 */
export async function pdfTableCells(bytes: Uint8Array): Promise<PdfCell[]> {
  return withPdf(bytes, async (pdf) => {
    const out: PdfCell[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const content = await (await pdf.getPage(p)).getTextContent({ includeMarkedContent: true });
      let open: PdfCell | undefined;
      for (const item of content.items) {
        if ('type' in item) {
          // pdf.js types the marked-content item without the tag it carries.
          const tag = (item as { tag?: string }).tag;
          if (item.type === 'beginMarkedContentProps' && (tag === 'TD' || tag === 'TH')) out.push((open = { tag, page: p - 1, text: '' }));
          else if (item.type === 'endMarkedContent') open = undefined;
        } else if (open) open.text += item.str.replace(/\s+/g, '');
      }
    }
    return out;
  });
}

/**
 * Every glyph the PDF draws, placed by replaying the text operators (text matrix, font size,
 * character spacing, TJ adjustments, the page's transformation matrix) the way a viewer does. The
 * advance end leaves out the character spacing after the glyph, which moves the next glyph but
 * draws nothing (a justified line's last glyph carries the line's whole gap in it).
 */
export async function pdfGlyphs(bytes: Uint8Array): Promise<PdfGlyph[]> {
  return withPdf(bytes, async (pdf, lib) => {
    const { OPS } = lib;
    const out: PdfGlyph[] = [];
    type M = [number, number, number, number, number, number];
    const mul = (a: M, b: M): M => [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const height = page.view[3]! - page.view[1]!;
      const ops = await page.getOperatorList();
      let ctm: M = [1, 0, 0, 1, 0, 0];
      // The text state (Tc, Tw, Tz, font size) is part of the graphics state: q/Q save and restore it.
      const stack: { ctm: M; size: number; tc: number; tw: number; hscale: number }[] = [];
      let tm: M = [1, 0, 0, 1, 0, 0];
      let lineM: M = tm;
      let size = 0;
      let tc = 0;
      let tw = 0;
      let hscale = 1;
      const marks: boolean[] = [];
      const markIds: number[] = [];
      let nextMark = 0;
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push({ ctm, size, tc, tw, hscale });
        else if (fn === OPS.restore) ({ ctm, size, tc, tw, hscale } = stack.pop() ?? { ctm, size, tc, tw, hscale });
        else if (fn === OPS.transform) ctm = mul(Array.from(args as ArrayLike<number>) as M, ctm);
        else if (fn === OPS.beginText) tm = lineM = [1, 0, 0, 1, 0, 0];
        else if (fn === OPS.setTextMatrix) tm = lineM = Array.from(args[0] as ArrayLike<number>) as M; // a Float32Array
        else if (fn === OPS.moveText) tm = lineM = mul([1, 0, 0, 1, args[0] as number, args[1] as number], lineM);
        else if (fn === OPS.setFont) size = args[1] as number;
        else if (fn === OPS.setCharSpacing) tc = args[0] as number;
        else if (fn === OPS.setWordSpacing) tw = args[0] as number;
        else if (fn === OPS.setHScale) hscale = (args[0] as number) / 100;
        else if (fn === OPS.beginMarkedContentProps || fn === OPS.beginMarkedContent) {
          marks.push(args[0] === 'Artifact' || marks.at(-1) === true);
          markIds.push(nextMark++);
        } else if (fn === OPS.endMarkedContent) {
          marks.pop();
          markIds.pop();
        }
        else if (fn === OPS.showText) {
          for (const g of args[0] as (number | { unicode: string; width: number; isSpace: boolean })[]) {
            if (typeof g === 'number') {
              tm = mul([1, 0, 0, 1, (-g / 1000) * size * hscale, 0], tm);
              continue;
            }
            const advance = (g.width / 1000) * size * hscale;
            const full = mul(tm, ctm);
            const start = full[4];
            const end = mul([1, 0, 0, 1, advance, 0], full)[4];
            if (g.unicode.trim() !== '') {
              out.push({ page: p - 1, char: g.unicode, x0: Math.min(start, end), x1: Math.max(start, end), baseline: height - full[5], size: size * Math.hypot(full[2], full[3]), artifact: marks.at(-1) === true, mark: markIds.at(-1) ?? -1 });
            }
            tm = mul([1, 0, 0, 1, advance + (tc + (g.isSpace ? tw : 0)) * hscale, 0], tm);
          }
        }
      }
    }
    return out;
  });
}

/** A PDF bookmark as a viewer follows it: title, 0-based page, the XYZ destination's left and top (PDF points, from the bottom), children. */
export interface PdfBookmark {
  title: string;
  page: number;
  left: number;
  top: number;
  /** /Count: the visible descendants of an open item (undefined without children). */
  count: number | undefined;
  children: PdfBookmark[];
}

/** The document outline read by pdf.js, each explicit destination resolved to its page; and the catalog's /PageMode. */
export async function pdfOutline(bytes: Uint8Array): Promise<{ pageMode: string; outline: PdfBookmark[] }> {
  return withPdf(bytes, async (pdf) => {
    type Node = { title: string; dest: string | unknown[] | null; count?: number; items: Node[] };
    const walk = async (nodes: Node[]): Promise<PdfBookmark[]> =>
      Promise.all(
        nodes.map(async (n) => {
          const dest = typeof n.dest === 'string' ? await pdf.getDestination(n.dest) : n.dest;
          if (!Array.isArray(dest) || (dest[1] as { name?: string }).name !== 'XYZ') throw new Error(`bookmark ${n.title}: not an XYZ destination`);
          const page = await pdf.getPageIndex(dest[0] as Parameters<typeof pdf.getPageIndex>[0]);
          return { title: n.title, page, left: dest[2] as number, top: dest[3] as number, count: n.count, children: await walk(n.items) };
        }),
      );
    return { pageMode: await pdf.getPageMode(), outline: await walk(((await pdf.getOutline()) ?? []) as Node[]) };
  });
}
