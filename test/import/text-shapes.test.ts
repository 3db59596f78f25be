import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.js';
import { RENDERERS } from '../../src/render/index.js';
import { launchChromium } from '../support/browser.js';
import { documentOf, figuresOf, printedProse, reportOf } from '../support/importCompare.js';

/**
 * Text in every shape people paste or extract, made from our own examples: the page copied from
 * a browser (innerText: cells separated by tabs), the same with ` | ` between cells, `pdftotext
 * -layout` of our PDF (cells separated by runs of spaces, prose wrapped at the line ends), and
 * crawler text flattened into paragraphs (a whole table in one paragraph, or one paragraph per
 * row: labels followed by their figures). Tika's shape is the seeds' (seeds.test.ts).
 */
const DATA = new URL('../../data/', import.meta.url);
const examples = readdirSync(DATA).filter((f) => f.endsWith('.yaml'));
const SHAPES = ['tabs', 'pipes', 'layout', 'flat-table', 'flat-rows'] as const;
const texts = new Map<string, string>();

const FLATTEN = (perRow: boolean) => `(() => {
  const out = [];
  for (const el of document.querySelectorAll('h1,h2,h3,h4,p,table')) {
    if (el.closest('table') && el.tagName !== 'TABLE') continue;
    if (el.tagName !== 'TABLE') { out.push(el.textContent.replace(/\\s+/g, ' ').trim()); continue; }
    const rows = [...el.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent.replace(/\\s+/g, '')).join(' '));
    if (${perRow}) out.push(...rows); else out.push(rows.join(' '));
  }
  return out.join('\\n');
})()`;

beforeAll(async () => {
  const [renderPdf, renderHtml] = await Promise.all([RENDERERS.pdf!(), RENDERERS.html!()]);
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    for (const file of examples) {
      const doc = documentOf(readFileSync(new URL(file, DATA), 'utf8'), file);
      const html = new TextDecoder().decode((await renderHtml(doc, {})).bytes);
      await page.setContent(html);
      const inner = await page.evaluate(() => document.body.innerText);
      texts.set(`tabs/${file}`, inner);
      texts.set(`pipes/${file}`, inner.split('\n').map((l) => l.split('\t').join(' | ')).join('\n'));
      texts.set(`flat-table/${file}`, await page.evaluate(FLATTEN(false)));
      texts.set(`flat-rows/${file}`, await page.evaluate(FLATTEN(true)));
      const pdf = (await renderPdf(doc, {})).bytes;
      texts.set(`layout/${file}`, execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8'));
      texts.set(`raw/${file}`, execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8'));
    }
  } finally {
    await browser.close();
  }
}, 240_000);

describe('text in every shape imports back', () => {
  const cases = SHAPES.flatMap((s) => examples.map((f) => [s, f] as const));
  it.each(cases)('figures — %s: %s', async (shape, file) => {
    const { source, back, result } = await load(texts.get(`${shape}/${file}`)!, file);
    expect(back.edition).toBe(source.edition);
    expect(figuresOf(back)).toEqual(figuresOf(source));
    // Read, not guessed: no value needed a 待核对 note.
    expect(result.draft.unsure).toEqual({});
  });
  it.each(cases)('prose — %s: %s', async (shape, file) => {
    const { yaml, result } = await load(texts.get(`${shape}/${file}`)!, file);
    expect(printedProse(documentOf(result.yaml, file))).toEqual(printedProse(documentOf(yaml, file)));
  });
  // Labels as printed (the Hubei annotations under a column's name with their line breaks, a
  // section heading numbered `1、 `); flattened text has lost the line breaks inside cells.
  it.each(cases)('labels — %s: %s', async (shape, file) => {
    const { source, back } = await load(texts.get(`${shape}/${file}`)!, file);
    const flat = (l: Record<string, string>) => (shape.startsWith('flat') ? Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v.replace(/\n/g, '')])) : l);
    expect(flat(back.labels)).toEqual(flat(source.labels));
  });
});

/** The same texts as other tools and people vary them: what each case changes is its name. */
const VARIANTS: Record<string, (file: string) => string> = {
  'Markdown table rows (| a | b |)': (f) => lines(texts.get(`tabs/${f}`)!, (l) => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : l)),
  'blank cells as double separators (1||1)': (f) => lines(texts.get(`tabs/${f}`)!, (l) => l.split('\t').join('|')),
  'pdftotext -layout copied without its form feeds, page numbers - 1 -': (f) => texts.get(`layout/${f}`)!.replace(/\f/g, '').replace(/—(\d+)—/g, '- $1 -'),
};
const lines = (text: string, f: (l: string) => string) => text.split('\n').map(f).join('\n');

describe('variants of the shapes', () => {
  it.each(Object.keys(VARIANTS).flatMap((v) => examples.map((f) => [v, f] as const)))('%s: %s', async (variant, file) => {
    const { yaml, source, back, result } = await load(VARIANTS[variant]!(file), file);
    expect(figuresOf(back)).toEqual(figuresOf(source));
    expect(printedProse(documentOf(result.yaml, file))).toEqual(printedProse(documentOf(yaml, file)));
  });

  it('a blank cell printed as — or / is read as blank and marked 待核对', async () => {
    const file = 'changle-kjj-2019.yaml';
    let n = 0;
    const text = lines(texts.get(`tabs/${file}`)!, (l) => (/\t/.test(l) && /^[一二三四（\d]/.test(l) ? l.split('\t').map((c, i) => (i > 0 && c === '' ? (n++ % 2 ? '/' : '—') : c)).join('\t') : l));
    expect(n).toBeGreaterThan(50);
    const { source, back, result } = await load(text, file);
    expect(figuresOf(back)).toEqual(figuresOf(source));
    expect(result.yaml).toMatch(/newlyReceived: \[1, null, null, null, null, null, 1\]  # 待核对：.*原文为“—”，按空白导入/);
  });

  it('pdftotext without -layout (a table’s labels, then its figures, column by column) is refused, saying what to do', async () => {
    for (const file of examples) {
      await expect(importFile(new TextEncoder().encode(texts.get(`raw/${file}`)!), `${file}.txt`), file).rejects.toThrow(/不是按行排列.*pdftotext -layout/);
    }
  });
});

async function load(text: string, file: string) {
  const yaml = readFileSync(new URL(file, DATA), 'utf8');
  const result = await importFile(new TextEncoder().encode(text), `${file}.txt`);
  return { yaml, result, source: reportOf(yaml, file), back: reportOf(result.yaml, file) };
}
