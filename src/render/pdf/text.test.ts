import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setText } from './text.js';
import type { Metrics } from './types.js';

/** A stand-in face: every CJK character 1 em, every ASCII character half an em. */
const mono: Metrics = {
  width: (_role, size, text) => [...text].reduce((s, c) => s + (c.charCodeAt(0) < 128 ? size / 2 : size), 0),
  covers: (_role, ch) => ch !== '𠀀',
  bold: () => false,
  hasLatin: false,
  inkMiddle: (_role, size) => size * 0.35,
};
const lineTexts = (text: string, width: number, indent = 0) =>
  setText([{ text, role: 'body', size: 10, tracking: 0 }], mono, width, indent, 'justify').lines.map((l) => l.segments.map((s) => s.text).join(''));

describe('CJK line breaking', () => {
  it('fills lines character by character', () => {
    expect(lineTexts('一二三四五六七', 30)).toEqual(['一二三', '四五六', '七']);
  });

  it('never starts a line with closing punctuation (the previous character moves down with it)', () => {
    const lines = lineTexts('一二三，四五六。七八', 30);
    for (const l of lines) expect('，。）”、；：'.includes(l[0]!)).toBe(false);
    expect(lines[0]).toBe('一二');
    expect(lines[1]).toBe('三，四');
  });

  it('never ends a line with opening punctuation', () => {
    const lines = lineTexts('一二（三四）五六', 30);
    for (const l of lines) expect('（“《'.includes(l.at(-1)!)).toBe(false);
  });

  it('keeps Latin words and numbers whole', () => {
    const lines = lineTexts('一二三2021年四五App六', 40);
    expect(lines.some((l) => l.includes('2021'))).toBe(true);
    expect(lines.some((l) => l.includes('App'))).toBe(true);
  });

  it('indents the first line and justifies every line but the last', () => {
    const { lines } = setText([{ text: '一二三四五六七八九十一二三四五六七八九十一二三', role: 'body', size: 10, tracking: 0 }], mono, 95, 20, 'justify');
    expect(lines[0]!.left).toBe(20);
    for (const l of lines.slice(0, -1)) expect(Math.abs(l.right - 95)).toBeLessThan(0.5);
    expect(lines.at(-1)!.right).toBeLessThan(95);
  });

  it('reports characters the face lacks', () => {
    expect(setText([{ text: '一𠀀二', role: 'body', size: 10, tracking: 0 }], mono, 100, 0, 'left').missing).toEqual(['𠀀']);
  });

  it('breaks a word wider than the line rather than running off the page', () => {
    const { lines } = setText([{ text: 'https://example.gov.cn/a/very/long/path', role: 'body', size: 10, tracking: 0 }], mono, 50, 0, 'left');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.right).toBeLessThanOrEqual(50.01);
  });

  it('starts a word wider than any line on the current line instead of leaving a lone glyph before it', () => {
    // Regression (property tests): `某` stood alone on a justified line, the URL began on the next.
    const { lines } = setText([{ text: '某https://example.gov.cn/a/very/long/path', role: 'body', size: 10, tracking: 0 }], mono, 50, 0, 'justify');
    expect(lines[0]!.segments[0]!.text).toBe('某');
    expect(lines[0]!.segments.length).toBeGreaterThan(1);
    for (const l of lines.slice(0, -1)) expect(Math.abs(l.right - 50)).toBeLessThan(0.5);
    for (const l of lines) expect(l.right).toBeLessThanOrEqual(50.01);
  });

  it('still moves a word that fits on a line of its own to the next line whole', () => {
    expect(lineTexts('一二三四App2021', 50)).toEqual(['一二三四', 'App2021']);
  });

  it('fills every line greedily: no line could have taken the first unit of the next (property)', () => {
    // Plain glyphs and ASCII words, some wider than a line, no kinsoku characters: then the
    // greedy rule is exact. A lone glyph left before a long word broke it (a URL moved whole to
    // the next line and split there, though its first characters fitted on this one).
    const piece = fc.oneof(fc.constantFrom('一', '二', '三', '四'), fc.stringMatching(/^[a-z0-9]{1,40}$/));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 40, max: 200 }), fc.constantFrom(0, 20), (pieces, width, indent) => {
        const { lines } = setText([{ text: pieces.join(''), role: 'body', size: 10, tracking: 0 }], mono, width, indent, 'left');
        lines.forEach((l, i) => {
          expect(l.right).toBeLessThanOrEqual(width + 0.01);
          const next = lines[i + 1]?.segments[0]?.text;
          if (next === undefined) return;
          const first = /^[a-z0-9]/.test(next) ? next : next[0]!;
          const avail = width - (i === 0 ? indent : 0);
          expect(l.right - l.left + mono.width('body', 10, first)).toBeGreaterThan(avail - 0.01);
        });
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
