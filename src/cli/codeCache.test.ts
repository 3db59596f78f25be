import { describe, expect, it } from 'vitest';
import { binRole } from './codeCache.js';

describe('the saved code of a run of the bin', () => {
  it('is kept per command, and for render apart for one named YAML file and for a batch', () => {
    expect(binRole(['check', 'a.yaml'])).toBe('main-check');
    expect(binRole(['render', 'a.yaml'])).toBe('main-render-one');
    expect(binRole(['render', 'a.yml', '-o', 'out', '--pdf', '--jobs', '2'])).toBe('main-render-one');
    expect(binRole(['render', 'a.yaml', 'b.yaml'])).toBe('main-render');
    expect(binRole(['render', 'reports/'])).toBe('main-render');
    expect(binRole(['render', 'reports/**/*.yaml'])).toBe('main-render');
    expect(binRole(['render', 'a.yaml', '--watch'])).toBe('main-render');
    expect(binRole([])).toBe('main-');
  });
});
