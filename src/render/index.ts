import type { OutputFormat, Renderer } from './types.js';

/**
 * The renderers that have landed, by format. Each lives in `render/<format>/` and is loaded
 * lazily so that `check` never pays for docx/pdfkit start-up (and OFD never loads pdfkit).
 */
export const RENDERERS: Partial<Record<OutputFormat, () => Promise<Renderer>>> = {
  docx: async () => (await import('./docx/index.js')).renderDocx,
  pdf: async () => (await import('./pdf/index.js')).renderPdf,
  html: async () => (await import('./html/index.js')).renderHtml,
  ofd: async () => (await import('./ofd/index.js')).renderOfd,
};

export type { OutputFormat, Renderer, RenderOptions, RenderResult, RenderWarning } from './types.js';
