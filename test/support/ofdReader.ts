import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * The independent reader: ofd.js 0.2.6 (npm, Apache-2.0; the open-source renderer, whose code can
 * be read to explain what it does — its 1.x releases need a closed "core library" with a licence
 * key). It parses the package with its own XML and zip code and draws every page as HTML/SVG in
 * Chromium: a text object's characters one by one at TextCode X/Y plus DeltaX, path objects from
 * AbbreviatedData, both inside the object's Boundary.
 *
 * One thing it does not do that the standard asks: it never loads the embedded `FontFile`; it asks
 * the browser for a font named by the Font's FamilyName (or FontName). `installFonts` makes each
 * embedded file available to the page under that name (what installing the font on the machine
 * would do) with `FontFace`, so Chromium's font sanitizer must accept the embedded file: a broken
 * subset would fall back to another face and the page would not match.
 */
export const PX_PER_MM = 4;
/** The PDF page rendered at the same resolution as the reader's 4 px per mm. */
export const DPI = PX_PER_MM * 25.4;
/** 3 mm: about a 10.5 pt table character, a fifth of a 16 pt body character's box side is ~1 mm. */
const WINDOW_PX = 3 * PX_PER_MM;

const require = createRequire(import.meta.url);
const OFD_JS = require.resolve('ofd.js/lib/ofd.umd.min.js');

/**
 * ofd.js does not ask the browser for a font by the FamilyName the file gives: its `getFontFamily`
 * replaces any name that contains one of its keys by its own list of Windows names ("LXGW WenKai"
 * contains "kai", so it asks for `楷体, KaiTi, Kai` and the page is drawn in another face). The
 * table is read from the reader's own source, so the harness follows whatever version is installed,
 * and each embedded face is installed under those names too, as under its own (see README "OFD").
 */
const READER_FAMILIES: [string, string[]][] = (() => {
  const source = readFileSync(require.resolve('ofd.js/lib/ofd.common.js'), 'utf8');
  const table = /var FONT_FAMILY = \{([^}]*)\}/.exec(source)?.[1] ?? '';
  return [...table.matchAll(/'([^']+)':\s*'([^']+)'/g)].map((m) => [m[1]!.toLowerCase(), m[2]!.split(',').map((n) => n.trim())]);
})();

/** The families ofd.js asks the browser for when a font's name is `family` (its getFontFamily). */
export function readerFamilies(family: string): string[] {
  const name = family.toLowerCase();
  const hit = READER_FAMILIES.find(([key]) => name === key) ?? READER_FAMILIES.find(([key]) => name.includes(key));
  return hit ? hit[1] : [family];
}

export interface PageImages {
  /** PNG of each page as the reader shows it. */
  ofd: Buffer[];
  /** PNG of each page of the PDF from pdftoppm. */
  pdf: Buffer[];
}

/** A browser page with ofd.js loaded; `render` draws one OFD and returns a PNG per page. */
/** A character as the reader draws it: page, the character, its origin and font size in mm. */
export interface ReaderChar {
  page: number;
  char: string;
  x: number;
  y: number;
  size: number;
}

export interface ReaderPages {
  /** PNG of each page as the reader shows it (4 px per mm). */
  shots: Buffer[];
  /** Every character the reader drew, from its SVG `<text>` elements. */
  chars: ReaderChar[];
}

