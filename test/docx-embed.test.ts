import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFonts } from '../src/fonts/resolve.js';
import { readSfnt, writeSfnt } from '../src/fonts/sfnt.js';
import { subsetFace, wholeFontFile } from '../src/fonts/subset.js';
import { DEFAULT_STYLE } from '../src/model/style.js';
import { renderDocx } from '../src/render/docx/index.js';
import { documentOf, examples } from './support/examples.js';
import { reportYaml } from './support/reports.js';
import { runCli, tempFile } from './support/runCli.js';

/** De-obfuscation written from ECMA-376 Part 1 §17.8.1, independently of the renderer's code:
 *  key byte i is the i-th hex pair of the GUID counted from its end; bytes 0–31 XOR key[i % 16]. */
function deobfuscate(data: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[^0-9A-Fa-f]/g, '');
  const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.substr(30 - 2 * i, 2), 16));
  const out = new Uint8Array(data);
  for (let i = 0; i < 32; i++) out[i] = out[i]! ^ key[i % 16]!;
  return out;
}

interface Embedded {
  name: string;
  slot: 'Regular' | 'Bold';
  part: string;
  font: fontkit.Font;
}

interface Run {
  eastAsia: string;
  bold: boolean;
  text: string;
}

async function read(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async('string');
  const rels = new Map([...(await text('word/_rels/fontTable.xml.rels')).matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, `word/${m[2]!}`]));
  const embedded: Embedded[] = [];
  for (const f of (await text('word/fontTable.xml')).matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)) {
    for (const e of f[2]!.matchAll(/<w:embed(Regular|Bold) r:id="(rId\d+)" w:fontKey="([^"]+)"/g)) {
      const part = rels.get(e[2]!)!;
      const data = await zip.file(part)!.async('uint8array');
      embedded.push({ name: f[1]!, slot: e[1] as Embedded['slot'], part, font: fontkit.create(deobfuscate(data, e[3]!)) as fontkit.Font });
    }
  }
  // A run's face is its own w:eastAsia, else its paragraph style's (styles.ts: runs name no face).
  const styles = await text('word/styles.xml');
  const styleFace = new Map<string, { eastAsia?: string; bold: boolean }>();
  for (const m of styles.matchAll(/<w:style w:type="paragraph"[^>]*w:styleId="([^"]+)">([\s\S]*?)<\/w:style>/g)) {
    styleFace.set(m[1]!, { ...(/w:eastAsia="([^"]+)"/.exec(m[2]!) ? { eastAsia: /w:eastAsia="([^"]+)"/.exec(m[2]!)![1]! } : {}), bold: /<w:b\/>/.test(m[2]!) });
  }
  const defaultFace = /<w:docDefaults>[\s\S]*?w:eastAsia="([^"]+)"/.exec(styles)?.[1];
  const runs: Run[] = [];
  const xmlParts = Object.keys(zip.files).filter((n) => /^word\/(document|footer\d+)\.xml$/.test(n));
  for (const name of xmlParts) {
    for (const p of (await text(name)).matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)) {
      const style = styleFace.get(/<w:pStyle w:val="([^"]+)"\/>/.exec(p[1]!)?.[1] ?? 'Normal');
      for (const r of p[1]!.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
        const eastAsia = /w:eastAsia="([^"]+)"/.exec(r[1]!)?.[1] ?? style?.eastAsia ?? defaultFace;
        const t = [...r[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('');
        const bold = /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(r[1]!) || (!/w:eastAsia=/.test(r[1]!) && style?.bold === true);
        if (eastAsia && t) runs.push({ eastAsia, bold, text: decodeXml(t) });
      }
    }
  }
  return { zip, embedded, runs, parts: Object.keys(zip.files).filter((n) => n.startsWith('word/fonts/')), settings: await text('word/settings.xml') };
}

const decodeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const cases = examples().map((ex) => ({ name: ex.name, doc: documentOf(ex) }));
const out = new Map<string, { bytes: Uint8Array; warnings: string[] }>();

beforeAll(async () => {
  for (const c of cases) {
    const r = await renderDocx(c.doc, { embedFonts: true });
    out.set(c.name, { bytes: r.bytes, warnings: r.warnings.map((w) => w.code) });
  }
}, 120_000);

