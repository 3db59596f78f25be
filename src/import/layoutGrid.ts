import { isFigure, printedWidth } from './textShape.js';

/*
 * The character grid of layout text (`pdftotext -layout`): words at their columns, and where a
 * table's figure columns are. layoutTable.ts reads rows and cells from it.
 */

/** A run of non-space characters at its character columns (x1 exclusive), as `pdftotext -layout` places words. */
export interface Token {
  text: string;
  line: number;
  x0: number;
  x1: number;
}

const UNIT = /^(万元|元|件|个|项|条|次)$/;

/** A line's words with their columns (a character one column, as pdftotext counts). */
export function tokensOf(text: string, line: number): Token[] {
  const chars = [...text.replace(/\t/g, ' ')];
  const out: Token[] = [];
  for (let i = 0; i < chars.length; ) {
    if (/\s/.test(chars[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && !/\s/.test(chars[j]!)) j++;
    const t = { text: chars.slice(i, j).join(''), line, x0: i, x1: j };
    const prev = out[out.length - 1];
    // A unit printed apart from its figure (`7.463 万元`) is part of it.
    if (prev && UNIT.test(t.text) && isFigure(prev.text) && t.x0 - prev.x1 <= 1) Object.assign(prev, { text: prev.text + t.text, x1: t.x1 });
    else out.push(t);
    i = j;
  }
  return out;
}

/**
 * Digits of one figure set apart (letter-spaced text: `8 6` for 86) join, in the rows that have
 * more figures than the table's rows usually have and where the columns are wider apart than one
 * space (in a table whose figures sit one space apart, `0 0 0 0`, a space is a column's edge).
 */
export function joinLetterSpaced(figures: Token[][]): void {
  const gaps = figures.flatMap((f) => f.slice(1).map((t, j) => t.x0 - f[j]!.x1)).sort((a, b) => a - b);
  if (gaps.length === 0 || gaps[Math.floor(gaps.length / 2)]! < 3) return;
  const counts = new Map<number, number>();
  for (const f of figures) if (f.length > 0) counts.set(f.length, (counts.get(f.length) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  figures.forEach((f, i) => {
    if (f.length <= usual) return;
    const out: Token[] = [];
    for (const t of f) {
      const prev = out[out.length - 1];
      if (prev && t.x0 - prev.x1 === 1 && /^\d+$/.test(prev.text) && /^\d/.test(t.text)) out[out.length - 1] = { ...prev, text: prev.text + t.text, x1: t.x1 };
      else out.push(t);
    }
    figures[i] = out;
  });
}

/**
 * Where the figure columns are: the figures of the rows with the most of them; when no row is
 * full, the header's columns (words stacked over each other, a word over two columns left out),
 * or on a continued page without a header the previous page's. pdftotext sets each block of text
 * on a character grid of its own, so a header's columns may be narrower or shifted against the
 * figures under them: the columns are fitted to the figures by a scale and a shift, the least
 * distorting one that puts every figure under a column of its own.
 */
export function columnCentres(figures: Token[][], header: Token[], previous: number[] | null): number[] | null {
  const most = Math.max(0, ...figures.map((f) => f.length));
  const stacks = (header.length > 0 ? stacksOf(header) : []).map((s) => (Math.min(...s.map((t) => t.x0)) + Math.max(...s.map((t) => t.x1)) - 1) / 2);
  const template = stacks.length > most ? stacks : header.length === 0 && previous && previous.length > most ? previous : null;
  if (most === 0) return template;
  const fitted = template ? fitColumns(figures.filter((f) => f.length > 0), template) : null;
  if (fitted) return fitted;
  const full = figures.filter((f) => f.length === most);
  return full[0]!.map((_, j) => median(full.map((f) => centre(f[j]!))));
}

/** The template's columns scaled and shifted onto the figures, or null when no such fit places them all. */
function fitColumns(rows: Token[][], template: number[]): number[] | null {
  const xs = rows.flat().map(centre);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  let best: { cost: number; columns: number[] } | null = null;
  for (let i = 0; i < template.length; i++) {
    for (let j = i; j < template.length; j++) {
      if ((i === j) !== (hi - lo < 1.5)) continue;
      const scale = i === j ? 1 : (hi - lo) / (template[j]! - template[i]!);
      if (scale < 0.6 || scale > 1.8) continue;
      const columns = template.map((c) => lo + scale * (c - template[i]!));
      if (!rows.every((f) => fits(f, columns, 1.5 * Math.max(1, scale)))) continue;
      const cost = Math.round(Math.abs(Math.log(scale)) * 100) * 1000 + Math.abs(lo - template[i]!);
      if (!best || cost < best.cost) best = { cost, columns };
    }
  }
  return best?.columns ?? null;
}

/** A word over two words that sit side by side. */
export const overTwo = (t: Token, tokens: Token[]) => tokens.some((a) => a !== t && overlaps(a, t) && tokens.some((b) => b !== t && b !== a && overlaps(b, t) && !overlaps(a, b)));

/** Whether a row's figures each sit under a column of their own, in order. */
function fits(figures: Token[], centres: number[], tolerance: number): boolean {
  let j = 0;
  for (const t of figures) {
    while (j < centres.length && centres[j]! < centre(t) - tolerance) j++;
    if (j >= centres.length || Math.abs(centres[j]! - centre(t)) > tolerance) return false;
    j++;
  }
  return true;
}

/** Header words → columns: a word over two words that sit side by side spans columns; the others stack. */
export function stacksOf(tokens: Token[]): Token[][] {
  const leaves = tokens.filter((t) => !overTwo(t, tokens)).sort((a, b) => a.x0 - b.x0);
  const stacks: Token[][] = [];
  let x1 = -Infinity;
  for (const t of leaves) {
    if (t.x0 < x1) stacks[stacks.length - 1]!.push(t);
    else stacks.push([t]);
    x1 = Math.max(t.x0 < x1 ? x1 : -Infinity, t.x1);
  }
  return stacks;
}

/** A row's values from its lines of figures (one, or several filling different columns); all blank without any. */
export function rowValues(lines: string[][], centres: number[] | null): string[] {
  if (lines.length === 0) return (centres ?? []).map(() => '');
  return lines.reduce((acc, l) => acc.map((v, j) => v || l[j] || ''));
}

/**
 * Figures → one value per column, blanks where a column has no figure (the nearest columns, in
 * order). Without known columns, the figures as they are.
 */
export function place(figures: Token[], centres: number[] | null): string[] {
  if (!centres || figures.length >= centres.length) return figures.map((t) => t.text);
  const n = figures.length;
  const k = centres.length;
  // cost[i][j]: the first i figures in the first j columns.
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(Infinity));
  for (let j = 0; j <= k; j++) cost[0]![j] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= k; j++) cost[i]![j] = Math.min(cost[i]![j - 1]!, cost[i - 1]![j - 1]! + Math.abs(centre(figures[i - 1]!) - centres[j - 1]!));
  }
  const out = new Array<string>(k).fill('');
  for (let i = n, j = k; i > 0; j--) {
    if (cost[i]![j] !== cost[i]![j - 1]) {
      out[j - 1] = figures[i - 1]!.text;
      i--;
    }
  }
  return out;
}

/**
 * Two rows whose figures a text extractor wrote as one line (their glyph boxes overlapped: `00`,
 * `01` under each column, the row above left without figures): a figure of two equal digits is
 * one for each row; two different digits cannot be told apart — both rows get them as printed,
 * and a figure starting with 0 is flagged 待核对 by the interpreter. Only a line of two-digit
 * figures, one of them starting with 0 (no table prints `01`), is taken for two.
 */
export function unmerge(hasFigures: boolean[], values: string[][]): void {
  for (let i = 1; i < values.length; i++) {
    const row = values[i]!.filter((v) => v !== '');
    if (hasFigures[i - 1] || !hasFigures[i] || row.length === 0 || !row.every((v) => /^\d\d$/.test(v)) || !row.some((v) => v.startsWith('0'))) continue;
    values[i - 1] = values[i]!.map((v) => (v !== '' && v[0] === v[1] ? v[0]! : v));
    values[i] = values[i]!.map((v) => (v !== '' && v[0] === v[1] ? v[1]! : v));
  }
}

export const nearest = (x: number, centres: number[]) => centres.reduce((best, c, j) => (Math.abs(c - x) < Math.abs(centres[best]! - x) ? j : best), 0);

export const byPlace = (a: Token, b: Token) => a.line - b.line || a.x0 - b.x0;
export const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 && b.x0 < a.x1;
export const centre = (t: Token) => (t.x0 + t.x1 - 1) / 2;
/** Printed width in ems: a CJK character is one, a digit or Latin letter half. */
export const em = (t: Token) => printedWidth(t.text) / 2;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