export async function ofdReaderPage(context: BrowserContext): Promise<{ render(ofd: Uint8Array, withFonts?: boolean): Promise<ReaderPages>; compare: (a: Buffer, b: Buffer) => Promise<Comparison>; page: Page }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 1300 });
  await page.setContent('<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff"><div id="pages"></div></body>');
  await page.addScriptTag({ path: OFD_JS });
  const render = async (ofd: Uint8Array, withFonts = true): Promise<ReaderPages> => {
    const fonts = withFonts ? embeddedFonts(ofd) : [];
    const { count, chars } = await page.evaluate(
      async ({ b64, fonts }) => {
        const bytes = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
        for (const f of [...document.fonts]) document.fonts.delete(f);
        for (const f of fonts) {
          for (const family of f.families) {
            const face = new FontFace(family, bytes(f.b64), { weight: f.bold ? '700' : '400' });
            document.fonts.add(await face.load());
          }
        }
        const lib = (window as unknown as { ofd: { parseOfdDocument(o: object): void; renderOfd(width: number, doc: unknown): HTMLElement[] } }).ofd;
        const docs = await new Promise<unknown[]>((resolve, reject) => lib.parseOfdDocument({ ofd: bytes(b64).buffer, success: resolve, fail: reject }));
        // 4 px per mm: ofd.js takes the scale from the width it is given, (width − 10) / page width, to one decimal.
        const divs = lib.renderOfd(850, docs[0]);
        const host = document.getElementById('pages')!;
        host.replaceChildren(...divs);
        divs.forEach((d, i) => (d.dataset.index = String(i)));
        await document.fonts.ready;
        // Each character is a <text> at x/y inside an <svg> placed at the object's Boundary (px).
        const chars = divs.flatMap((d, page) =>
          [...d.querySelectorAll('svg > text')].map((t) => {
            const svg = t.parentElement as unknown as SVGSVGElement;
            const px = (v: string | null) => parseFloat(v ?? '0');
            return { page, char: t.textContent ?? '', x: (px(svg.style.left) + px(t.getAttribute('x'))) / 4, y: (px(svg.style.top) + px(t.getAttribute('y'))) / 4, size: px((t as SVGTextElement).style.fontSize) / 4 };
          }),
        );
        return { count: divs.length, chars };
      },
      { b64: Buffer.from(ofd).toString('base64'), fonts },
    );
    const shots: Buffer[] = [];
    for (let i = 0; i < count; i++) shots.push(await page.locator(`#pages > div[data-index="${i}"]`).screenshot());
    return { shots, chars };
  };
  const compare = (a: Buffer, b: Buffer) => comparePngs(page, a, b);
  return { render, compare, page };
}

interface EmbeddedFont {
  /** Its FamilyName, and the names ofd.js asks for instead (readerFamilies). */
  families: string[];
  bold: boolean;
  b64: string;
}

/** The fonts of PublicRes.xml with their embedded files, as ofd.js names them (FamilyName, else FontName). */
function embeddedFonts(ofd: Uint8Array): EmbeddedFont[] {
  const files = unzipSync(ofd);
  const res = Buffer.from(files['Doc_0/PublicRes.xml']!).toString('utf8');
  const base = /BaseLoc="([^"]*)"/.exec(res)?.[1] ?? '';
  const out: EmbeddedFont[] = [];
  for (const m of res.matchAll(/<ofd:Font ([^>]*)>(?:<ofd:FontFile>([^<]+)<\/ofd:FontFile>)?<\/ofd:Font>/g)) {
    const attr = (n: string) => new RegExp(`${n}="([^"]*)"`).exec(m[1]!)?.[1];
    if (!m[2]) continue;
    const bytes = files[`Doc_0/${base}/${m[2]}`]!;
    const family = attr('FamilyName') ?? attr('FontName')!;
    out.push({ families: [...new Set([family, ...readerFamilies(family)])], bold: attr('Bold') === 'true', b64: Buffer.from(bytes).toString('base64') });
  }
  return out;
}

/** Each page of the PDF as a PNG from pdftoppm (anti-aliased, as a viewer shows it) at `DPI`. */
export function pdfPagePngs(pdf: Uint8Array): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ofd-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(DPI), '-png', join(dir, 'a.pdf'), join(dir, 'p')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Comparison {
  width: number;
  height: number;
  /** Pixels with ink (darker than mid-grey) in either image. */
  ink: number;
  /** Ink pixels of one image with no ink pixel of the other within one pixel, both ways. */
  unmatched: number;
  /** The most unmatched pixels in one 3 × 3 mm window (12 × 12 px): a glyph out of place concentrates there. */
  worstWindow: number;
  /** Where that tile is, in mm from the top-left corner. */
  worstAt: [number, number];
  /** PNG: ink of both (grey), unmatched of the OFD (red), unmatched of the PDF (blue). */
  diff: Buffer;
}

