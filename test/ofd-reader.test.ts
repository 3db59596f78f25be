import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfd } from '../src/render/ofd/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { launchChromium } from './support/browser.js';
import { documentOf, examples } from './support/examples.js';
import { ofdReaderPage, pdfPagePngs } from './support/ofdReader.js';

let browser: Awaited<ReturnType<typeof launchChromium>>;
let reader: Awaited<ReturnType<typeof ofdReaderPage>>;
beforeAll(async () => {
  browser = await launchChromium();
  reader = await ofdReaderPage(browser.context);
}, 60_000);
afterAll(async () => browser?.close());

describe.each(examples().map((e) => [e.name, e] as const))('OFD of %s in ofd.js', (name, ex) => {
  it('matches the PDF page by page', async () => {
    const doc = documentOf(ex);
    const ofd = (await renderOfd(doc, {})).bytes;
    const pdf = pdfPagePngs((await renderPdf(doc, {})).bytes);
    const shots = await reader.render(ofd);
    expect(shots.length).toBe(pdf.length);
    for (let i = 0; i < shots.length; i++) {
      const c = await reader.compare(shots[i]!, pdf[i]!);
      const tag = `${name.replace(/\W/g, '_')}-${i}`;
      writeFileSync(`/tmp/look17/${tag}-ofd.png`, shots[i]!);
      writeFileSync(`/tmp/look17/${tag}-pdf.png`, pdf[i]!);
      writeFileSync(`/tmp/look17/${tag}-diff.png`, c.diff);
      console.log(tag, c.width, c.height, c.ink, c.unmatched, (c.unmatched / c.ink).toFixed(4), c.worstWindow, c.worstAt);
    }
  }, 120_000);
});
