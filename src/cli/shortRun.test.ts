import { describe, expect, it } from 'vitest';
import { isShortRun, SHORT_RUN_MAX_BYTES } from './shortRun.js';

describe('a short render run', () => {
  it('is one small file, not watched', () => {
    expect(isShortRun([40_000], false)).toBe(true);
    expect(isShortRun([SHORT_RUN_MAX_BYTES], false)).toBe(true);
    expect(isShortRun([SHORT_RUN_MAX_BYTES + 1], false)).toBe(false);
    expect(isShortRun([40_000], true)).toBe(false);
    expect(isShortRun([40_000, 40_000], false)).toBe(false);
    expect(isShortRun([Infinity], false)).toBe(false); // a file that could not be measured
  });
});
