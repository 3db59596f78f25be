// Measures import accuracy (issue 13): for every example in data/ and each way a report reaches an
// archivist — PDF from nianbao, LibreOffice (our DOCX) and Chromium (our HTML); text copied from a
// browser (tabs, |), pdftotext -layout of each PDF, pdftotext without -layout, crawler text
// (flattened) — counts figures right / wrong / missing against the source. Prints a table. (The
// real WPS PDF and its pdftotext -layout text are checked against their transcription in
// test/import/real.test.ts.)
// Run after `npm run build`: node bench/import-accuracy.mjs  (needs soffice, chromium, pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { importFile } from '../dist/import/index.js';
import { checkText, composeChecked } from '../dist/pipeline.js';
import { RENDERERS } from '../dist/render/index.js';

const root = new URL('..', import.meta.url).pathname;
const examples = readdirSync(join(root, 'data')).filter((f) => f.endsWith('.yaml'));
const figures = (yaml) => {
  const r = checkText(yaml, 'x.yaml').report;
  const out = {};
  for (const [k, row] of Object.entries(r.rows)) if (!r.subRows[k]) row.cells.forEach((c, i) => (out[`${k}.${i}`] = c.value === null ? null : c.text));
  for (const [k, rows] of Object.entries(r.subRows)) rows.forEach((s) => s.cells.forEach((c, i) => (out[`${k}/${s.label}.${i}`] = c.value === null ? null : c.text)));
  return out;
};
const score = (want, got) => {
  let right = 0, wrong = 0, missing = 0;
  for (const [k, v] of Object.entries(want)) {
    if (!(k in got) || (got[k] === null && v !== null)) missing++;
    else if (got[k] === v) right++;
    else wrong++;
  }
  return { right, wrong, missing };
};
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-acc-'));
const [docxR, pdfR, htmlR] = await Promise.all([RENDERERS.docx(), RENDERERS.pdf(), RENDERERS.html()]);
const browser = await chromium.launch({ executablePath: process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const totals = {};
const add = (shape, s) => {
  const t = (totals[shape] ??= { files: 0, right: 0, wrong: 0, missing: 0, failed: 0 });
  t.files++;
  if (!s) t.failed++;
  else for (const k of ['right', 'wrong', 'missing']) t[k] += s[k];
};
const tryImport = async (bytes, name, want) => {
  try {
    return score(want, figures((await importFile(bytes, name)).yaml));
  } catch {
    return null;
  }
};
for (const file of examples) {
  const yaml = readFileSync(join(root, 'data', file), 'utf8');
  const want = figures(yaml);
  const doc = composeChecked(checkText(yaml, file));
  const base = join(tmp, file.replace(/\.yaml$/, ''));
  const pdf = (await pdfR(doc, {})).bytes;
  writeFileSync(`${base}.docx`, (await docxR(doc, {})).bytes);
  const html = new TextDecoder().decode((await htmlR(doc, {})).bytes);
  execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', `${tmp}/lo-pdf`, `${base}.docx`], { stdio: 'ignore' });
  await page.setContent(html);
  const inner = await page.evaluate(() => document.body.innerText);
  const flat = await page.evaluate(() => [...document.querySelectorAll('h1,h2,h3,h4,p,table')].filter((e) => e.tagName === 'TABLE' || !e.closest('table')).map((e) => (e.tagName === 'TABLE' ? [...e.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent.replace(/\s+/g, '')).join(' ')).join('\n') : e.textContent.replace(/\s+/g, ' ').trim())).join('\n'));
  const loPdf = new Uint8Array(readFileSync(`${tmp}/lo-pdf/${file.replace(/\.yaml$/, '.pdf')}`));
  const chromiumPdf = new Uint8Array(await page.pdf({ format: 'A4' }));
  const shapes = {
    'PDF nianbao': [pdf, 'x.pdf'],
    'PDF LibreOffice': [loPdf, 'x.pdf'],
    'PDF Chromium': [chromiumPdf, 'x.pdf'],
    'text: tabs (browser copy)': [new TextEncoder().encode(inner), 'x.txt'],
    'text: | separated': [new TextEncoder().encode(inner.split('\n').map((l) => l.split('\t').join(' | ')).join('\n')), 'x.txt'],
    'text: pdftotext -layout': [execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }), 'x.txt'],
    'text: pdftotext -layout of the LibreOffice PDF': [execFileSync('pdftotext', ['-layout', '-', '-'], { input: loPdf }), 'x.txt'],
    'text: pdftotext -layout of the Chromium PDF': [execFileSync('pdftotext', ['-layout', '-', '-'], { input: chromiumPdf }), 'x.txt'],
    'text: pdftotext without -layout (refused: cells out of order)': [execFileSync('pdftotext', ['-', '-'], { input: pdf }), 'x.txt'],
    'text: crawler, one row a paragraph': [new TextEncoder().encode(flat), 'x.txt'],
  };
  for (const [shape, [bytes, name]] of Object.entries(shapes)) add(shape, await tryImport(new Uint8Array(bytes), name, want));
}
await browser.close();
console.log('| input | files | figures right | wrong | missing | files refused |\n| --- | --- | --- | --- | --- | --- |');
for (const [shape, t] of Object.entries(totals)) console.log(`| ${shape} | ${t.files} | ${t.right} | ${t.wrong} | ${t.missing} | ${t.failed} |`);
