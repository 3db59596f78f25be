import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fallbackPath } from '../src/fonts/resolve.js';
import { readSfnt, writeSfnt } from '../src/fonts/sfnt.js';
import { DEFAULT_STYLE } from '../src/model/style.js';
import { renderOfd } from '../src/render/ofd/index.js';
import { paintOfd } from '../src/render/ofd/paint.js';
import { renderPdf } from '../src/render/pdf/index.js';
import type { Layout } from '../src/render/pdf/types.js';
import { all, CFF_LATIN, farFromPdf, ofdChars, ofdParts, text, validateOfd, xml } from './support/ofd.js';
import { docOf, pdfGlyphs, realMetrics } from './support/pdf.js';
import { reportYaml } from './support/reports.js';
import { tempFile } from './support/runCli.js';

const fontsOf = (parts: Map<string, Uint8Array>) =>
  all(xml(text(parts, 'Doc_0/PublicRes.xml')), 'Font').map((f) => ({ id: Number(f.getAttribute('ID')), name: f.getAttribute('FontName')!, file: all(f, 'FontFile')[0]?.textContent ?? undefined }));

describe('glyphs that are not one per character', () => {
  const doc = docOf(reportYaml('2021', [[['problems'], ['一是——人员不足；二是 office fine 等 file 的 flow 处理——仍须加强。']]]));

  it('draws a ligature (——, fi) with a CGTransform to the glyph the PDF draws, each character still where the PDF has it', async () => {
    const parts = ofdParts((await renderOfd(doc, {})).bytes);
    expect(validateOfd(parts).failures).toEqual([]);
    const pages = [...parts.keys()].filter((n) => n.endsWith('/Content.xml'));
    const transforms = pages.flatMap((n) => all(xml(text(parts, n)), 'CGTransform'));
    expect(transforms.length).toBeGreaterThanOrEqual(2);
    const dash = transforms.find((t) => t.nextSibling && (t.nextSibling as unknown as { textContent: string }).textContent === '——');
    expect(dash?.getAttribute('CodeCount')).toBe('2');
    expect(dash?.getAttribute('GlyphCount')).toBe('1');
    // The glyph index names the embedded subset's glyph: the ligature, with the ligature's advance.
    const fontId = Number((dash!.parentNode as unknown as Element).getAttribute('Font'));
    const font = fontsOf(parts).find((f) => f.id === fontId)!;
    const embedded = fontkit.create(parts.get(`Doc_0/Res/${font.file}`)!) as fontkit.Font;
    const ligature = realMetrics().face('body').font.layout('——').glyphs[0]!;
    expect(embedded.getGlyph(Number(all(dash!, 'Glyphs')[0]!.textContent)).advanceWidth).toBe(ligature.advanceWidth);
    expect(farFromPdf(await pdfGlyphs((await renderPdf(doc, {})).bytes), ofdChars(parts))).toEqual([]);
  });
});

describe('faces the OFD cannot embed as the fallback is embedded', () => {
  const doc = docOf(reportYaml('2021'));

  it('names but does not embed a face whose licence forbids embedding (OS/2 fsType 2), and warns', async () => {
    const sfnt = readSfnt(new Uint8Array(readFileSync(fallbackPath({ pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' }))));
    const os2 = new Uint8Array(sfnt.tables.get('OS/2')!);
    new DataView(os2.buffer).setUint16(8, 0x0002);
    sfnt.tables.set('OS/2', os2);
    const file = tempFile('restricted.ttf', writeSfnt(sfnt));
    const r = await renderOfd(doc, { fonts: { heading1: file } });
    expect(r.warnings.filter((w) => w.code === 'ofd/font-restricted')).toHaveLength(1);
    const parts = ofdParts(r.bytes);
    expect(validateOfd(parts).failures).toEqual([]);
    const fonts = fontsOf(parts);
    expect(fonts.find((f) => f.name === 'NotoSansSC-Regular')?.file).toBeUndefined();
    expect(fonts.filter((f) => f.file).length).toBeGreaterThan(0);
    expect([...parts.keys()].filter((n) => n.startsWith('Doc_0/Res/'))).toHaveLength(fonts.length - 1);
  });

  it('embeds an OpenType/CFF face as an OpenType font of its own (OTTO) whose cmap and advances are the face’s', async () => {
    const r = await renderOfd(doc, { fonts: { latin: CFF_LATIN } });
    const parts = ofdParts(r.bytes);
    expect(validateOfd(parts).failures).toEqual([]);
    const nimbus = fontsOf(parts).find((f) => f.name === 'NimbusRoman-Regular')!;
    expect(nimbus.file).toMatch(/\.otf$/);
    const bytes = parts.get(`Doc_0/Res/${nimbus.file}`)!;
    expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('OTTO');
    const embedded = fontkit.create(bytes) as fontkit.Font;
    const original = fontkit.create(readFileSync(CFF_LATIN)) as fontkit.Font;
    const drawn = new Set(ofdChars(parts).filter((c) => c.font === nimbus.id).map((c) => c.char));
    expect([...drawn].sort().join('')).toMatch(/0.*1.*2/);
    for (const ch of drawn) {
      const cp = ch.codePointAt(0)!;
      expect(embedded.glyphForCodePoint(cp).id, ch).toBeGreaterThan(0);
      expect(embedded.glyphForCodePoint(cp).advanceWidth, ch).toBe(original.glyphForCodePoint(cp).advanceWidth);
    }
  });
});

describe('synthesised bold', () => {
  it('strokes the outline as the PDF does (fill and stroke, 0.03 em), and validates', () => {
    const doc = docOf(reportYaml('2021'));
    const layout: Layout = {
      pageWidth: 595.3,
      pageHeight: 841.9,
      pages: [{ number: 1, items: [{ kind: 'text', y: 200, segments: [{ x: 80, text: '1.主要问题', role: 'body', size: 16, spacing: 0, fakeBold: true }], left: 80, right: 160, last: true, tag: { kind: 'artifact' } }] }],
      tables: [],
      warnings: [],
    };
    const parts = ofdParts(paintOfd(doc, { style: DEFAULT_STYLE, layout, face: realMetrics().face, tables: new Map(), outline: [], warnings: [] }).bytes);
    expect(validateOfd(parts).failures).toEqual([]);
    const obj = all(xml(text(parts, 'Doc_0/Pages/Page_0/Content.xml')), 'TextObject')[0]!;
    expect(obj.getAttribute('Stroke')).toBe('true');
    expect(Number(obj.getAttribute('LineWidth'))).toBeCloseTo(16 * 0.03 * (25.4 / 72), 3);
  });
});
