import type { Element } from '@xmldom/xmldom';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveGrid } from '../src/model/grid.js';
import { renderOfd } from '../src/render/ofd/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { documentOf, examples } from './support/examples.js';
import { all, farFromPdf, ofdChars, ofdParts, pageNames, taggedTexts, text, validateOfd, xml, type OfdChar } from './support/ofd.js';
import { expectedSequence, firstOutOfOrder, layoutOf, pdfGlyphs, spanning } from './support/pdf.js';

describe.each(examples().map((e) => [e.name, e] as const))('OFD of %s', (name, ex) => {
  const doc = documentOf(ex);
  let bytes: Uint8Array;
  let parts: Map<string, Uint8Array>;
  let chars: OfdChar[];
  beforeAll(async () => {
    bytes = (await renderOfd(doc, {})).bytes;
    parts = ofdParts(bytes);
    chars = ofdChars(parts);
  });

  it('validates part by part against the GB/T 33190 schemas (xmllint --schema)', () => {
    const { checked, failures } = validateOfd(parts);
    expect(failures).toEqual([]);
    expect(checked).toEqual(expect.arrayContaining(['OFD.xml', 'Doc_0/Document.xml', 'Doc_0/PublicRes.xml', 'Doc_0/Tags/CustomTags.xml', 'Doc_0/Tags/Tags.xml']));
    expect(checked.filter((n) => n.endsWith('/Content.xml'))).toHaveLength(layoutOf(doc).pages.length);
    expect([...parts.keys()].filter((n) => n.endsWith('.xml')).sort()).toEqual([...checked].sort());
  });

  it('has the DocInfo of the report and a package in a fixed order', () => {
    expect([...parts.keys()][0]).toBe('OFD.xml');
    const info = xml(text(parts, 'OFD.xml'));
    const field = (n: string) => all(info, n)[0]?.textContent;
    expect(field('DocID')).toMatch(/^[0-9a-f]{32}$/);
    expect(field('Title')).toBe(doc.meta.title);
    expect(field('Author')).toBe(doc.meta.author);
    expect(field('Subject')).toBe(doc.meta.subject);
    expect(field('CreationDate')).toBe(doc.meta.date);
    expect(field('Creator')).toBe('nianbao');
    expect(all(info, 'Keyword').map((k) => k.textContent)).toEqual(doc.meta.keywords);
  });

  it('gives every object a unique ID, MaxUnitID the largest, A4 as the page area', () => {
    const ids = [...parts].filter(([n]) => n.endsWith('.xml')).flatMap(([n]) => [...text(parts, n).matchAll(/ ID="(\d+)"/g)].map((m) => Number(m[1])));
    expect(new Set(ids).size).toBe(ids.length);
    const d = xml(text(parts, 'Doc_0/Document.xml'));
    expect(Number(all(d, 'MaxUnitID')[0]!.textContent)).toBe(Math.max(...ids));
    const [x, y, w, h] = all(d, 'PhysicalBox')[0]!.textContent!.split(' ').map(Number);
    expect([x, y]).toEqual([0, 0]);
    expect(w).toBeCloseTo(210, 1);
    expect(h).toBeCloseTo(297, 1);
  });

  it('gives back every section title, table label and figure in reading order from the TextCodes', () => {
    const pages = pageNames(parts).map((_, i) => chars.filter((c) => c.page === i).map((c) => c.char).join(''));
    expect(firstOutOfOrder(pages.join(''), expectedSequence(doc))).toBeUndefined();
    pages.forEach((p, i) => expect(p).toContain(`— ${i + 1} —`));
    // Every title line, by-line, heading and paragraph, whole and in order (whitespace aside), from its tagged objects.
    const tagged = taggedTexts(parts, chars);
    const blockText = (b: (typeof doc.blocks)[number]) => (b.type === 'title' ? b.lines.join('') : b.type === 'byline' || b.type === 'heading' ? b.text : b.type === 'paragraph' ? (b.lead?.text ?? '') + b.text : '');
    expect(tagged.blocks).toEqual(doc.blocks.map((b) => squeeze(blockText(b))).filter((t) => t !== ''));
    // A label spanning rows is read from its tagged cell, as in the PDF.
    for (const label of spanning(doc)) expect(tagged.cells).toContain(label);
  });

  it('puts every glyph where the PDF draws it (same layout, same advances)', async () => {
    const pdf = await pdfGlyphs((await renderPdf(doc, {})).bytes);
    const far = farFromPdf(pdf, chars);
    expect(far.slice(0, 3)).toEqual([]);
  });

  it('tags the title, headings, paragraphs and every table cell, each reference an object on its page', () => {
    const objects = new Map<number, { page: number; text: boolean }>();
    pageNames(parts).forEach(({ id, name }) => {
      for (const m of text(parts, name).matchAll(/<ofd:(TextObject|PathObject) ID="(\d+)"/g)) objects.set(Number(m[2]), { page: id, text: m[1] === 'TextObject' });
    });
    const tags = xml(text(parts, 'Doc_0/Tags/Tags.xml'));
    const refs = all(tags, 'ObjectRef');
    for (const r of refs) expect(objects.get(Number(r.textContent))?.page).toBe(Number(r.getAttribute('PageRef')));
    expect(new Set(refs.map((r) => r.textContent)).size).toBe(refs.length);
    const nb = (n: string) => all(tags, n, 'urn:nianbao:ofd-tags:1');
    expect(nb('Title')).toHaveLength(doc.blocks.filter((b) => b.type === 'title').length);
    expect(nb('Heading').map((h) => Number(h.getAttribute('Level')))).toEqual(doc.blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : [])));
    const tables = doc.blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
    expect(nb('Table').map((t) => t.getAttribute('Name'))).toEqual(tables.map((t) => t.id));
    nb('Table').forEach((t, i) => {
      const grid = resolveGrid(tables[i]!);
      const cells = all(t, 'Cell', 'urn:nianbao:ofd-tags:1').map((c) => ['Row', 'Col', 'RowSpan', 'ColSpan'].map((a) => Number(c.getAttribute(a))).join(','));
      expect(cells).toEqual([...grid.placed].sort((a, b) => a.row - b.row || a.col - b.col).map((p) => [p.row, p.col, p.cell.rowSpan, p.cell.colSpan].join(',')));
    });
  });

  it('has an outline of the headings, each going to the page its heading is on', () => {
    const d = xml(text(parts, 'Doc_0/Document.xml'));
    const top = all(d, 'Outlines')[0] ? Array.from(all(d, 'Outlines')[0]!.childNodes).filter((n) => (n as Element).localName === 'OutlineElem') as Element[] : [];
    expect(top.map((e) => e.getAttribute('Title'))).toEqual(doc.blocks.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : [])));
    const pageOf = new Map(pageNames(parts).map((p, i) => [p.id, i]));
    const firstPage = (title: string) => chars.find((c) => squeeze(title).startsWith(c.char) && chars.slice(chars.indexOf(c), chars.indexOf(c) + [...squeeze(title)].length).map((x) => x.char).join('') === squeeze(title))?.page;
    for (const e of top) expect(pageOf.get(Number(all(e, 'Dest')[0]!.getAttribute('PageID')))).toBe(firstPage(e.getAttribute('Title')!));
  });

  it('embeds each face once as a TrueType subset whose cmap maps every character drawn with it', () => {
    const res = xml(text(parts, 'Doc_0/PublicRes.xml'));
    const fonts = all(res, 'Font');
    expect(new Set(fonts.map((f) => f.getAttribute('FontName'))).size).toBe(fonts.length);
    for (const f of fonts) {
      const file = parts.get(`Doc_0/Res/${all(f, 'FontFile')[0]!.textContent}`)!;
      expect(Buffer.from(file.subarray(0, 4)).toString('hex')).toBe('00010000');
      const face = fontkit.create(file) as fontkit.Font;
      expect(face.postscriptName).toBe(f.getAttribute('FontName'));
      const drawn = new Set(chars.filter((c) => c.font === Number(f.getAttribute('ID'))).map((c) => c.char));
      expect(drawn.size).toBeGreaterThan(0);
      const unmapped = [...drawn].filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0)!));
      expect(unmapped).toEqual([]);
    }
  });

  it('is byte-identical across two runs', async () => {
    const again = (await renderOfd(doc, {})).bytes;
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });

  void name;
});

const squeeze = (s: string) => s.replace(/\s+/g, '');
