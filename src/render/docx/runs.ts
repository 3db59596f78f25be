import { TextRun, type IRunOptions } from 'docx';
import type { FontRole, Style } from '../../model/style.js';

/** Points → twips (1/20 pt), the unit of most WordprocessingML lengths. */
export const twips = (pt: number): number => Math.round(pt * 20);
/** Points → half-points, the unit of `w:sz`. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

export interface RunSpec {
  role: FontRole;
  sizePt: number;
  bold?: boolean;
}

/**
 * The properties every run carries (design.md "Fonts", spec §6.2): Latin letters and digits in
 * the Latin face, Chinese in the role's official face through `w:eastAsia`, and `w:hint`
 * eastAsia so that shared punctuation (“” — …) takes the Chinese face's full-width glyphs.
 * Language zh-CN for East Asian text so Word picks the Chinese face and line-breaking rules.
 */
export function runProps(style: Style, spec: RunSpec): IRunOptions {
  const latin = style.fonts.latin;
  return {
    font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: style.fonts[spec.role], hint: 'eastAsia' },
    size: halfPoints(spec.sizePt),
    sizeComplexScript: halfPoints(spec.sizePt),
    ...(spec.bold ? { bold: true, boldComplexScript: true } : {}),
    language: { value: 'en-US', eastAsia: 'zh-CN' },
  };
}

/**
 * Text as runs; a `\n` (the official template's line break inside a label, spec §2–§3) becomes
 * a `w:br` so the cell keeps one paragraph with the break where the template has it.
 */
export function textRuns(text: string, props: IRunOptions): TextRun[] {
  if (text === '') return [];
  return text.split('\n').map((line, i) => new TextRun({ ...props, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}
