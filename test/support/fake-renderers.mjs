// Test-only renderers, injected with runRender(..., { renderersModule }) or NIANBAO_TEST_RENDERERS,
// so batch tests never depend on the real DOCX/PDF/HTML renderers. The agency name picks a
// behaviour: SLOW (sleeps), THROW (the PDF renderer throws), CRASH (an uncaught throw kills the
// worker thread), EXIT (process.exit in the worker), HANG (a synchronous endless loop in the
// worker, as a pathological regex would be), WARN (returns a renderer warning).
import { isMainThread } from 'node:worker_threads';

const SLOW_MS = Number(process.env.NIANBAO_FAKE_SLOW_MS ?? 1500);

/** @param {'docx' | 'pdf' | 'html'} format */
function fake(format) {
  /** @param {import('../../dist/model/document.js').Document} doc @param {import('../../dist/render/types.js').RenderOptions} options */
  return async (doc, options) => {
    const who = doc.meta.author;
    if (who.includes('SLOW')) await new Promise((r) => setTimeout(r, SLOW_MS));
    if (who.includes('THROW') && format === 'pdf') throw new Error('假渲染器故意失败');
    if (who.includes('CRASH') && !isMainThread) {
      setImmediate(() => {
        throw new Error('假渲染器让工作线程崩溃');
      });
      return new Promise(() => {});
    }
    if (who.includes('EXIT') && !isMainThread) process.exit(7);
    if (who.includes('HANG') && !isMainThread) for (;;);
    const text = `FAKE ${format}${options.fragment ? ' fragment' : ''}\n${JSON.stringify(doc)}\n`;
    // A pooled Buffer for HTML exercises the copy-before-transfer path of the worker.
    const bytes = format === 'html' ? Buffer.from(text) : new TextEncoder().encode(text);
    // WARN: one warning at a YAML position (per file) and one without (the same for every file, like a font fallback).
    const pos = doc.blocks.find((b) => b.pos)?.pos;
    const warnings = who.includes('WARN') ? [{ code: 'fake/warning', message: '假警告', pos }, { code: 'fake/fallback', message: '假字体替代' }] : [];
    return { bytes, warnings };
  };
}

export const RENDERERS = {
  docx: async () => fake('docx'),
  pdf: async () => fake('pdf'),
  html: async () => fake('html'),
};
