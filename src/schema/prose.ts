import type { Prose, ProseItem, YamlPath } from '../model/report.js';

/** Every prose field of a report file, in the order of the report. */
export const PROSE_FIELDS: readonly YamlPath[] = [['preamble'], ['overview'], ['proactive', 'text'], ['applications', 'text'], ['review', 'text'], ['problems'], ['other']];

/** Raw prose as the schema accepts it. */
export type RawProse = string | (string | { heading: string } | { lead: string; text: string } | { text: string })[];

const LEVEL2 = /^（[一二三四五六七八九十]+）/;
const LEVEL3 = /^\d{1,2}[.．、](?!\d)/;
/** A run-in heading ends at the first 。 or ： within this many characters. */
const MAX_LEAD = 30;
/** A paragraph this short without closing punctuation is a standalone heading. */
const MAX_HEADING = 30;

/**
 * Splits prose into paragraphs and headings the way a clerk writes it (spec §1.3):
 * paragraphs are separated by blank lines; lines inside a paragraph are joined (with a space
 * only between two Latin characters); `（一）…` and `1.…` open level-2 and level-3 headings,
 * standalone when short and unpunctuated, run-in up to the first 。 or ： otherwise.
 */
export function parseProse(raw: RawProse | undefined, path: YamlPath): Prose {
  if (raw === undefined) return [];
  if (typeof raw === 'string') {
    return consistentLeads(splitParagraphs(raw).map((text) => recognise(text, path)));
  }
  const out: ProseItem[] = [];
  raw.forEach((item, i) => {
    const p = [...path, i];
    if (typeof item === 'string') {
      out.push(...consistentLeads(splitParagraphs(item).map((text) => recognise(text, p))));
    } else if ('heading' in item) {
      const level = LEVEL3.test(item.heading.trim()) ? 3 : 2;
      out.push({ kind: 'heading', level, text: item.heading.trim(), path: p });
    } else if ('lead' in item) {
      const level = LEVEL3.test(item.lead.trim()) ? 3 : 2;
      out.push({ kind: 'lead', level, lead: item.lead.trim(), text: item.text.trim(), path: p });
    } else {
      out.push({ kind: 'paragraph', text: joinLines(item.text.trim()), path: p });
    }
  });
  return out;
}

export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => joinLines(p.trim()))
    .filter((p) => p !== '');
}

function joinLines(text: string): string {
  return text.split(/\n/).map((l) => l.trim()).reduce((acc, line) => {
    if (acc === '') return line;
    const space = /[A-Za-z0-9,.;:]$/.test(acc) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
    return acc + space + line;
  }, '');
}

function recognise(text: string, path: YamlPath): ProseItem {
  const level = LEVEL2.test(text) ? 2 : LEVEL3.test(text) ? 3 : null;
  if (level === null) return { kind: 'paragraph', text, path };
  if ([...text].length <= MAX_HEADING && !/[。；！？：，,;.!?]$/.test(text)) {
    return { kind: 'heading', level, text, path };
  }
  const end = leadEnd(text);
  if (end > 0 && end < text.length) {
    return { kind: 'lead', level, lead: text.slice(0, end), text: text.slice(end), path };
  }
  return { kind: 'paragraph', text, path };
}

/** Where a run-in heading ends: just after the first 。 or ： within MAX_LEAD characters; -1 if none. */
function leadEnd(text: string): number {
  const m = /[。：:]/.exec(text);
  return m && m.index < MAX_LEAD ? m.index + 1 : -1;
}

/**
 * One numbered list, one look (issue 16 item 10): in a run of consecutive `1.`/`2.`/`3.` (or
 * `（一）`…) paragraphs, a run-in lead is kept only when every item of the run has one. Seed 002's
 * 五 had items 1 and 2 without a short first sentence and item 3 with one: 1 and 2 plain, 3 bold.
 */
function consistentLeads(items: ProseItem[]): ProseItem[] {
  const level = (it: ProseItem): 2 | 3 | null =>
    it.kind === 'lead' ? it.level : it.kind === 'paragraph' ? (LEVEL2.test(it.text) ? 2 : LEVEL3.test(it.text) ? 3 : null) : null;
  const out = [...items];
  for (let i = 0; i < out.length; ) {
    const l = level(out[i]!);
    let j = i + 1;
    while (l !== null && j < out.length && level(out[j]!) === l) j++;
    const run = out.slice(i, j);
    if (l !== null && run.some((it) => it.kind === 'lead') && run.some((it) => it.kind === 'paragraph' && !leadAlone(it.text))) {
      for (let k = i; k < j; k++) {
        const it = out[k]!;
        if (it.kind === 'lead') out[k] = { kind: 'paragraph', text: it.lead + it.text, path: it.path };
      }
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/**
 * A paragraph that is only a short first sentence (`（三）政府信息管理情况。`, its text in the next
 * paragraph): printed as a line of its own, it has its lead, and does not make a list inconsistent
 * (the real WPS PDF's 一: （一）（二） run in, （三） alone on its line, （四）（五） run in).
 */
function leadAlone(text: string): boolean {
  // A sentence with a comma is an item's whole text (`1.加强培训，提高业务水平…。`), not its title.
  return leadEnd(text) === text.length && !/[，,；;]/.test(text);
}
