import { describe, expect, it } from 'vitest';
import { renderPieces, renderText } from './text.js';

describe('renderPieces: rendered text with the template offset of each piece', () => {
  const context = new Map([['a.b', '108'], ['c', '6']]);
  it('gives literal text its offset in the template and marks placeholder values', () => {
    const template = '新收申请{{a.b}}件，\n上年结转{{ c }}件，结转9件。';
    const pieces = renderPieces(template, context);
    expect(pieces.map((p) => p.text).join('')).toBe(renderText(template, context));
    expect(pieces.filter((p) => p.placeholder).map((p) => [p.text, template.slice(p.from, p.from + 2)])).toEqual([['108', '{{'], ['6', '{{']]);
    for (const p of pieces.filter((x) => !x.placeholder)) expect(template.slice(p.from, p.from + p.text.length)).toBe(p.text);
  });
  it('keeps offsets right after an escaped \\{{, a comment and {{~ trimming', () => {
    const template = '结转\\{{x}}9件{{! note }}，{{~c~}}  尾3件';
    const pieces = renderPieces(template, context);
    expect(pieces.map((p) => p.text).join('')).toBe('结转{{x}}9件，6尾3件');
    for (const p of pieces.filter((x) => !x.placeholder)) expect(template.slice(p.from, p.from + p.text.length)).toBe(p.text);
  });
  it('text without placeholders is one piece', () => {
    expect(renderPieces('收到申请3件。', context)).toEqual([{ text: '收到申请3件。', from: 0, placeholder: false }]);
  });
});
