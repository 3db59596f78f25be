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
  return out.map((s) => s.replace(/\s+/g, '')).filter((s) => s !== '');
}

/** Texts of the cells that span rows. */
export function spanning(doc: Document): string[] {
  return doc.blocks
    .flatMap((b) => (b.type === 'table' ? resolveGrid(b).placed.filter((p) => p.cell.rowSpan > 1).map((p) => p.cell.text.replace(/\s+/g, '')) : []))
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

/** Font descriptors in the PDF and whether each embeds a font program. */
export function fontDescriptors(bytes: Uint8Array): { name: string; embedded: boolean }[] {
  const text = Buffer.from(bytes).toString('latin1');
  const out: { name: string; embedded: boolean }[] = [];
  for (const obj of text.split(/\n\d+ 0 obj\n/)) {
    const dict = obj.split('endobj')[0]!;
    if (!dict.includes('/Type /FontDescriptor')) continue;
    const name = /\/FontName \/([^\s/]+)/.exec(dict)?.[1] ?? '?';
    out.push({ name, embedded: /\/FontFile[23]? \d+ 0 R/.test(dict) });
  }
  return out;
}
