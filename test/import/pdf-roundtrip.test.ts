import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.js';
import { RENDERERS } from '../../src/render/index.js';
import { documentOf, figuresOf, printedProse, reportOf } from '../support/importCompare.js';
import { chromiumPdfs, libreOfficePdfs } from '../support/producers.js';

/**
 * Done-when of issue 13: every example in data/ as a PDF from the three producers a report is
 * published with — nianbao itself, LibreOffice from our DOCX, Chromium printing our HTML — imports
 * back with every figure equal and the prose equal after the documented normalisation. The PDFs are
 * made once for the file (one LibreOffice process, one browser).
 */
const DATA = new URL('../../data/', import.meta.url);
const examples = readdirSync(DATA).filter((f) => f.endsWith('.yaml'));
const producers = ['nianbao', 'libreoffice', 'chromium'] as const;
const pdfs = new Map<string, Uint8Array>();

beforeAll(async () => {
  const docx: { name: string; bytes: Uint8Array }[] = [];
  const html: { name: string; html: string }[] = [];
  const [renderDocx, renderPdf, renderHtml] = await Promise.all([RENDERERS.docx!(), RENDERERS.pdf!(), RENDERERS.html!()]);
  for (const file of examples) {
    const doc = documentOf(readFileSync(new URL(file, DATA), 'utf8'), file);
    pdfs.set(`nianbao/${file}`, (await renderPdf(doc, {})).bytes);
    docx.push({ name: file.replace(/\.yaml$/, '.docx'), bytes: (await renderDocx(doc, {})).bytes });
    html.push({ name: file.replace(/\.yaml$/, '.html'), html: new TextDecoder().decode((await renderHtml(doc, {})).bytes) });
  }
  for (const [name, bytes] of libreOfficePdfs(docx)) pdfs.set(`libreoffice/${name.replace(/\.docx$/, '.yaml')}`, bytes);
  for (const [name, bytes] of await chromiumPdfs(html)) pdfs.set(`chromium/${name.replace(/\.html$/, '.yaml')}`, bytes);
}, 300_000);

describe('a PDF of every example, from each producer, imports back', () => {
  it.each(producers.flatMap((p) => examples.map((f) => [p, f] as const)))('%s: %s', async (producer, file) => {
    const yaml = readFileSync(new URL(file, DATA), 'utf8');
    const source = reportOf(yaml, file);
    const bytes = pdfs.get(`${producer}/${file}`);
    expect(bytes, `${producer} made no PDF of ${file}`).toBeDefined();
    const result = await importFile(bytes!, `${file}.pdf`);
    const back = reportOf(result.yaml, file);
    expect(back.edition).toBe(source.edition);
    expect(figuresOf(back)).toEqual(figuresOf(source));
    expect(printedProse(documentOf(result.yaml, file))).toEqual(printedProse(documentOf(yaml, file)));
    expect(back.agency).toBe(source.agency);
    expect(back.year).toBe(source.year);
  });
});

/**
 * The same PDFs as an archivist often has them: `pdftotext -layout` text (nianbao's own PDFs are in
 * text-shapes.test.ts). Figure gaps, each flipping to a failure once fixed, would be listed here
 * with their 待核对 flags checked: none at present (Chromium's `00`/`01` rows of jiangzhou 2022,
 * whose glyph boxes overlapped, are read since the table rows are set to their text's height).
 */
const LAYOUT_GAPS = new Set<string>([]);
/**
 * Known prose gaps of layout text: the stress example's short paragraphs full of long figures
 * (binjiang) as LibreOffice and Chromium set them. A line with figures holds fewer columns (a
 * space beside each Latin run), first lines are shorter by their indent, and together they
 * outnumber the full lines, so the measure is misread and the lines come back as paragraphs of
 * their own. The words are all there: joined, the prose is the printed text — but for Chromium's
 * page 2, whose first line pdftotext writes after the second (a run-in lead set apart), so there
 * only the characters are compared.
 */
const LAYOUT_PROSE_GAPS = new Set(['libreoffice/binjiang-szfb-2023.yaml', 'chromium/binjiang-szfb-2023.yaml']);

describe('the same PDFs through pdftotext -layout import back', () => {
  it.each((['libreoffice', 'chromium'] as const).flatMap((p) => examples.map((f) => [p, f] as const)))('%s: %s', async (producer, file) => {
    const yaml = readFileSync(new URL(file, DATA), 'utf8');
    const source = reportOf(yaml, file);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdfs.get(`${producer}/${file}`)! });
    const result = await importFile(new Uint8Array(text), `${file}.txt`);
    const back = reportOf(result.yaml, file);
    const prose = printedProse(documentOf(result.yaml, file));
    const printed = printedProse(documentOf(yaml, file));
    if (LAYOUT_PROSE_GAPS.has(`${producer}/${file}`)) {
      expect(prose).not.toEqual(printed);
      const chars = (p: string[]) => [...p.join('')].sort().join('');
      if (producer === 'chromium') expect(chars(prose)).toBe(chars(printed));
      else expect(prose.join('')).toBe(printed.join(''));
    } else expect(prose).toEqual(printed);
    if (!LAYOUT_GAPS.has(`${producer}/${file}`)) {
      expect(figuresOf(back)).toEqual(figuresOf(source));
      return;
    }
    const got = figuresOf(back);
    const want = figuresOf(source);
    const wrong = Object.keys(want).filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]));
    expect(wrong.length).toBeGreaterThan(0);
    for (const k of wrong) expect(result.draft.unsure[k], k).toBeDefined();
  });
});
