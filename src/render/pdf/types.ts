import type { FontRole } from '../../model/style.js';
import type { RenderWarning } from '../types.js';

/**
 * What the pure layout step needs to know about fonts: advance widths and glyph coverage per role.
 * The renderer answers from the resolved faces; tests may answer from a fixed-width stand-in.
 */
export interface Metrics {
  /** Advance width in points of `text` set in the role's face at `size`. */
  width(role: FontRole, size: number, text: string): number;
  /** Whether the role's face has a glyph for the character. */
  covers(role: FontRole, char: string): boolean;
  /** Whether the role's face is itself bold (else `1.` headings get synthesised bold). */
  bold(role: FontRole): boolean;
  /** Whether a separate Latin face (Times New Roman) is available for digits and Latin words. */
  hasLatin: boolean;
  /** Height above the baseline of the middle of the character's ink (where a 一字线 sits), in points. */
  inkMiddle(role: FontRole, size: number, char: string): number;
}

/** A run of glyphs drawn from `x` with extra `spacing` after every glyph (PDF Tc). */
export interface Segment {
  x: number;
  text: string;
  role: FontRole;
  size: number;
  spacing: number;
  /** Synthesised bold: the face has no bold weight (仿宋_GB2312 for `1.` headings). */
  fakeBold?: boolean;
}

/** What a drawn item belongs to, for the tagged-PDF structure tree. */
export type Tag =
  | { kind: 'block'; block: number; struct: 'H1' | 'H2' | 'H3' | 'H4' | 'P' }
  | { kind: 'cell'; block: number; row: number; col: number; header: boolean }
  | { kind: 'artifact' };

export interface TextLine {
  kind: 'text';
  /** Baseline, in points from the top of the page. */
  y: number;
  segments: Segment[];
  /** Left edge of the first glyph and right edge (advance end) of the last, for tests. */
  left: number;
  right: number;
  /** The line is the last of its paragraph (left ragged) or in a centred/table context. */
  last: boolean;
  tag: Tag;
}

export interface RectItem {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  tag: Tag;
}

export type Item = TextLine | RectItem;

export interface PageLayout {
  number: number;
  items: Item[];
}

/** Where each table's rows went, for tests (header repetition) and the tagged structure. */
export interface TableTrace {
  block: number;
  /** For each page the table touches: the page index and the grid rows drawn there, in order. */
  pages: { page: number; rows: number[]; repeatedHeader: boolean }[];
}

export interface Layout {
  pageWidth: number;
  pageHeight: number;
  pages: PageLayout[];
  tables: TableTrace[];
  warnings: RenderWarning[];
}
