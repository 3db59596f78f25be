import { AlignmentType, LineRuleType, Paragraph, type IParagraphOptions } from 'docx';
import type { BylineBlock, HeadingBlock, HeadingLevel, ParagraphBlock, TitleBlock } from '../../model/document.js';
import type { FontRole, Style } from '../../model/style.js';
import { OffGridParagraph } from './offgrid.js';
import { runProps, textRuns, twips, type RunSpec } from './runs.js';

/** The text paragraphs of the report (spec §6.2). Every paragraph sets its own spacing and
 *  indent, so nothing is inherited from a style and table cells stay independent of the body. */

const HEADING_ROLE: Record<HeadingLevel, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'heading3' };

/** Run spec of a heading level: 一、 黑体, （一） 楷体, 1. 仿宋 bold (§6.2), all 三号. */
export function headingRun(style: Style, level: HeadingLevel): RunSpec {
  return { role: HEADING_ROLE[level], sizePt: style.sizes.heading, bold: level === 3 && style.heading3Bold };
}

/** Body layout: justified, first line indented two characters, fixed 28.95 pt pitch (§6.1–§6.2). */
function bodyLayout(style: Style, spaceAfter = false): IParagraphOptions {
  const indentChars = style.indentChars;
  return {
    alignment: AlignmentType.JUSTIFIED,
    // firstLineChars is what Word honours; firstLine is the same length for readers that ignore it.
    indent: { firstLineChars: indentChars * 100, firstLine: twips(indentChars * style.sizes.body), left: 0, right: 0 },
    spacing: { line: twips(style.linePitch), lineRule: LineRuleType.EXACT, before: 0, after: spaceAfter ? twips(style.linePitch) : 0 },
  };
}

/** Centred, no indent, at a given exact pitch; `spaceAfter` leaves one body line under the title block. */
function centred(style: Style, pitchPt: number, spaceAfter: boolean): IParagraphOptions {
  return {
    alignment: AlignmentType.CENTER,
    indent: { left: 0, right: 0, firstLine: 0 },
    spacing: { line: twips(pitchPt), lineRule: LineRuleType.EXACT, before: 0, after: spaceAfter ? twips(style.linePitch) : 0 },
  };
}

/** Title: one 二号 小标宋 paragraph per line, centred (§1.1, §6.2). */
export function titleParagraphs(block: TitleBlock, style: Style, spaceAfter: boolean): Paragraph[] {
  const props = runProps(style, { role: 'title', sizePt: style.sizes.title });
  return block.lines.map(
    (line, i) =>
      new OffGridParagraph({ ...centred(style, style.titleLinePitch, spaceAfter && i === block.lines.length - 1), keepNext: true, children: textRuns(line, props) }),
  );
}

/** The unit line or date line under the title, centred in the body face (§5, §6.2). */
export function bylineParagraph(block: BylineBlock, style: Style, spaceAfter: boolean): Paragraph {
  const props = runProps(style, { role: 'body', sizePt: style.sizes.body });
  return new Paragraph({ ...centred(style, style.linePitch, spaceAfter), keepNext: true, children: textRuns(block.text, props) });
}

/** A standalone heading, indented like body text; kept with the next paragraph; in Word's outline
 *  (navigation pane, PDF bookmarks) at its level. */
export function headingParagraph(block: HeadingBlock, style: Style): Paragraph {
  const props = runProps(style, headingRun(style, block.level));
  return new Paragraph({ ...bodyLayout(style), keepNext: true, outlineLevel: block.level - 1, children: textRuns(block.text, props) });
}

/** A body paragraph; a run-in lead is set in its heading level's face, then the body text. */
export function bodyParagraph(block: ParagraphBlock, style: Style): Paragraph {
  const body = runProps(style, { role: 'body', sizePt: style.sizes.body });
  const lead = block.lead ? textRuns(block.lead.text, runProps(style, headingRun(style, block.lead.level))) : [];
  return new Paragraph({ ...bodyLayout(style), children: [...lead, ...textRuns(block.text, body)] });
}

/** An explicit page break (`pageBreak` block): an empty paragraph that starts a new page. */
export function pageBreakParagraph(style: Style): Paragraph {
  return new Paragraph({ ...bodyLayout(style), pageBreakBefore: true, children: [] });
}
