import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root: `npm run bench` runs from it. */
export const ROOT = process.cwd();
export const BIN = join(ROOT, 'dist', 'cli', 'main.js');

/**
 * Imports a module of the built package (dist/), what users run. The bench itself is compiled
 * to dist-bench/, so it resolves dist/ from the root rather than relative to its own file.
 */
export function dist<T>(path: string): Promise<T> {
  return import(pathToFileURL(join(ROOT, 'dist', path)).href) as Promise<T>;
}

/** The renderers to measure: the registry, or (to try the bench out) NIANBAO_TEST_RENDERERS. */
export function renderersModule(): string {
  return process.env.NIANBAO_TEST_RENDERERS ?? pathToFileURL(join(ROOT, 'dist', 'render', 'index.js')).href;
}
