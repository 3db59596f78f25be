import { Document as DocxFile, FileChild, type IXmlableObject, type Paragraph } from 'docx';
import './fastAttributes.js';
import type { Block, Document } from '../../model/document.js';
import type { Style } from '../../model/style.js';
import { bodyParagraph, bylineParagraph, headingParagraph, pageBreakParagraph, titleParagraphs } from './blocks.js';
import { pageNumberFooters, sectionProperties } from './page.js';
import { runProps } from './runs.js';
import { tableXml } from './table.js';

/** A report as the `docx` package's in-memory file, with its tables as XML to put in their slots. */
export interface BuiltDocx {
  file: DocxFile;
  /** The XML of each table, in the order of the `TableSlot`s in the body (packDocx fills them). */
  tables: string[];
}

/**
 * Stands in the body for a table whose XML table.ts writes: `<nianbao:table n="i"/>`, which
 * packDocx replaces with the table. No report text can produce it: text is escaped, so a `<` in
 * document.xml always opens an element the renderer wrote.
 */
export class TableSlot extends FileChild {
  constructor(private readonly index: number) {
    super('nianbao:table');
  }
  override prepForXml(): IXmlableObject {
    return { 'nianbao:table': { _attr: { n: this.index } } };
  }
}

/**
 * Document → the `docx` package's in-memory file (pure: no I/O, no clock). One section, A4
 * portrait, different odd/even footers for the page numbers; the document defaults are the body
 * face and size in zh-CN, but every paragraph and run also states its own formatting.
 */
export function buildDocx(doc: Document, style: Style): BuiltDocx {
  const tables: string[] = [];
  const file = new DocxFile({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    keywords: doc.meta.keywords.join('; '),
    revision: 1,
    // Word 2013+ layout: a table with no indent has its border, not its text, on the margin.
    compatabilityModeVersion: 15,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: runProps(style, { role: 'body', sizePt: style.sizes.body }) } } },
    sections: [
      {
        properties: sectionProperties(style),
        footers: pageNumberFooters(style),
        children: bodyChildren(doc.blocks, style, tables),
      },
    ],
  });
  return { file, tables };
}

/**
 * The blocks in order; the last line of the title block (title, then bylines) gets one blank line
 * under it. Each table's XML goes to `tables` and a slot for it into the body.
 */
function bodyChildren(blocks: readonly Block[], style: Style, tables: string[]): (Paragraph | TableSlot)[] {
  const out: (Paragraph | TableSlot)[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    const endsTitleBlock = inTitleBlock(block) && !inTitleBlock(next);
    switch (block.type) {
      case 'title':
        out.push(...titleParagraphs(block, style, endsTitleBlock));
        break;
      case 'byline':
        out.push(bylineParagraph(block, style, endsTitleBlock));
        break;
      case 'heading':
        out.push(headingParagraph(block, style));
        break;
      case 'paragraph':
        out.push(bodyParagraph(block, style));
        break;
      case 'table':
        out.push(new TableSlot(tables.length));
        tables.push(tableXml(block, style));
        break;
      case 'pageBreak':
        out.push(pageBreakParagraph(style));
        break;
    }
  });
  return out;
}

const inTitleBlock = (b: Block | undefined): boolean => b?.type === 'title' || b?.type === 'byline';
