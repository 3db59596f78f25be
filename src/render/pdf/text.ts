import type { FontRole } from '../../model/style.js';
import { NO_END, NO_START, tailStart } from '../../model/breaks.js';
import { textUnits } from './shaping.js';
import type { Metrics, Segment } from './types.js';

/** A stretch of text in one face: a heading's run-in lead, then the body of the paragraph. */
export interface Run {
  text: string;
  role: FontRole;
  size: number;
  /** Extra advance per CJK glyph (negative: the 28-per-line grid condenses 16 pt glyphs). */
  tracking: number;
  fakeBold?: boolean;
}

/** A line set in a box of the given width, x measured from the box's left edge. */
export interface SetLine {
  segments: Segment[];
  left: number;
  right: number;
  last: boolean;
}

export type Align = 'justify' | 'center' | 'left';

interface Unit {
  text: string;
  kind: 'cjk' | 'latin' | 'space';
  role: FontRole;
  size: number;
  tracking: number;
  fakeBold: boolean;
  natural: number;
  /** Advance including tracking. */
  w: number;
  /** A Latin word's characters and their advances, to break a word wider than the line. */
  split?: () => Unit[];
  /** May not start a line: inside the glued tail of a paragraph. */
  glued?: boolean;
}

const NO_LATIN_FACE: ReadonlySet<FontRole> = new Set(['title', 'heading1', 'pageNumber']);

/**
 * Breaks runs into lines of `width` (the first line indented by `indent`): CJK characters break
 * anywhere but the kinsoku rules hold, ASCII words and numbers stay whole, and `——`/`……` stay
 * together. Justified lines (all but the last) end flush with the right edge: the slack is shared
 * between the gaps, since pdfkit's own `justify` does not justify CJK (design.md "Fonts").
 */
export function setText(runs: Run[], m: Metrics, width: number, indent: number, align: Align, glueTail = false): { lines: SetLine[]; missing: string[] } {
  const units = tokenize(runs, m, glueTail);
  const missing: string[] = [];
  for (const u of units) {
    if (u.kind === 'space') continue;
    for (const ch of u.text) if (!m.covers(u.role, ch) && !missing.includes(ch)) missing.push(ch);
  }
  const ranges = breakUnits(units, width, indent);
  const lines = ranges.map(([a, b], i) => place(units.slice(a, b), i === 0 ? indent : 0, i === 0 ? width - indent : width, align, i === ranges.length - 1));
  return { lines, missing };
}

/**
 * With `glueTail`, no line may start inside the paragraph's last characters (breaks.ts tailStart:
 * `市场。`), so its last line never holds a single character.
 */
function tokenize(runs: Run[], m: Metrics, glueTail: boolean): Unit[] {
  const out: Unit[] = [];
  for (const [r, run] of runs.entries()) {
    const tail = glueTail && r === runs.length - 1 ? tailStart(run.text) : -1;
    let offset = 0;
    for (const { text, kind } of textUnits(run.text)) {
      const role = kind === 'latin' && m.hasLatin && !NO_LATIN_FACE.has(run.role) ? 'latin' : run.role;
      const natural = m.width(role, run.size, text);
      const tracking = kind === 'cjk' ? run.tracking * [...text].length : 0;
      const unit: Unit = { text, kind, role, size: run.size, tracking, fakeBold: run.fakeBold === true, natural, w: natural + tracking };
      if (tail >= 0 && offset > tail) unit.glued = true;
      offset += text.length;
      if (kind === 'latin' && text.length > 1) {
        unit.split = () => [...text].map((c) => ({ ...unit, text: c, natural: m.width(role, run.size, c), w: m.width(role, run.size, c), split: undefined }));
      }
      out.push(unit);
    }
  }
  return out;
}

const EPS = 0.01;

/** Greedy line filling with kinsoku: returns [start, end) unit ranges, spaces at the edges dropped. */
function breakUnits(units: Unit[], width: number, indent: number): [number, number][] {
  const ranges: [number, number][] = [];
  let i = 0;
  while (i < units.length) {
    while (i < units.length && units[i]!.kind === 'space' && ranges.length > 0) i++;
    if (i >= units.length) break;
    const avail = ranges.length === 0 ? width - indent : width;
    let j = i;
    let x = 0;
    for (;;) {
      while (j < units.length && x + units[j]!.natural <= avail + EPS) x += units[j++]!.w;
      const next = units[j];
      // A word wider than any line is broken between characters wherever it goes: start it here,
      // filling this line. Moved whole to the next line it left a lone glyph (or a few stretched
      // ones) on a justified line before it.
      if (j > i && next?.split && next.natural > width + EPS) {
        units.splice(j, 1, ...next.split());
        continue;
      }
      break;
    }
    if (j === i) {
      const u = units[i]!;
      if (u.split) {
        // A word wider than the line (a long URL): break it between characters.
        units.splice(i, 1, ...u.split());
        continue;
      }
      j = i + 1;
    }
    if (j < units.length) {
      let k = j;
      const bad = (k: number) => NO_START.has(units[k]!.text[0]!) || NO_END.has(units[k - 1]!.text.at(-1)!) || units[k]!.glued === true;
      while (k > i + 1 && bad(k)) k--;
      if (k > i + 1 || !bad(k)) j = k;
    }
    let end = j;
    while (end > i + 1 && units[end - 1]!.kind === 'space') end--;
    ranges.push([i, end]);
    i = j;
  }
  return ranges;
}

function place(units: Unit[], indent: number, avail: number, align: Align, last: boolean): SetLine {
  const n = units.length;
  const natural = units.reduce((s, u, k) => s + (k === n - 1 ? u.natural : u.w), 0);
  let gap = 0;
  let x = indent;
  if (align === 'justify' && !last && n > 1) gap = (avail - natural) / (n - 1);
  else if (align === 'center') x += (avail - natural) / 2;
  const left = x;
  const segments: Segment[] = [];
  let open: Segment | undefined;
  for (const u of units) {
    if (u.kind === 'space') {
      open = undefined;
    } else if (u.kind === 'cjk' && u.text.length === 1 && open && open.role === u.role && open.size === u.size) {
      open.text += u.text;
    } else {
      // One CJK glyph opens a segment whose Tc carries the justification gap; a Latin word, a
      // `——` pair or an Ext-B character (two UTF-16 units) gets a segment of its own.
      const single = u.kind === 'cjk' && u.text.length === 1;
      const perGlyph = u.kind === 'cjk' ? u.tracking / [...u.text].length : 0;
      open = { x, text: u.text, role: u.role, size: u.size, spacing: perGlyph + (single ? gap : 0), ...(u.fakeBold ? { fakeBold: true } : {}) };
      segments.push(open);
      if (!single) open = undefined;
    }
    x += u.w + gap;
  }
  const right = n > 0 ? x - gap - units[n - 1]!.w + units[n - 1]!.natural : left;
  return { segments, left, right, last };
}
