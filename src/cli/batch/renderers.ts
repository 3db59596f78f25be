import type { OutputFormat, Renderer } from '../../render/types.js';
import { CLI_DIR } from '../dir.js';
import { importModule } from '../importModule.js';

/** Lazily loaded renderers, as `src/render/index.ts` exports them (`RENDERERS`). */
export type RendererTable = Partial<Record<OutputFormat, () => Promise<Renderer>>>;

export const DEFAULT_RENDERERS_MODULE = new URL('../render/index.js', CLI_DIR).href;

/**
 * Imports a renderers module (the registry, or a test's fake) and checks its shape. Kept apart
 * from the pipeline so the main thread of a pooled batch never loads the pipeline at all.
 */
export async function loadRendererTable(moduleUrl: string): Promise<RendererTable> {
  // The registry by a literal path, so the bundled CLI (build/bundleCli.ts) carries it.
  const mod = (moduleUrl === DEFAULT_RENDERERS_MODULE ? await import('../../render/index.js') : await importModule(moduleUrl)) as { RENDERERS?: RendererTable };
  if (!mod.RENDERERS || typeof mod.RENDERERS !== 'object') throw new Error(`${moduleUrl} 没有导出 RENDERERS`);
  return mod.RENDERERS;
}