describe('DOCX --embed-fonts', () => {
  it.each(cases.map((c) => c.name))('%s: one subset font per face the runs name, found under that name, covering its text', async (name) => {
    const { embedded, runs, parts, settings } = await read(out.get(name)!.bytes);
    expect(settings).toContain('<w:embedTrueTypeFonts/>');
    expect(settings).toContain('<w:saveSubsetFonts/>');
    expect(parts.sort()).toEqual(embedded.map((e) => e.part).sort());
    // Every East Asian face the runs name is embedded, and nothing else is (the Latin face is not found here).
    const used = new Set(runs.map((r) => r.eastAsia));
    expect(new Set(embedded.map((e) => e.name))).toEqual(used);
    for (const e of embedded) {
      // The name inside the font is the one the runs use: that is how Word and LibreOffice find it.
      expect(e.font.familyName).toBe(e.name);
      expect(e.font.numGlyphs).toBeLessThan(1500);
    }
    for (const run of runs) {
      const font = embedded.find((e) => e.name === run.eastAsia && e.slot === (run.bold ? 'Bold' : 'Regular')) ?? embedded.find((e) => e.name === run.eastAsia && e.slot === 'Regular');
      // The ASCII range goes to w:ascii (Times New Roman); the rest of the run is the East Asian face's.
      const missing = [...run.text].filter((ch) => ch.codePointAt(0)! >= 0x80 && !font!.font.hasGlyphForCodePoint(ch.codePointAt(0)!));
      expect(missing, `${run.eastAsia}${run.bold ? ' bold' : ''}: ${run.text}`).toEqual([]);
    }
    // The page number is a field: every digit must be there for any page count.
    const pageFont = embedded.find((e) => e.name === '宋体')!;
    for (const d of '0123456789—') expect(pageFont.font.hasGlyphForCodePoint(d.codePointAt(0)!)).toBe(true);
  });

  it('keeps the file small (well under 1 MB per report)', () => {
    for (const [, r] of out) expect(r.bytes.length).toBeLessThan(600_000);
  });

  it('is byte-identical across runs', async () => {
    for (const c of cases.filter((x) => x.name.startsWith('scaffold'))) {
      const again = await renderDocx(c.doc, { embedFonts: true });
      expect(Buffer.from(again.bytes).equals(Buffer.from(out.get(c.name)!.bytes))).toBe(true);
    }
  });

  it('without the option nothing is embedded and there is no warning', async () => {
    const r = await renderDocx(cases[0]!.doc, {});
    expect(r.warnings).toEqual([]);
    const { parts, embedded, settings } = await read(r.bytes);
    expect(parts).toEqual([]);
    expect(embedded).toEqual([]);
    expect(settings).not.toContain('embedTrueTypeFonts');
  });

  it('warns only about the fallback faces, never that embedding is unsupported', () => {
    for (const [, r] of out) {
      expect(r.warnings).not.toContain('docx/embed-fonts-unsupported');
      expect(r.warnings.every((w) => w === 'font/fallback' || w === 'font/shared-face')).toBe(true);
    }
  });
});

describe('fonts that cannot be embedded as they are', () => {
  it('leaves out a face whose licence bits forbid embedding (OS/2 fsType 2), with a warning', async () => {
    const noto = resolveFonts(DEFAULT_STYLE.fonts, { explicit: {}, systemDirs: [] }).faces.table!;
    const sfnt = readSfnt(await subsetFace(wholeFontFile(noto), '零一二三四五六七八九'));
    const os2 = new Uint8Array(sfnt.tables.get('OS/2')!);
    new DataView(os2.buffer).setUint16(8, 0x0002);
    sfnt.tables.set('OS/2', os2);
    const file = tempFile('restricted.ttf', writeSfnt(sfnt));
    const r = await renderDocx(cases[0]!.doc, { embedFonts: true, fonts: { table: file, pageNumber: file } });
    expect(r.warnings.filter((w) => w.code === 'docx/embed-font-restricted')).toHaveLength(1);
    const { embedded } = await read(r.bytes);
    expect(embedded.map((e) => e.name)).not.toContain('宋体');
    expect(embedded.map((e) => e.name)).toContain('仿宋_GB2312');
  });
});

describe('nianbao render --docx --embed-fonts', () => {
  it('writes a DOCX with the embedded fonts', async () => {
    const file = tempFile('embed.yaml', reportYaml('2021'));
    const r = await runCli(['render', file, '--docx', '--embed-fonts', '-o', mkdtempSync(join(tmpdir(), 'nianbao-embed-'))]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('embed-fonts-unsupported');
    const path = /→ (.+\.docx)/.exec(r.stderr)![1]!;
    const { embedded } = await read(readFileSync(path));
    expect(embedded.map((e) => e.name)).toContain('仿宋_GB2312');
  });
});
