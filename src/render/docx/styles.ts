import { AlignmentType, LineRuleType, type IParagraphStylePropertiesOptions, type IStylesOptions } from 'docx';
import type { HeadingLevel } from '../../model/document.js';
import type { FontRole, Style } from '../../model/style.js';
import { runProps, twips, type RunSpec } from './runs.js';

/**
 * The report's look as named Word styles (issue 16 item 12), so Word's 样式 pane, a clerk's restyle
 * and pandoc see the structure: Normal is the body (三号 仿宋, justified, two characters in, exact
 * 28.95 pt), the built-in Title and Heading 1–3 carry the official faces (小标宋, 黑体, 楷体, 仿宋
 * bold) with their outline levels, and two of nianbao's own: a by-line and the table text (宋体 五号
 * at its own exact pitch, off the document grid). Paragraphs then name their style; only a run-in
 * lead and a stepped-down table figure carry run formatting of their own.
 */
export const STYLE_IDS = { body: 'Normal', title: 'Title', byline: 'Byline', table: 'TableText' } as const;
export const HEADING_STYLE: Record<HeadingLevel, string> = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' };

const HEADING_ROLE: Record<HeadingLevel, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'heading3' };

/** Run spec of a heading level: 一、 黑体, （一） 楷体, 1. 仿宋 bold (§6.2), all 三号. */
export function headingRun(style: Style, level: HeadingLevel): RunSpec {
  return { role: HEADING_ROLE[level], sizePt: style.sizes.heading, bold: level === 3 && style.heading3Bold };
}

/** Body layout: justified, first line indented two characters, fixed 28.95 pt pitch (§6.1–§6.2). */
export function bodyLayout(style: Style): IParagraphStylePropertiesOptions {
  const indentChars = style.indentChars;
  return {
    alignment: AlignmentType.JUSTIFIED,
    // firstLineChars is what Word honours; firstLine is the same length for readers that ignore it.
    indent: { firstLineChars: indentChars * 100, firstLine: twips(indentChars * style.sizes.body), left: 0, right: 0 },
    spacing: { line: twips(style.linePitch), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  };
}

/** Centred, no indent, at a given exact pitch. */
function centred(pitchPt: number): IParagraphStylePropertiesOptions {
  return {
    alignment: AlignmentType.CENTER,
    indent: { left: 0, right: 0, firstLine: 0, firstLineChars: 0 },
    spacing: { line: twips(pitchPt), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  };
}

export function docxStyles(style: Style): IStylesOptions {
  const heading = (level: HeadingLevel) => ({ run: runProps(style, headingRun(style, level)), paragraph: { keepNext: true, keepLines: true, outlineLevel: level - 1 } });
  return {
    default: {
      document: { run: runProps(style, { role: 'body', sizePt: style.sizes.body }) },
      title: { run: runProps(style, { role: 'title', sizePt: style.sizes.title }), paragraph: { ...centred(style.titleLinePitch), keepNext: true } },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
    },
    paragraphStyles: [
      { id: STYLE_IDS.body, name: 'Normal', quickFormat: true, paragraph: bodyLayout(style) },
      { id: STYLE_IDS.byline, name: '署名日期行', basedOn: STYLE_IDS.body, next: STYLE_IDS.body, quickFormat: true, paragraph: { ...centred(style.linePitch), keepNext: true } },
      {
        id: STYLE_IDS.table,
        name: '表格文字',
        basedOn: STYLE_IDS.body,
        quickFormat: true,
        run: runProps(style, { role: 'table', sizePt: style.sizes.table }),
        paragraph: centred(style.tableLinePitch),
      },
    ],
  };
}

/**
 * What the `docx` package cannot say in styles.xml, added to the compiled part: Normal is the
 * default paragraph style, and the title and table styles leave the document grid (LibreOffice
 * snaps exact-pitch lines to the 28.95 pt grid otherwise, doubling every table row and title line).
 */
export function patchStylesXml(xml: string): string {
  let out = xml.replace('<w:style w:type="paragraph" w:styleId="Normal">', '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">');
  for (const id of [STYLE_IDS.title, STYLE_IDS.table]) {
    const at = out.indexOf(`w:styleId="${id}"`);
    // Before w:spacing, as the schema orders the paragraph properties.
    const spacing = out.indexOf('<w:spacing', at);
    if (at < 0 || spacing < 0 || spacing > out.indexOf('</w:style>', at)) throw new Error(`docx styles: no paragraph spacing for ${id}`);
    out = `${out.slice(0, spacing)}<w:snapToGrid w:val="0"/>${out.slice(spacing)}`;
  }
  if (!out.includes('w:default="1" w:styleId="Normal"')) throw new Error('docx styles: no Normal style');
  return out;
}
