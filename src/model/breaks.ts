/**
 * Where CJK text may break, for every renderer (spec §6; GB/T 9704 and the clreq line-breaking
 * rules): the kinsoku (禁则) sets, the unit a line break may not split, a width estimate that holds
 * for the faces nianbao sets, and the rules that keep a word or a paragraph's last characters whole.
 * Pure: the PDF measures with real metrics, DOCX and HTML leave the breaking to Word and the browser
 * but mark what must not break from the same rules.
 */

/** Characters that may not open a line, and those that may not close one. */
export const NO_START: ReadonlySet<string> = new Set([...'，。、；：？！）］｝〕〉》」』】〗”’…—·％‰℃,.;:?!)]}%～']);
export const NO_END: ReadonlySet<string> = new Set([...'（［｛〔〈《「『【〖“‘([{']);

/** Closing punctuation: not a "real" character when counting what a last line holds. */
const PUNCTUATION = /[\p{P}\p{S}\s]/u;

/**
 * Width of text in em, from above: CJK characters and full-width punctuation are one em in every
 * CJK face; ASCII is counted at 0.6 em, wider than the digits of Times New Roman (0.5), SimSun (0.5),
 * Noto Serif SC (0.56) and LXGW WenKai (0.6), so a width fitted with it holds the figure in all of them.
 */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch === ' ' ? 0.3 : ch.codePointAt(0)! < 0x7f ? 0.6 : 1;
  return w;
}

/** One line-breaking unit: a CJK character, a `——`/`……` pair, an ASCII word, or a space. */
export interface TextUnit {
  text: string;
  kind: 'cjk' | 'latin' | 'space';
}

const LATIN = /^[\x21-\x7e]$/;
const KEEP_PAIRS = /^[—…]$/;

/**
 * Splits text into the units a line breaker places and the PDF painter draws (render/pdf/text.ts,
 * shaping.ts): a unit is the most that is ever shaped as one string, so a measured width is the
 * drawn width; fitTable wraps labels over the same units.
 */
export function textUnits(text: string): TextUnit[] {
  const chars = [...text.replace(/[\t\r\n]+/g, ' ')];
  const out: TextUnit[] = [];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    let unit = ch;
    let n = 1;
    let kind: TextUnit['kind'] = 'cjk';
    if (ch === ' ') kind = 'space';
    else if (LATIN.test(ch)) {
      kind = 'latin';
      while (i + n < chars.length && LATIN.test(chars[i + n]!)) unit += chars[i + n++];
    } else if (KEEP_PAIRS.test(ch) && chars[i + 1] === ch) {
      unit = ch + ch;
      n = 2;
    }
    out.push({ text: unit, kind });
    i += n;
  }
  return out;
}

/** Whether a line may break between two units (kinsoku, spec §6). */
export function mayBreakBetween(before: string, after: string): boolean {
  return !NO_START.has(after[0]!) && !NO_END.has(before.at(-1)!);
}

/**
 * Index in `text` where its unbreakable tail starts: the last two real characters with the
 * punctuation after them (`市场。`), so that no paragraph ends on a line of one character (issue
 * 16 item 9). -1 when the text is too short to need it.
 */
export function tailStart(text: string): number {
  const chars = [...text];
  let real = 0;
  let i = chars.length;
  while (i > 0 && real < 2) {
    i--;
    if (!PUNCTUATION.test(chars[i]!)) real++;
    // An ASCII word is one unit already: count it as one, start the tail at its first letter.
    if (/[\x21-\x7e]/.test(chars[i]!)) while (i > 0 && /[\x21-\x7e]/.test(chars[i - 1]!)) i--;
  }
  if (real < 2 || i === 0) return -1;
  return chars.slice(0, i).join('').length;
}

/**
 * Splits one segment into lines of at most `capacity` em, as evenly as the fewest lines allow
 * (a table label reads `（三）⏎不予⏎公开`, not `（三）⏎不予公⏎开`), never leaving a line of one
 * character when another split of as many lines avoids it, and preferring a break after
 * punctuation (`（本列数据的勾稽关系为：⏎第一项加第二项之和，`). A unit wider than the line gets a
 * line of its own.
 */
export function balancedLines(text: string, capacity: number): string[] {
  // The same labels come back in every report of an edition: each wrapping is worked out once.
  const key = `${capacity.toFixed(4)}|${text}`;
  const hit = wrapped.get(key);
  if (hit) return hit;
  if (wrapped.size >= MAX_WRAPPED) wrapped.clear();
  const lines = wrapEvenly(text, capacity);
  wrapped.set(key, lines);
  return lines;
}

/** Wrappings kept per process: labels of both editions at a few widths are a few hundred. */
const MAX_WRAPPED = 5_000;
const wrapped = new Map<string, string[]>();

function wrapEvenly(text: string, capacity: number): string[] {
  // Clusters: runs of units with no break allowed between them (`（设`, `之和，`), each placed whole.
  const clusters: string[] = [];
  for (const { text: u } of textUnits(text.trim())) {
    const last = clusters[clusters.length - 1];
    // A space ends the cluster before it (a line may break after it, and drops it there).
    if (last !== undefined && (u.trim() === '' || (!/\s$/.test(last) && !mayBreakBetween(last, u)))) clusters[clusters.length - 1] = last + u;
    else clusters.push(u);
  }
  const units = clusters;
  if (units.length === 0) return [];
  const n = units.length;
  const EPS = 1e-6;
  const INF = Number.POSITIVE_INFINITY;
  // Width of units a..b: prefix sums, less the trailing space a line drops.
  const at = [0];
  for (const u of units) at.push(at[at.length - 1]! + emWidth(u));
  const trailing = units.map((u) => emWidth(u) - emWidth(u.trimEnd()));
  const space = (a: number, b: number) => at[b]! - at[a]! - trailing[b - 1]!;
  const fits = (a: number, b: number) => b - a === 1 || space(a, b) <= capacity + EPS;
  // Fewest lines, then the most even split into that many, with no one-character line if possible.
  const fewest = new Array<number>(n + 1).fill(INF);
  fewest[0] = 0;
  for (let b = 1; b <= n; b++) for (let a = b - 1; a >= 0 && fits(a, b); a--) fewest[b] = Math.min(fewest[b]!, fewest[a]! + 1);
  const lines = fewest[n]!;
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(lines + 1).fill(INF));
  const from = Array.from({ length: n + 1 }, () => new Array<number>(lines + 1).fill(-1));
  cost[0]![0] = 0;
  for (let b = 1; b <= n; b++) {
    for (let a = b - 1; a >= 0 && fits(a, b); a--) {
      const slack = Math.max(0, capacity - space(a, b));
      const lone = b - a === 1 && n > 1 && [...units[a]!].length === 1 ? 100 * capacity * capacity : 0;
      const afterPunct = b < n && /[，、：；。）]$/.test(units[b - 1]!) ? 0.25 * capacity * capacity : 0;
      const c = slack * slack + lone - afterPunct;
      for (let k = 1; k <= lines; k++) {
        if (cost[a]![k - 1]! + c < cost[b]![k]!) {
          cost[b]![k] = cost[a]![k - 1]! + c;
          from[b]![k] = a;
        }
      }
    }
  }
  const out: string[] = [];
  for (let b = n, k = lines; k > 0; k--) {
    const a = from[b]![k]!;
    out.unshift(units.slice(a, b).join('').trim());
    b = a;
  }
  return out;
}
