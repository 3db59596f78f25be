import type { Block, SourcePos } from '../../model/document.js';
import type { FontRole, Style } from '../../model/style.js';
import { titleLines } from '../../model/title.js';
import { baselineIn } from './geometry.js';
import type { Pager } from './page.js';
import { setText, type Align, type Run } from './text.js';
import type { RenderWarning } from '../types.js';
import type { Metrics, Tag } from './types.js';

type TextBlock = Extract<Block, { type: 'title' | 'byline' | 'heading' | 'paragraph' }>;

const HEADING_ROLE: Record<1 | 2 | 3, FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'heading3' };
const STRUCT = { 1: 'H2', 2: 'H3', 3: 'H4' } as const;

/** How a text block is set: its runs, measure, alignment, line pitch and structure tag. */
export interface TextPlan {
  runs: Run[];
  indent: number;
  align: Align;
  pitch: number;
  struct: 'H1' | 'H2' | 'H3' | 'H4' | 'P';
}

/** Spec §6.2: title 二号 小标宋 centred; headings 黑体/楷体/仿宋 bold; body 仿宋 indented 2 characters. */
export function planText(b: TextBlock, style: Style, m: Metrics, pitch: number): TextPlan {
  // The 28-per-line grid (spec §6.1) condenses 16 pt glyphs to the grid pitch.
  const tracking = pitch - style.sizes.body;
  const indent = style.indentChars * pitch;
  const run = (text: string, role: FontRole, size = style.sizes.body): Run => {
    const fakeBold = role === 'heading3' && style.heading3Bold && !m.bold(role);
    return { text, role, size, tracking: size === style.sizes.body ? tracking : 0, ...(fakeBold ? { fakeBold } : {}) };
  };
  switch (b.type) {
    case 'title':
      return { runs: [], indent: 0, align: 'center', pitch: style.titleLinePitch, struct: 'H1' };
    case 'byline':
      return { runs: [run(b.text, b.role === 'date' ? 'heading2' : 'body')], indent: 0, align: 'center', pitch: style.linePitch, struct: 'P' };
    case 'heading':
      return { runs: [run(b.text, HEADING_ROLE[b.level], style.sizes.heading)], indent, align: 'justify', pitch: style.linePitch, struct: STRUCT[b.level] };
    case 'paragraph': {
      const lead = b.lead ? [run(b.lead.text, HEADING_ROLE[b.lead.level], style.sizes.heading)] : [];
      return { runs: [...lead, run(b.text, 'body')], indent, align: 'justify', pitch: style.linePitch, struct: 'P' };
    }
  }
}

/**
 * Sets a text block on the pages. `keep` is the height that must follow on the same page (a heading
 * is never the last line of a page). The title sets each of its lines as its own centred paragraph.
 */
export function flowText(b: TextBlock, index: number, style: Style, m: Metrics, pager: Pager, keep: number): void {
  const g = pager.g;
  const plan = planText(b, style, m, g.pitch);
  // A title is broken between its words in a 梯形 shape (model/title.ts), each line centred.
  const paragraphs: Run[][] =
    b.type === 'title' ? titleLines(b.lines, b.words, g.width / style.sizes.title).map((l) => [{ text: l, role: 'title', size: style.sizes.title, tracking: 0 }]) : [plan.runs];
  const tag: Tag = { kind: 'block', block: index, struct: plan.struct };
  const set = paragraphs.map((runs) => setText(runs, m, g.width, plan.indent, plan.align, plan.align === 'justify'));
  const lineCount = set.reduce((s, x) => s + x.lines.length, 0);
  if (b.type === 'heading') pager.ensure(lineCount * plan.pitch + keep);
  for (const { lines, missing } of set) {
    pager.missing.add(missing, b.pos);
    for (const line of lines) {
      pager.ensure(plan.pitch);
      const size = line.segments[0]?.size ?? style.sizes.body;
      pager.push({ kind: 'text', y: pager.y + baselineIn(plan.pitch, size), segments: line.segments.map((s) => ({ ...s, x: s.x + g.left })), left: line.left + g.left, right: line.right + g.left, last: line.last || plan.align !== 'justify', tag });
      pager.y += plan.pitch;
    }
  }
}

/**
 * Characters the faces lack, gathered per source position: a prose field split into several
 * paragraphs, or a cell set line by line, gets one warning listing each missing character once.
 */
export class MissingGlyphs {
  private readonly byPos = new Map<string, { pos: SourcePos | undefined; chars: string[] }>();

  add(chars: readonly string[], pos: SourcePos | undefined): void {
    if (chars.length === 0) return;
    const key = pos ? `${pos.file}:${pos.line}:${pos.column}` : '';
    let at = this.byPos.get(key);
    if (!at) this.byPos.set(key, (at = { pos, chars: [] }));
    for (const c of chars) if (!at.chars.includes(c)) at.chars.push(c);
  }

  warnings(): RenderWarning[] {
    return [...this.byPos.values()].map(({ pos, chars }) => ({
      code: 'font/missing-glyph',
      message: `字体中没有这些字符，PDF 和 OFD 中会显示为空框：${chars.join(' ')}（U+${chars.map((c) => c.codePointAt(0)!.toString(16).toUpperCase()).join(' U+')}）；请换用含这些字符的字体（nianbao fonts）`,
      ...(pos ? { pos } : {}),
    }));
  }
}
