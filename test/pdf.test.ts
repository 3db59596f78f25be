import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../src/schema/scaffold.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { reportArbitrary } from './support/arbitrary.js';
import { docOf, expectedSequence, firstOutOfOrder, fontDescriptors, pdfSource, spanning, layoutOf, pdfPages, pdfTableCells, type PdfCell } from './support/pdf.js';

const examples: [string, string][] = [
  ['scaffold 2019', scaffold({ agency: '某某县科学技术局', year: 2020, edition: '2019', blank: false, schemaPath: '../nianbao.schema.json' })],
  ['scaffold 2021', scaffold({ agency: '某某县科学技术局', year: 2021, edition: '2021', blank: false, schemaPath: '../nianbao.schema.json' })],
  ...fc.sample(reportArbitrary(), { numRuns: 4, seed: 4 }).map((g, i): [string, string] => [`generated ${i} (${g.edition})`, g.yaml]),
  ...(existsSync('data') ? readdirSync('data').filter((f) => f.endsWith('.yaml')).sort().map((f): [string, string] => [`data/${f}`, readFileSync(`data/${f}`, 'utf8')]) : []),
];

describe.each(examples)('PDF of %s', (name, yaml) => {
  const doc = docOf(yaml, name);
  let bytes: Uint8Array;
  let pages: string[];
  let cells: PdfCell[];
  beforeAll(async () => {
    bytes = (await renderPdf(doc, {})).bytes;
    pages = await pdfPages(bytes);
    cells = await pdfTableCells(bytes);
  });

  it('gives back every section title, table label and figure in reading order', () => {
    const text = pages.join('');
    expect(firstOutOfOrder(text, expectedSequence(doc))).toBeUndefined();
    // A label spanning rows is read from its tagged cell: in the page text its lines interleave
    // with the cells beside it.
    for (const label of spanning(doc)) expect(cells.map((c) => [...c.text].filter((ch) => label.includes(ch)).join(''))).toContain(label);
  });

  it('embeds every font as a subset', () => {
    const fonts = fontDescriptors(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('has as many pages as the layout predicts, each numbered', () => {
    const layout = layoutOf(doc);
    expect(pages.length).toBe(layout.pages.length);
    pages.forEach((p, i) => expect(p).toContain(`—${i + 1}—`));
  });

  it('is tagged: structure tree, table headers with spans, artifacts, language and title shown', () => {
    const raw = pdfSource(bytes);
    for (const key of ['/StructTreeRoot', '/S /Table', '/S /TH', '/S /TD', '/RowSpan', '/ColSpan', '/Lang (zh-CN)', '/DisplayDocTitle true', '/Marked true']) {
      expect(raw, key).toContain(key);
    }
    // Page numbers and borders are marked as artifacts inside the (compressed) content streams.
    expect(contentStreams(bytes).some((c) => c.includes('/Artifact'))).toBe(true);
  });

  it('is byte-identical across two runs', async () => {
    const again = (await renderPdf(doc, {})).bytes;
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });
});

function contentStreams(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes);
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const s = buf.indexOf('stream\n', at);
    if (s < 0) break;
    const e = buf.indexOf('\nendstream', s);
    try {
      out.push(inflateSync(buf.subarray(s + 7, e)).toString('latin1'));
    } catch {
      /* not deflated (XMP, fonts) */
    }
    at = e + 10;
  }
  return out;
}
