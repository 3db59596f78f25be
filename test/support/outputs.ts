import { expect } from 'vitest';
import type { Document, TableBlock } from '../../src/model/document.js';
import { resolveGrid } from '../../src/model/grid.js';
import { RENDERERS, type OutputFormat } from '../../src/render/index.js';
import type { GeneratedReport } from './arbitrary.js';
import { bodyItems, docxPart } from './docxXml.js';
import { byTag, parseHtml } from './html.js';
import { ofdParts, taggedTexts } from './ofd.js';
import { docOf, layoutOf, pdfGlyphs, pdfTableCells } from './pdf.js';

/** What a report must give back from every output: the table figures in order (see checkOutputs). */
export type ExpectedFigures = GeneratedReport['figures'];

/** GB/T 9704-2012 §5 as spec §6.1 states it, in points: written out here, not read from the style. */
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
/** Rounding in the content stream (pdfkit writes 2–5 decimals). */
const EPS = 0.05;

const render = async (format: OutputFormat, doc: Document) => (await RENDERERS[format]!())(doc, {});

/** The value cells of each DOCX table, paired with the grid by row (vMerge continuations skipped). */
async function docxFigures(bytes: Uint8Array, tables: TableBlock[]): Promise<string[][]> {
  const xmlTables = bodyItems(await docxPart(bytes, 'word/document.xml')).filter((b) => b.kind === 'table');
  expect(xmlTables.length).toBe(tables.length);
  return tables.map((t, ti) => {
    const grid = resolveGrid(t);
    const rows = xmlTables[ti]!.kind === 'table' ? xmlTables[ti]!.rows : [];
    expect(rows.length).toBe(grid.rowCount);
    return rows.flatMap((row, r) => {
      const owned = grid.placed.filter((p) => p.row === r).sort((a, b) => a.col - b.col);
      const cells = row.cells.filter((c) => c.vMerge !== 'continue');
      expect(cells.length).toBe(owned.length);
      return cells.filter((_, i) => owned[i]!.cell.kind === 'value').map((c) => c.text);
    });
  });
}

const nonBlank = (xs: string[]) => xs.filter((x) => x !== '');

/**
 * Renders `yaml` through the renderers the CLI uses and reads the figures back from each output:
 * DOCX table cells, the tagged PDF's TD cells, HTML <td>s, the OFD's value cells (its custom tags
 * and the TextCodes they point at); every PDF glyph that is not an
 * artifact (page numbers sit below the 版心 by design) stays inside the margins.
 */
export async function checkOutputs(yaml: string, figures: ExpectedFigures): Promise<void> {
  const doc = docOf(yaml, 'gen.yaml');
  const tables = doc.blocks.filter((b): b is TableBlock => b.type === 'table');
  const want = [figures.proactive, figures.applications, figures.review];

  const docx = await render('docx', doc);
  expect(await docxFigures(docx.bytes, tables)).toEqual(want);

  const html = Buffer.from((await render('html', doc)).bytes).toString('utf8');
  expect(byTag(parseHtml(html), 'table').map((t) => byTag(t, 'td').map((c) => c.text))).toEqual(want);

  // A blank cell draws nothing, so the PDF gives the non-blank figures; a blank printed as 0 (or a
  // 0 left out) still shifts the sequence.
  const pdf = (await render('pdf', doc)).bytes;
  const cells = await pdfTableCells(pdf);
  expect(cells.filter((c) => c.tag === 'TD').map((c) => c.text)).toEqual(nonBlank(want.flat()).map((s) => s.replace(/\s+/g, '')));

  const ofd = taggedTexts(ofdParts((await render('ofd', doc)).bytes));
  expect(ofd.cellKinds.filter((c) => c.kind === 'value' && c.text !== '').map((c) => c.text)).toEqual(nonBlank(want.flat()).map((s) => s.replace(/\s+/g, '')));

  const outside = (await pdfGlyphs(pdf)).filter(
    (gl) =>
      !gl.artifact &&
      (gl.x0 < MARGIN.left - EPS || gl.x1 > PAGE.width - MARGIN.right + EPS || gl.baseline > PAGE.height - MARGIN.bottom + EPS || gl.baseline - 0.88 * gl.size < MARGIN.top - EPS),
  );
  expect(outside.slice(0, 3)).toEqual([]);

  // Justified body lines end flush with the right margin, except a line that is one unbreakable
  // unit (a lone glyph before a word that fits only a line of its own; such a word by itself).
  const right = PAGE.width - MARGIN.right;
  const ragged = layoutOf(doc).pages.flatMap((p) =>
    p.items.filter((i) => {
      if (i.kind !== 'text' || i.tag.kind !== 'block' || i.tag.struct !== 'P' || i.last) return false;
      const one = i.segments.length === 1 && ([...i.segments[0]!.text].length === 1 || /^[\x21-\x7e]+$/.test(i.segments[0]!.text));
      return !one && Math.abs(i.right - right) > 0.5;
    }),
  );
  expect(ragged.slice(0, 3)).toEqual([]);
}

