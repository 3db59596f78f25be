import { describe, expect, it } from 'vitest';
import { deltaArray, mm, mmOf, um, xmlText } from './units.js';

describe('OFD numbers', () => {
  it('writes micrometres as millimetres with at most three decimals', () => {
    expect([0, 1, 10, 100, 1000, 1234, -5644, 210009].map(mm)).toEqual(['0', '0.001', '0.01', '0.1', '1', '1.234', '-5.644', '210.009']);
    expect(mmOf(16)).toBe('5.644');
    expect(um(72)).toBe(25400);
  });

  it('writes runs of three or more equal deltas with the g shorthand', () => {
    expect(deltaArray([5644, 5644, 5644, 5644, 2822, 2822, 1000])).toBe('g 4 5.644 2.822 2.822 1');
    expect(deltaArray([])).toBe('');
  });

  it('escapes markup and replaces what XML 1.0 cannot carry', () => {
    expect(xmlText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(xmlText('x\u0001y\ud800z😀')).toBe('x\ufffdy\ufffdz😀');
  });
});
