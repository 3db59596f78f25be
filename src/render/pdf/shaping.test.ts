import { describe, expect, it } from 'vitest';
import { resolveFonts } from '../../fonts/resolve.js';
import { DEFAULT_STYLE } from '../../model/style.js';
import { shapeText, shapeUnit, textUnits } from './shaping.js';

const face = resolveFonts(DEFAULT_STYLE.fonts, { explicit: {}, systemDirs: [] }).faces.body!;
const glyphIds = (glyphs: unknown[]) => glyphs.map((g) => (g as { id: number }).id);

describe('text units', () => {
  it('splits CJK by character, keeps ASCII words, ——/…… pairs and Ext-B characters whole', () => {
    expect(textUnits('政府2021年——公开 App𠀀……')).toEqual([
      { text: '政', kind: 'cjk' },
      { text: '府', kind: 'cjk' },
      { text: '2021', kind: 'latin' },
      { text: '年', kind: 'cjk' },
      { text: '——', kind: 'cjk' },
      { text: '公', kind: 'cjk' },
      { text: '开', kind: 'cjk' },
      { text: ' ', kind: 'space' },
      { text: 'App', kind: 'latin' },
      { text: '𠀀', kind: 'cjk' },
      { text: '……', kind: 'cjk' },
    ]);
  });

  it('reads tabs and line ends as one space', () => {
    expect(textUnits('甲\t\r\n乙').map((u) => u.text)).toEqual(['甲', ' ', '乙']);
  });
});

describe('shared shaping', () => {
  it('gives a row of CJK characters the glyphs and advances fontkit gives the whole string', () => {
    const text = '政府信息公开工作年度报告（２０２１）';
    const whole = face.font.layout(text);
    const run = shapeText(face.font, text);
    expect(glyphIds(run.glyphs)).toEqual(glyphIds(whole.glyphs));
    expect(run.advanceWidth).toBeCloseTo((whole.advanceWidth * 1000) / face.font.unitsPerEm, 6);
    // In pdfkit's units, each placement carrying its glyph's advance (as pdfkit's layoutRun leaves it).
    expect(run.positions[0]!.advanceWidth).toBeCloseTo((whole.glyphs[0]!.advanceWidth * 1000) / face.font.unitsPerEm, 6);
  });

  it('shapes a unit once per process and hands the same run to every caller', () => {
    expect(shapeUnit(face.font, '政')).toBe(shapeUnit(face.font, '政'));
    const line = shapeText(face.font, '政府');
    expect(line.glyphs[0]).toBe(shapeUnit(face.font, '政').glyphs[0]);
  });
});

describe('the ideograph fast path', () => {
  // resolveFonts caches per settings: the same bundled faces every renderer of this process gets.
  const faces = [...new Set(Object.values(resolveFonts(DEFAULT_STYLE.fonts, { explicit: {}, systemDirs: [] }).faces).map((f) => f.font))];

  it('gives every ideograph of every bundled face the glyph and placement of fontkit layout', () => {
    const HAN = /^\p{Script=Han}$/u;
    let checked = 0;
    for (const font of faces) {
      const scale = 1000 / font.unitsPerEm;
      for (const cp of (font as unknown as { characterSet: number[] }).characterSet) {
        const ch = String.fromCodePoint(cp);
        if (!HAN.test(ch)) continue;
        const run = shapeUnit(font, ch);
        const laid = font.layout(ch) as unknown as { glyphs: { id: number; advanceWidth: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
        const p = laid.positions[0]!;
        const want = { xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: laid.glyphs[0]!.advanceWidth * scale };
        if (laid.glyphs.length !== 1 || run.glyphs[0] !== laid.glyphs[0] || JSON.stringify(run.positions[0]) !== JSON.stringify(want)) {
          expect({ ch, glyphs: glyphIds(run.glyphs), positions: run.positions }).toEqual({ ch, glyphs: glyphIds(laid.glyphs), positions: [want] });
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80_000); // four faces of ~20,000–28,000 ideographs each
  }, 60_000);

  it('leaves punctuation, digits, Latin and characters a face lacks to the OpenType layout', () => {
    const font = faces[0]!;
    for (const t of ['，', '（', '2021', 'App', '——']) expect(glyphIds(shapeUnit(font, t).glyphs)).toEqual(glyphIds(font.layout(t).glyphs));
  });
});