/**
 * Compares two page images in the browser (its canvas decodes the PNGs). A pixel is ink when it
 * is darker than mid-grey; an ink pixel matches when the other image has ink within one pixel
 * (a quarter of a millimetre), which absorbs the two rasterisers' different anti-aliasing and
 * hinting of the same outlines. A glyph, rule or line out of place leaves its whole ink unmatched.
 */
async function comparePngs(page: Page, ofd: Buffer, pdf: Buffer): Promise<Comparison> {
  const r = await page.evaluate(
    async ({ a, b, win }) => {
      const load = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        return img;
      };
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      const w = Math.min(ia.width, ib.width);
      const h = Math.min(ia.height, ib.height);
      const ink = (img: HTMLImageElement) => {
        const c = document.createElement('canvas');
        c.width = w;
        c.height = h;
        const g = c.getContext('2d')!;
        g.fillStyle = '#fff';
        g.fillRect(0, 0, w, h);
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, w, h).data;
        const out = new Uint8Array(w * h);
        for (let i = 0; i < w * h; i++) out[i] = 0.299 * d[4 * i]! + 0.587 * d[4 * i + 1]! + 0.114 * d[4 * i + 2]! < 192 ? 1 : 0;
        return out;
      };
      const A = ink(ia);
      const B = ink(ib);
      const near = (M: Uint8Array, x: number, y: number) => {
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx >= 0 && yy >= 0 && xx < w && yy < h && M[yy * w + xx]) return true;
          }
        return false;
      };
      const out = document.createElement('canvas');
      out.width = w;
      out.height = h;
      const og = out.getContext('2d')!;
      const od = og.createImageData(w, h);
      let inkCount = 0;
      let unmatched = 0;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const i = y * w + x;
          let rgb = [255, 255, 255];
          if (A[i] || B[i]) {
            inkCount++;
            rgb = [160, 160, 160];
          }
          if (A[i] && !near(B, x, y)) (rgb = [255, 0, 0]), unmatched++;
          else if (B[i] && !near(A, x, y)) (rgb = [0, 0, 255]), unmatched++;
          od.data.set([...rgb, 255], 4 * i);
        }
      og.putImageData(od, 0, 0);
      // Unmatched pixels per window of `win` × `win` px, from a summed-area table, stepped by 2 px.
      const S = new Int32Array((w + 1) * (h + 1));
      for (let y = 0; y < h; y++) {
        let row = 0;
        for (let x = 0; x < w; x++) {
          const i = y * w + x;
          row += (A[i] && !near(B, x, y)) || (B[i] && !near(A, x, y)) ? 1 : 0;
          S[(y + 1) * (w + 1) + x + 1] = S[y * (w + 1) + x + 1]! + row;
        }
      }
      let worst = 0;
      let worstAt: [number, number] = [0, 0];
      for (let y = 0; y + win <= h; y += 2)
        for (let x = 0; x + win <= w; x += 2) {
          const n = S[(y + win) * (w + 1) + x + win]! - S[y * (w + 1) + x + win]! - S[(y + win) * (w + 1) + x]! + S[y * (w + 1) + x]!;
          if (n > worst) (worst = n), (worstAt = [x, y]);
        }
      return { width: w, height: h, ink: inkCount, unmatched, worstWindow: worst, worstAt, diff: out.toDataURL('image/png').split(',')[1]! };
    },
    { a: ofd.toString('base64'), b: pdf.toString('base64'), win: WINDOW_PX },
  );
  return { ...r, worstAt: [r.worstAt[0] / PX_PER_MM, r.worstAt[1] / PX_PER_MM], diff: Buffer.from(r.diff, 'base64') };
}
