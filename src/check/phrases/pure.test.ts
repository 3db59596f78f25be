import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Every module a file imports, followed through relative imports (type-only imports included). */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
    graph.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return graph;
}

describe('the phrase table runs in the browser', () => {
  it('imports no Node built-in, directly or through what it imports', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const entry of ['figures.ts', 'claims.ts', 'numerals.ts']) {
      for (const [file, specifiers] of importGraph(join(here, entry))) {
        expect(specifiers.filter((s) => builtins.has(s) || s.startsWith('node:')), file).toEqual([]);
      }
    }
  });
});
