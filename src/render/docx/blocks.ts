import { CarriageReturn, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import type { BylineBlock, HeadingBlock, ParagraphBlock, TitleBlock } from '../../model/document.js';
import { textWidthPt } from '../../model/fit.js';
import type { Style } from '../../model/style.js';
import { titleLines } from '../../model/title.js';
import { runProps, textRuns, twips } from './runs.js';
import { HEADING_STYLE, headingRun, STYLE_IDS } from './styles.js';


/**
 * The text paragraphs of the report (spec §6.2): each names its style (styles.ts) and carries
 * only what differs from it — the blank line under the title block, the room under a table.
 */

/** Extra paragraph spacing in points: `after` one line under the title block, `before` under a table. */
export interface Spacing {
  before?: number;
  after?: number;
}

const spacing = (s: Spacing): Pick<IParagraphOptions, 'spacing'> =>
  s.before || s.after ? { spacing: { ...(s.before ? { before: twips(s.before) } : {}), ...(s.after ? { after: twips(s.after) } : {}) } } : {};

/**
 * Title: one 二号 小标宋 paragraph per title line (§1.1, §6.2), broken between words where the PDF
 * breaks it (model/title.ts: 梯形, after the agency) by `w:cr`, a line end that is not text.
 */
export function titleParagraphs(block: TitleBlock, style: Style, after: Spacing): Paragraph[] {
  const capacity = textWidthPt(style) / style.sizes.title;
  return block.lines.map((line, i) => {
    const printed = titleLines([line], block.words?.[i] ? [block.words[i]!] : undefined, capacity);
    const runs = printed.map((l, k) => (k === 0 ? new TextRun(l) : new TextRun({ children: [new CarriageReturn(), l] })));
    return new Paragraph({ style: STYLE_IDS.title, ...spacing(i === block.lines.length - 1 ? after : {}), children: runs });
  });
}

/** The unit line or date line under the title, centred in the body face (§5, §6.2). */
export function bylineParagraph(block: BylineBlock, style: Style, after: Spacing): Paragraph {
  const date = block.role === 'date' ? runProps(style, { role: 'heading2', sizePt: style.sizes.body }) : {};
  return new Paragraph({ style: STYLE_IDS.byline, ...spacing(after), children: textRuns(block.text, date) });
}

/** A standalone heading in its built-in Heading style: kept with the next paragraph, in Word's outline. */
export function headingParagraph(block: HeadingBlock, space: Spacing): Paragraph {
  return new Paragraph({ style: HEADING_STYLE[block.level], ...spacing(space), children: textRuns(block.text, {}) });
}

/** A body paragraph (Normal); a run-in lead is set in its heading level's face, then the body text. */
export function bodyParagraph(block: ParagraphBlock, style: Style, space: Spacing): Paragraph {
  const lead = block.lead ? textRuns(block.lead.text, runProps(style, headingRun(style, block.lead.level))) : [];
  return new Paragraph({ ...spacing(space), children: [...lead, ...textRuns(block.text, {})] });
}

/** An explicit page break (`pageBreak` block): an empty paragraph that starts a new page. */
export function pageBreakParagraph(): Paragraph {
  return new Paragraph({ pageBreakBefore: true, children: [] });
}
