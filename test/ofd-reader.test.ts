import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.js';
import { renderOfd } from '../src/render/ofd/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { launchChromium } from './support/browser.js';
import { documentOf, examples } from './support/examples.js';
import { CFF_LATIN, farFromPdf } from './support/ofd.js';
import { ofdReaderPage, pdfPagePngs, type Comparison } from './support/ofdReader.js';
import { pdfGlyphs } from './support/pdf.js';

/**
 * The tolerance, per page, of the reader's image (ofd.js in Chromium, 4 px per mm) against
 * pdftoppm's image of the PDF at the same 101.6 dpi. Ink is any pixel darker than three quarters
 * of white (so a 0.5 pt rule, 0.7 px wide, counts in both rasterisers); an ink pixel matches when
 * the other image has ink within one pixel (0.25 mm).
 *
 * - At most 2.5 % of a page's ink unmatched. Measured on every example: 0.15–1.7 %, the edges of
 *   glyphs that Skia and poppler's Splash anti-alias and hint differently. Drawn with the
 *   system's fonts instead of the embedded ones (the reader on a machine without them), 3–9 %.
 * - At most 36 unmatched pixels in any 3 × 3 mm window. Measured: at most 27. A full line of body
 *   text moved by 0.5 mm gives 54, the system's fonts 36–81.
 *
 * A shift of one pixel (0.25 mm) is within the rasterisers' noise, so where each character is is
 * not left to the pixels: the reader's own placement of every character (its SVG `<text>`, from
 * TextCode X, Y and DeltaX) is compared with the PDF's glyphs to 0.01 mm.
 */
const MAX_UNMATCHED_SHARE = 0.025;
const MAX_UNMATCHED_IN_WINDOW = 36;

const within = (c: Comparison) => c.unmatched / c.ink <= MAX_UNMATCHED_SHARE && c.worstWindow <= MAX_UNMATCHED_IN_WINDOW;
const describeComparison = (c: Comparison, page: number) => `page ${page + 1}: ${((100 * c.unmatched) / c.ink).toFixed(2)} % unmatched, ${c.worstWindow} in the worst 3 mm window at ${c.worstAt.join(', ')} mm`;

let browser: Awaited<ReturnType<typeof launchChromium>>;
let reader: Awaited<ReturnType<typeof ofdReaderPage>>;
beforeAll(async () => {
  browser = await launchChromium();
  reader = await ofdReaderPage(browser.context);
}, 60_000);
afterAll(async () => browser?.close());

const rendered = new Map<string, Promise<{ doc: Document; ofd: Uint8Array; pdf: Uint8Array; pdfPages: Buffer[] }>>();
function both(ex: ReturnType<typeof examples>[number]) {
  let r = rendered.get(ex.name);
  if (!r) {
    r = (async () => {
      const doc = documentOf(ex);
      const pdf = (await renderPdf(doc, {})).bytes;
      return { doc, ofd: (await renderOfd(doc, {})).bytes, pdf, pdfPages: pdfPagePngs(pdf) };
    })();
    rendered.set(ex.name, r);
  }
  return r;
}

describe.each(examples().map((e) => [e.name, e] as const))('OFD of %s in an independent reader (ofd.js)', (_name, ex) => {
  it('shows every page as the PDF shows it, within the tolerance, every character where the PDF has it', async () => {
    const { ofd, pdf, pdfPages } = await both(ex);
    const shown = await reader.render(ofd);
    expect(shown.shots.length).toBe(pdfPages.length);
    const off: string[] = [];
    for (let i = 0; i < pdfPages.length; i++) {
      const c = await reader.compare(shown.shots[i]!, pdfPages[i]!);
      expect(c.width).toBeGreaterThanOrEqual(840);
      expect(c.ink).toBeGreaterThan(1000);
      if (!within(c)) off.push(describeComparison(c, i));
    }
    expect(off).toEqual([]);
    expect(farFromPdf(await pdfGlyphs(pdf), shown.chars)).toEqual([]);
  }, 120_000);
});

describe('an OpenType/CFF face (Nimbus Roman for digits and Latin words)', () => {
  it('is embedded as a font the reader’s browser accepts: the pages match the PDF set in the same face', async () => {
    const doc = documentOf(examples().find((e) => e.name === 'data/jiangzhou-sthjj-2021.yaml') ?? examples()[0]!);
    const options = { fonts: { latin: CFF_LATIN } };
    const pdf = (await renderPdf(doc, options)).bytes;
    const pdfPages = pdfPagePngs(pdf);
    const shown = await reader.render((await renderOfd(doc, options)).bytes);
    const off: string[] = [];
    for (let i = 0; i < pdfPages.length; i++) {
      const c = await reader.compare(shown.shots[i]!, pdfPages[i]!);
      if (!within(c)) off.push(describeComparison(c, i));
    }
    expect(off).toEqual([]);
    expect(farFromPdf(await pdfGlyphs(pdf), shown.chars)).toEqual([]);
  }, 60_000);
});

describe('the tolerance is tight enough', () => {
  const ex = examples().find((e) => e.name === 'data/jiangzhou-sthjj-2021.yaml') ?? examples()[0]!;

  it('fails a page drawn with the system fonts instead of the embedded ones', async () => {
    const { ofd, pdfPages } = await both(ex);
    const shown = await reader.render(ofd, false);
    const c = await reader.compare(shown.shots[0]!, pdfPages[0]!);
    expect(within(c), describeComparison(c, 0)).toBe(false);
  }, 60_000);

  it('fails a page with one full line of body text moved by half a millimetre', async () => {
    const { ofd, pdfPages } = await both(ex);
    const files = unzipSync(ofd);
    const name = 'Doc_0/Pages/Page_1/Content.xml';
    const xml = Buffer.from(files[name]!).toString('utf8');
    // The first TextCode of body size with a full line of characters (not a paragraph's short last line).
    const moved = xml.replace(/(Size="5\.644"><ofd:TextCode X=")([\d.]+)(?=[^>]*>[^<]{20})/, (_, head: string, x: string) => `${head}${(Number(x) + 0.5).toFixed(3)}`);
    expect(moved).not.toBe(xml);
    files[name] = Buffer.from(moved);
    const shown = await reader.render(zipSync(files));
    const c = await reader.compare(shown.shots[1]!, pdfPages[1]!);
    expect(within(c), describeComparison(c, 1)).toBe(false);
  }, 60_000);
});
