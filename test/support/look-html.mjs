// Renders each given report to HTML and takes a look at it the way a reader would: screenshots at
// desktop and phone widths and an A4 PDF printed by Chromium. Output goes to the folder given
// with -o (default /tmp/nianbao-look). Needs `npm run build` and Debian's chromium.
//   node test/support/look-html.mjs [-o dir] data/*.yaml
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkText, composeChecked } from '../../dist/index.js';
import { renderHtmlString } from '../../dist/render/html/index.js';

const args = process.argv.slice(2);
const o = args.indexOf('-o');
const out = o >= 0 ? args.splice(o, 2)[1] : '/tmp/nianbao-look';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const file of args) {
  const doc = composeChecked(checkText(readFileSync(file, 'utf8'), file));
  if (!doc) throw new Error(`${file}: not a valid report`);
  const html = renderHtmlString(doc);
  const stem = join(out, basename(file).replace(/\.ya?ml$/, ''));
  writeFileSync(`${stem}.html`, html);
  for (const [name, width, height, scale] of [['desktop', 1280, 900, 1], ['phone', 390, 844, 2]]) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
    await page.setContent(html);
    await page.screenshot({ path: `${stem}-${name}.png`, fullPage: name === 'desktop' });
    if (name === 'phone') {
      // The full phone page is too tall to look at in one image: the first screen, then each table.
      const regions = page.locator('.nb-scroll');
      for (let i = 0; i < (await regions.count()); i++) await regions.nth(i).screenshot({ path: `${stem}-phone-table${i + 1}.png` });
    }
    await page.close();
  }
  const page = await browser.newPage();
  await page.setContent(html);
  await page.pdf({ path: `${stem}.pdf`, format: 'A4', preferCSSPageSize: true });
  await page.close();
  console.log(`${file}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB → ${stem}-{desktop,phone}.png, ${stem}.pdf`);
}
await browser.close();
