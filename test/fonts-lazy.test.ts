import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './support/batch.js';

const root = join(import.meta.dirname, '..');

/**
 * A one-report process reads its fonts' outlines only as glyphs are used (src/fonts/lazyFile.ts);
 * a batch worker gets the whole files from its pool. Whatever reads a glyph's outline (the page
 * number's dash is centred on its ink, subsets copy glyph bytes) must see the same bytes either way.
 */
describe('fonts read on demand', () => {
  it('give the same PDF and OFD as fonts read whole', () => {
    const dir = tempDir('lazy-fonts');
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    copyFileSync(join(root, 'data', 'daxing-kw-2020.yaml'), a);
    copyFileSync(join(root, 'data', 'jiangzhou-sthjj-2021.yaml'), b);
    const run = (args: string[]) => execFileSync(process.execPath, [BIN, 'render', ...args, '--pdf', '--ofd'], { stdio: 'pipe' });
    run([a, '-o', join(dir, 'alone')]);
    run([a, b, '-o', join(dir, 'pool'), '--jobs', '2']);
    for (const ext of ['pdf', 'ofd']) {
      const name = `北京市大兴区科学技术委员会-2020.${ext}`;
      expect(readFileSync(join(dir, 'alone', name)).equals(readFileSync(join(dir, 'pool', name))), name).toBe(true);
    }
  });
});
