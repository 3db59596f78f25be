import { renderPieces, TemplateError, type TextPiece } from '../compose/text.js';
import { textContext } from '../compose/document.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { getEdition } from '../editions/index.js';
import type { Figure, Prose, Report } from '../model/report.js';
import { TODO } from '../schema/scaffold.js';
import { RULE_CODES, type RuleCode } from './codes.js';
import type { At } from './identities.js';
import { readClaims } from './phrases/claims.js';
import { readFigures, type FigureMention, type ProseFamily } from './phrases/figures.js';
import { claimProblems, problemsEmpty } from './proseWords.js';
import { cellValues, filledSum, shownValue } from './tableValues.js';

/** The rule of each family of figures (phrases/figures.ts). */
export const FAMILY_CODES: Record<ProseFamily, RuleCode> = {
  received: 'prose/received-mismatch',
  carriedOver: 'prose/carried-over-mismatch',
  carriedForward: 'prose/carried-forward-mismatch',
  results: 'prose/results-mismatch',
  reconsideration: 'prose/reconsideration-mismatch',
  litigation: 'prose/litigation-mismatch',
  proactive: 'prose/proactive-mismatch',
  fees: 'prose/fees-mismatch',
};

/** A prose problem: the rule, the message and where in the rendered paragraph it is. */
export interface ProseProblem {
  code: RuleCode;
  message: string;
  /** Offsets into the rendered paragraph of what the warning points at. */
  start: number;
  end: number;
}

/**
 * Spec §4.4 "narrative vs table": every figure the prose gives for a table cell (phrases/),
 * every contradiction said in words, the 【待填写】 markers, and an empty 五. Each warning points at
 * the number (or the words) in the YAML. A figure written as a `{{…}}` placeholder is right by
 * construction and not compared; the text around it is read after substitution.
 */
export function checkProse(report: Report, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  const edition = getEdition(report.edition);
  const context = textContext(report);
  const all: Prose = [...report.preamble, ...report.overview, ...report.tableText.proactive, ...report.tableText.applications, ...report.tableText.review, ...report.problems, ...report.other];
  // Earlier paragraphs of each YAML scalar: where a snippet occurs for the n-th time.
  const earlier = new Map<string, string[]>();
  for (const item of all) {
    const raw = item.kind === 'lead' ? `${item.lead}${item.text}` : item.text;
    const key = item.path.join('\u0000');
    const before = earlier.get(key) ?? [];
    earlier.set(key, [...before, raw]);
    let pieces: TextPiece[];
    try {
      pieces = renderPieces(raw, context);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      out.push(at(e.code, RULE_CODES[e.code][0], e.message, item.path, raw.slice(raw.indexOf('{{'))));
      continue;
    }
    const text = pieces.map((p) => p.text).join('');
    const place = placer(pieces, raw, before);
    const warn = (p: ProseProblem) => {
      const where = place(p.start, p.end);
      out.push(at(p.code, RULE_CODES[p.code][0], p.message, item.path, where?.snippet, where?.occurrence));
    };
    for (let i = text.indexOf(TODO); i >= 0; i = text.indexOf(TODO, i + TODO.length)) {
      warn({ code: 'prose/todo', message: `还有未填写的内容（${TODO}）`, start: i, end: i + TODO.length });
    }
    const onPlaceholder = (m: FigureMention) => place(m.start, m.end) === null;
    for (const m of readFigures(text, edition)) {
      if (onPlaceholder(m)) continue;
      const problem = figureProblem(report, text, m);
      if (problem) warn(problem);
    }
    for (const claim of readClaims(text)) for (const p of claimProblems(report, text, claim)) warn(p);
  }
  const empty = problemsEmpty(report.problems);
  if (empty) out.push(at('prose/problems-empty', RULE_CODES['prose/problems-empty'][0], empty, ['problems']));
  return out;
}

/** The figure's cells against what the prose says: null when they agree. */
function figureProblem(report: Report, text: string, m: FigureMention): ProseProblem | null {
  const values = cellValues(report, m.cells);
  if (!values) return null;
  const quote = `正文写“${text.slice(m.quoteStart, m.quoteEnd)}”`;
  const sum = filledSum(values);
  if (sum === null) {
    // A blank prints empty and counts as 0: prose that says 0 agrees with it.
    if (m.value === 0) return null;
    return { code: 'prose/blank-cell', message: `${quote}，但表格中${values.name}空白（没有填写数字）`, start: m.start, end: m.end };
  }
  const money = values.figures.length === 1 && values.figures[0]!.figure.kind === 'money';
  const agrees = money ? sameMoney(m, values.figures[0]!.figure) : m.value === sum;
  if (agrees) return null;
  return { code: FAMILY_CODES[m.family], message: `${quote}，但表格中${values.name}为 ${shownValue(values)}`, start: m.start, end: m.end };
}

/** Money in yuan: the prose's unit, the cell's own unit, else the column's (二 table 万元, 信息处理费 元). */
function sameMoney(m: FigureMention, f: Figure): boolean {
  const yuan = (value: number, unit: string) => value * (unit === '万元' ? 10_000 : 1);
  const cellUnit = f.text.endsWith('万元') ? '万元' : f.text.endsWith('元') ? '元' : f.path[0] === 'fees' ? '元' : '万元';
  const a = yuan(m.value, m.unit);
  const b = yuan(f.value ?? 0, cellUnit);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * Maps offsets of the rendered paragraph to a snippet of the YAML text and the how-many-th time
 * it occurs in its scalar (earlier paragraphs of the same scalar counted), the way
 * `SourceFile.positionIn` finds it. Null for text inside a placeholder's value.
 */
function placer(pieces: TextPiece[], raw: string, earlier: string[]) {
  const starts: number[] = [];
  let o = 0;
  for (const p of pieces) {
    starts.push(o);
    o += p.text.length;
  }
  return (start: number, end: number): { snippet: string; occurrence: number } | null => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > start) i--;
    const piece = pieces[i];
    if (!piece || piece.placeholder || end > starts[i]! + piece.text.length) return null;
    const from = piece.from + (start - starts[i]!);
    const needle = raw.slice(from, from + Math.min(end - start, 12)).split('\n')[0]!.trim();
    if (needle === '') return { snippet: raw.slice(from, from + 1), occurrence: 0 };
    let occurrence = earlier.reduce((n, t) => n + occurrences(t, needle, t.length), 0);
    occurrence += occurrences(raw, needle, from);
    return { snippet: needle, occurrence };
  };
}

/** How often `needle` occurs in `text` before `end`, counted as positionIn steps (no overlaps). */
function occurrences(text: string, needle: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0 && i < end; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

