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
