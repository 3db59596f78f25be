import { Document as DocxFile, type Paragraph, type Table } from 'docx';
import './fastAttributes.js';
import type { Block, Document } from '../../model/document.js';
import type { Style } from '../../model/style.js';
import { bodyParagraph, bylineParagraph, headingParagraph, pageBreakParagraph, titleParagraphs } from './blocks.js';
import { pageNumberFooters, sectionProperties } from './page.js';
import { runProps } from './runs.js';
import { tableFor } from './table.js';

/**
 * Document → the `docx` package's in-memory file (pure: no I/O, no clock). One section, A4
 * portrait, different odd/even footers for the page numbers; the document defaults are the body
 * face and size in zh-CN, but every paragraph and run also states its own formatting.
 */
export function buildDocx(doc: Document, style: Style): DocxFile {
  return new DocxFile({
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
        children: bodyChildren(doc.blocks, style),
      },
    ],
  });
}

/** The blocks in order; the last line of the title block (title, then bylines) gets one blank line under it. */
export function bodyChildren(blocks: readonly Block[], style: Style): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
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
        out.push(tableFor(block, style));
        break;
      case 'pageBreak':
        out.push(pageBreakParagraph(style));
        break;
    }
  });
  return out;
}

const inTitleBlock = (b: Block | undefined): boolean => b?.type === 'title' || b?.type === 'byline';
