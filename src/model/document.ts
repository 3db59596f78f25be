/**
 * The Document model: the contract between compose and the renderers (design.md).
 * Renderers import only this module and the style; they know nothing about YAML, zod or editions.
 */
import type { TitleLineWords } from './title.js';

/** Where a block or cell came from in the YAML source, for renderer-side diagnostics. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
  /** YAML path of the node, e.g. ["applications", "newlyReceived", 0]. */
  path: readonly (string | number)[];
}

export type HeadingLevel = 1 | 2 | 3;

/** Title block: one or more centred lines in the title face (spec §1.1, §6.2). */
export interface TitleBlock {
  type: 'title';
  lines: string[];
  /** Each line as the words it may break between (model/title.ts: GB/T 9704 keeps words whole). */
  words?: TitleLineWords[];
  pos?: SourcePos;
}

/** A centred line under the title: the unit name or the date line 成文日期 (spec §5, seed 002). */
export interface BylineBlock {
  type: 'byline';
  role: 'unit' | 'date';
  text: string;
  pos?: SourcePos;
}

/** A standalone heading: 一、 (黑体), （一） (楷体), 1. (仿宋 bold) — spec §6.2. */
export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  text: string;
  pos?: SourcePos;
}

/**
 * A body paragraph, first line indented two characters. A paragraph may open with a run-in
 * heading (`（一）主动公开情况。在…`), which renderers set in that heading level's face.
 */
export interface ParagraphBlock {
  type: 'paragraph';
  lead?: { level: 2 | 3; text: string };
  text: string;
  pos?: SourcePos;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

/** A cell of a table as defined (cells covered by a span are left out — HTML's rule). */
export interface TableCell {
  /** Printed text; `\n` is a template line break inside the cell (spec §2–§3). Empty = blank. */
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Header cells become <th>, TH, repeated header rows; labels are row headers. */
  kind: 'header' | 'label' | 'value';
  align: 'left' | 'center';
  pos?: SourcePos;
}

export interface TableRow {
  cells: TableCell[];
}

export interface TableBlock {
  type: 'table';
  /** Stable id of the table: `proactive` (二), `applications` (三), `review` (四). */
  id: string;
  /** Accessible caption (the section title the table belongs to). */
  caption: string;
  /** Relative column widths, one per grid column; renderers scale them to the text block. */
  columnWidths: number[];
  /** How many leading rows are header rows, repeated after a page break. */
  headerRows: number;
  /**
   * Blocks of rows that belong together (the 二 table's 第二十条第（N）项 items: title row, 信息内容
   * row, data rows): kept on one page when they fit; a block taller than a page repeats its
   * `headerRows` leading rows above its rows on the next page. Row indices, `last` inclusive.
   */
  rowGroups?: { first: number; last: number; headerRows: number }[];
  rows: TableRow[];
  pos?: SourcePos;
}

export type Block = TitleBlock | BylineBlock | HeadingBlock | ParagraphBlock | TableBlock | PageBreakBlock;

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date (YYYY-MM-DD) used for every timestamp, so output is byte-identical. */
  date: string;
  lang: 'zh-CN';
  /** A transcription of a published report: where it was published (file or address) and when. */
  source?: { from: string; date: string | null };
}

/** Where a transcription's original was published, as every renderer's document properties say it. */
export function sourceNote(source: NonNullable<DocumentMeta['source']>): string {
  return `已发布年报的转录，原文：${source.from}${source.date ? `（发布日期 ${source.date}）` : ''}`;
}

export interface Document {
  meta: DocumentMeta;
  blocks: Block[];
}
