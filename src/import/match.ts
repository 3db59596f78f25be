/**
 * Label matching: printed labels against the official ones of src/editions, tolerant of the
 * differences real reports show (spaces and line breaks inside cells, full-width digits,
 * `、` / `，` / `．`, annotations appended in parentheses — spec §5).
 */

/** The comparable form of a label: NFKC, no whitespace, unified punctuation. */
export function norm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, '')
    .replace(/[，、,]/g, '、')
    .replace(/[．。.]/g, '.')
    .replace(/[“”"]/g, '"')
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）');
}

export type MatchKind = 'exact' | 'annotated' | 'fuzzy';

export interface Match<T> {
  item: T;
  kind: MatchKind;
}

/**
 * The candidate whose official label the printed text is: equal after `norm`, or the official
 * text followed by an annotation (`规章（设区的市…）`), or failing both the closest one by
 * character bigrams when it is clearly closest (a typo).
 */
export function matchLabel<T>(printed: string, candidates: readonly T[], labelOf: (c: T) => string): Match<T> | null {
  const p = norm(printed);
  if (p === '') return null;
  for (const c of candidates) if (norm(labelOf(c)) === p) return { item: c, kind: 'exact' };
  const annotated = candidates
    .filter((c) => {
      const o = norm(labelOf(c));
      return p.startsWith(o) && /^[（(：:\n]/.test(p.slice(o.length));
    })
    .sort((a, b) => norm(labelOf(b)).length - norm(labelOf(a)).length);
  if (annotated[0]) return { item: annotated[0], kind: 'annotated' };
  let best: { c: T; s: number } | null = null;
  let second = 0;
  for (const c of candidates) {
    const s = dice(p, norm(labelOf(c)));
    if (!best || s > best.s) {
      second = best?.s ?? 0;
      best = { c, s };
    } else if (s > second) second = s;
  }
  return best && best.s >= 0.6 && best.s - second >= 0.1 ? { item: best.c, kind: 'fuzzy' } : null;
}

/** Sørensen–Dice coefficient over character bigrams. */
export function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const chars = [...s];
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < chars.length; i++) m.set(chars[i]! + chars[i + 1]!, (m.get(chars[i]! + chars[i + 1]!) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, [...a].length - 1) + Math.max(1, [...b].length - 1);
  return (2 * common) / total;
}

/** A printed figure: a number with an optional unit, or a blank. */
const FIGURE = /^[-−–]?\d[\d,，]*(\.\d+)?(万元|元|件|个|项|条|次)?$/;
const NOT_APPLICABLE = /^[-—–/／无]$|^——$/;

export function isValueText(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  return t === '' || FIGURE.test(t) || NOT_APPLICABLE.test(t);
}
