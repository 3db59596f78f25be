import type { Document, SourcePos } from '../model/document.js';
import type { FontRole } from '../model/style.js';

export type OutputFormat = 'docx' | 'pdf' | 'html' | 'ofd';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf', 'html', 'ofd'];

/**
 * What `render` writes when no format is chosen. OFD is asked for by name (`--ofd`): the agencies
 * and archives that file OFD ask for it, and it would add a second paged rendering to every batch.
 */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf', 'html'];

/** Options every renderer receives; each reads the ones that concern it. */
export interface RenderOptions {
  /** PDF: write PDF/A (`2b` by default with --pdfa, `1b` on request). */
  pdfa?: '1b' | '2b';
  /** DOCX: embed subset fonts so the file looks the same without the official fonts. */
  embedFonts?: boolean;
  /** PDF, OFD (and DOCX --embed-fonts): font file per role, `path` or `path#PostScriptName` (--font, NIANBAO_FONT_<ROLE>). */
  fonts?: Partial<Record<FontRole, string>>;
  /** HTML: only the report body, for pasting into a portal's editor. */
  fragment?: boolean;
}

/** A renderer-side problem (a glyph missing from a font, a row taller than a page). */
export interface RenderWarning {
  code: string;
  message: string;
  pos?: SourcePos;
}

export interface RenderResult {
  bytes: Uint8Array;
  warnings: RenderWarning[];
}

/** Renderers are pure: a Document in, bytes out (design.md). */
export type Renderer = (doc: Document, options: RenderOptions) => Promise<RenderResult>;
