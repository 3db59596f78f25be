import { balancedLines, emWidth } from './breaks.js';

/** Titles with more units than this are not searched exhaustively. */
const MAX_SEARCH = 16;

/**
 * Title lines after GB/T 9704 §7.3.3 (spec §6.2): a title that does not fit one line is broken
 * between words, "词意完整，排列对称", in a 梯形 (each line no shorter than the one above) or 菱形
 * shape, preferably after the agency's name. The words come from compose (titleWords); PDF and
 * DOCX set the lines shapeTitle gives for the 版心, HTML lets the browser balance the same words.
 */

/** Words of the standard title phrase (spec §1.1), longest first. */
const PHRASE = ['政府信息公开', '年度报告', '工作报告', '工作', '年度', '报告'];
/** An agency name breaks after its place name: 北京市 / 大兴区 / 科学技术委员会. */
const PLACE = /^.+?(?:自治区|自治州|特别行政区|街道|新区|[省市州盟区县旗镇乡])/u;

/**
 * Splits a title line into the words it may break between: the agency (split after each place
 * name of two characters or more), the year (`2021年`, `2021年度`), the words of the standard phrase,
 * and whatever is left as words of its own.
 */
export function titleWords(line: string, agency: string): string[] {
  const words: string[] = [];
  let rest = line;
  if (agency && rest.startsWith(agency)) {
    words.push(...placeWords(agency));
    rest = rest.slice(agency.length);
  }
  let other = '';
  const flush = () => {
    if (other) words.push(...placeWords(other));
    other = '';
  };
  while (rest) {
    const year = /^\d{4}年度?/.exec(rest)?.[0];
    const word = year ?? PHRASE.find((p) => rest.startsWith(p));
    if (word) {
      flush();
      words.push(word);
      rest = rest.slice(word.length);
    } else {
      other += [...rest][0]!;
      rest = rest.slice([...rest][0]!.length);
    }
  }
  flush();
  return words;
}

function placeWords(name: string): string[] {
  const out: string[] = [];
  let rest = name;
  for (;;) {
    const m = PLACE.exec(rest);
    if (!m || [...m[0]].length < 2 || m[0].length === rest.length) break;
    out.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * The words set in as few lines of `capacity` em as they fit, shaped: no line of a single
 * character, lines no shorter than the line above (梯形) or a longest middle line (菱形), as even as
 * that allows, and a break after the agency (`agencyWords` words) preferred. A word wider than a
 * line is split between characters.
 */
export function shapeTitle(words: string[], capacity: number, agencyWords = 0): string[] {
  const units = words.flatMap((w) => (emWidth(w) > capacity ? [...w] : [w]));
  const n = units.length;
  // A title of a few words is shaped by trying every split; a very long one (a 300-character
  // agency) is only set evenly.
  if (n > MAX_SEARCH) return balancedLines(words.join(''), capacity);
  const width = (a: number, b: number) => emWidth(units.slice(a, b).join(''));
  if (width(0, n) <= capacity) return [units.join('')];
  let best: { cost: number; lines: string[] } | undefined;
  // Titles have a few words: try every split into the fewest lines that fit.
  const search = (start: number, breaks: number[], maxLines: number) => {
    if (start === n) {
      const lines = breaks.map((b, i) => units.slice(i === 0 ? 0 : breaks[i - 1]!, b).join(''));
      const cost = shapeCost(lines, capacity, agencyWords, breaks);
      if (!best || cost < best.cost) best = { cost, lines };
      return;
    }
    if (breaks.length >= maxLines) return;
    for (let b = start + 1; b <= n; b++) {
      if (width(start, b) > capacity + 1e-6) break;
      search(b, [...breaks, b], maxLines);
    }
  };
  for (let lines = 2; lines <= n && !best; lines++) search(0, [], lines);
  return best ? (best as { lines: string[] }).lines : [units.join('')];
}

function shapeCost(lines: string[], capacity: number, agencyWords: number, breaks: number[]): number {
  const w = lines.map(emWidth);
  let cost = 0;
  for (const x of w) cost += (capacity - x) ** 2 * 0.05;
  if (lines.some((l) => [...l].length < 2)) cost += 1000;
  const trapezoid = w.every((x, i) => i === 0 || x >= w[i - 1]! - 0.01);
  const mid = w.indexOf(Math.max(...w));
  const diamond = w.length >= 3 && mid > 0 && mid < w.length - 1 && w.every((x, i) => (i <= mid ? i === 0 || x >= w[i - 1]! - 0.01 : x <= w[i - 1]! + 0.01));
  if (!trapezoid && !diamond) cost += 50;
  if (agencyWords > 0 && !breaks.includes(agencyWords)) cost += 30;
  return cost;
}

/** A title line as the words it may break between, and how many of them name the agency. */
export interface TitleLineWords {
  words: string[];
  agency: number;
}

/** The printed lines of a title block at `capacity` em a line: each given line shaped on its own. */
export function titleLines(lines: readonly string[], words: readonly TitleLineWords[] | undefined, capacity: number): string[] {
  return lines.flatMap((line, i) => {
    const w = words?.[i];
    return w && w.words.join('') === line ? shapeTitle(w.words, capacity, w.agency) : [line];
  });
}

/** Words of each title line for compose: the agency's words counted when the line opens with it. */
export function titleLineWords(lines: readonly string[], agency: string): TitleLineWords[] {
  return lines.map((line) => {
    const words = titleWords(line, agency);
    return { words, agency: agency && line.startsWith(agency) ? placeWordCount(agency) : 0 };
  });
}

const placeWordCount = (agency: string): number => titleWords(agency, agency).length;
