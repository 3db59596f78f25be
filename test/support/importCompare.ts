import type { Prose, Report } from '../../src/model/report.js';
import type { Document } from '../../src/model/document.js';
import { checkText, composeChecked } from '../../src/pipeline.js';
import { blockTexts } from './miniRender.js';

/** A checked report from YAML text, failing loudly when it does not validate. */
export function reportOf(yaml: string, file = 'x.yaml'): Report {
  const checked = checkText(yaml, file);
  if (!checked.report) throw new Error(`${file} does not validate: ${checked.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n')}`);
  return checked.report;
}

/** Every table figure as printed (null for a blank), by row key; extra rows and sub-rows by label. */
export function figuresOf(r: Report): Record<string, (string | null)[]> {
  const out: Record<string, (string | null)[]> = {};
  const printed = (cells: Report['rows'][string]['cells']) => cells.map((c) => (c.value === null ? null : c.text));
  for (const [k, row] of Object.entries(r.rows)) if (!r.subRows[k]) out[k] = printed(row.cells);
  for (const [k, rows] of Object.entries(r.subRows)) rows.forEach((s) => (out[`${k}/${s.label}`] = printed(s.cells)));
  for (const [k, rows] of Object.entries(r.extraRows)) rows.forEach((s) => (out[`${k}+${s.label}`] = printed(s.cells)));
  return out;
}

/**
 * Prose after the documented normalisation (README "import"): whitespace removed (Word's
 * U+2002/U+00A0 spaces, line breaks inside paragraphs), extraction noise removed, headings,
 * run-in leads and paragraphs read as plain paragraphs, and 六 `无。` the same as an empty 六.
 */
export function normaliseProse(p: Prose): string[] {
  return p
    .map((i) => (i.kind === 'lead' ? i.lead + i.text : i.text))
    .map((t) => t.replace(/\[bookmark:[^\]]*\]/g, '').replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, ''))
    .filter((t) => t !== '');
}

export function proseOf(r: Report): Record<'preamble' | 'overview' | 'proactive' | 'applications' | 'review' | 'problems' | 'other', string[]> {
  const other = normaliseProse(r.other);
  return {
    preamble: normaliseProse(r.preamble),
    overview: normaliseProse(r.overview),
    proactive: normaliseProse(r.tableText.proactive),
    applications: normaliseProse(r.tableText.applications),
    review: normaliseProse(r.tableText.review),
    problems: normaliseProse(r.problems),
    other: other.length === 1 && other[0] === '无。' ? [] : other,
  };
}

export function documentOf(yaml: string, file: string): Document {
  const doc = composeChecked(checkText(yaml, file));
  if (!doc) throw new Error(`${file} does not compose`);
  return doc;
}

/** A Document as the tokens a reader sees: every paragraph's text and every table cell's text. */
export function tokens(doc: Document): string[] {
  const squash = (s: string) => s.replace(/\s+/g, '');
  return doc.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => `C:${squash(c.text)}`)) : blockTexts(b).map((t) => `P:${squash(t)}`)));
}


/**
 * The running text of a composed Document after the documented normalisation: every title line,
 * heading and paragraph as printed (figures quoted with `{{…}}` filled in), whitespace removed;
 * the title as one string (a title the page width wrapped and a two-line title print alike).
 */
export function printedProse(doc: Document): string[] {
  const squash = (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, '');
  return doc.blocks.flatMap((b) => (b.type === 'table' ? [] : b.type === 'title' ? [squash(b.lines.join(''))] : blockTexts(b).map(squash))).filter((t) => t !== '');
}
