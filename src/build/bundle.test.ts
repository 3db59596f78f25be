import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleEditor, MAX_CLIENT_GZIP_BYTES } from './bundleEditor.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-bundle-'));
const entry = (name: string, code: string) => {
  const p = join(dir, name);
  writeFileSync(p, code);
  return p;
};
const src = new URL('../', import.meta.url).pathname;

describe('the editor bundle (npm run build)', () => {
  it('fails when the client graph imports a Node built-in, as node:* or bare, directly or through a core module', async () => {
    for (const [name, code] of [
      ['a.ts', "import { readFileSync } from 'node:fs'; console.log(readFileSync);"],
      ['b.ts', "import { join } from 'path'; console.log(join);"],
      ['c.ts', `import { writeAtomic } from '${src}cli/batch/atomic.ts'; console.log(writeAtomic);`],
    ]) {
      await expect(bundleEditor(entry(name!, code!), join(dir, `out-${name}`)), name).rejects.toThrow(/Node built-in/);
    }
  });

  it('bundles the editor page from the core modules within the budget', async () => {
    const r = await bundleEditor(`${src}editor/app.ts`, join(dir, 'out-app'));
    expect(r.gzipBytes).toBeLessThanOrEqual(MAX_CLIENT_GZIP_BYTES);
    // The same pipeline as the CLI: yaml, zod, handlebars and the project's own modules, nothing else.
    expect(Object.keys(r.byPackage).sort()).toEqual(['handlebars', 'src', 'yaml', 'zod']);
  }, 60_000);
});
