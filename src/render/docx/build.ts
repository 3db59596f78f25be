import { Document as DocxFile, FileChild, type IXmlableObject } from 'docx';
import type { Block, Document } from '../../model/document.js';
import type { Style } from '../../model/style.js';
import { bodyParagraph, bylineParagraph, headingParagraph, pageBreakParagraph, titleParagraphs } from './blocks.js';
import { pageNumberFooters, sectionProperties } from './page.js';
import { docxStyles } from './styles.js';
import { tableXml } from './table.js';
import { elementXml } from './xml.js';

/** Where the report's body goes in the skeleton's document.xml (see BodySlot). */
export const BODY_SLOT = '<nianbao:body/>';

/**
 * Stands in the skeleton for the report's body. No report text can produce it: text is escaped,
 * so a `<` in document.xml always opens an element the renderer wrote.
 */
class BodySlot extends FileChild {
  constructor() {
    super('nianbao:body');
  }
  override prepForXml(): IXmlableObject {
    return { 'nianbao:body': {} };
  }
}

/**
 * Everything of the `docx` file but the body and the document properties, which do not depend on
 * the report (pure: no I/O, no clock): one section, A4 portrait, different odd/even footers for
 * the page numbers; the named styles of styles.ts. packDocx compiles it once per style.
 */
export function skeletonDocx(style: Style): DocxFile {
  return new DocxFile({
    // Word 2013+ layout: a table with no indent has its border, not its text, on the margin.
    compatabilityModeVersion: 15,
    evenAndOddHeaderAndFooters: true,
    styles: docxStyles(style),
    sections: [{ properties: sectionProperties(style), footers: pageNumberFooters(style), children: [new BodySlot()] }],
  });
}

/**
 * The report's body as WordprocessingML, block by block: paragraphs built by `docx` and written by
 * toXml (as docx writes them), tables from table.ts. The last line of the title block (title, then
 * bylines) gets one blank line under it.
 */
export function bodyXml(doc: Document, style: Style): string {
  const out: string[] = [];
  const add = (p: Parameters<typeof elementXml>[0]) => out.push(elementXml(p));
  doc.blocks.forEach((block, i) => {
    const endsTitleBlock = inTitleBlock(block) && !inTitleBlock(doc.blocks[i + 1]);
    // Room under a table before the text that follows (the PDF's tableSpaceAfter).
    const before = doc.blocks[i - 1]?.type === 'table' ? style.tableSpaceAfter : 0;
    const after = endsTitleBlock ? style.linePitch : 0;
    switch (block.type) {
      case 'title':
        titleParagraphs(block, style, { after }).forEach(add);
        break;
      case 'byline':
        add(bylineParagraph(block, style, { after }));
        break;
      case 'heading':
        add(headingParagraph(block, { before }));
        break;
      case 'paragraph':
        add(bodyParagraph(block, style, { before }));
        break;
      case 'table':
        out.push(tableXml(block, style));
        break;
      case 'pageBreak':
        add(pageBreakParagraph());
        break;
    }
  });
  return out.join('');
}

const inTitleBlock = (b: Block | undefined): boolean => b?.type === 'title' || b?.type === 'byline';
