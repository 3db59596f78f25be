import { DRAW, OP, type RawPage, type RawTextItem } from './raw.js';
import { unifyIdeographs } from './unicode.js';

/**
 * A page as positioned text and ruling lines, in points with the origin at the top left of the
 * page as seen (pdf.js's viewport applied). This is all the PDF reader looks at: what it rebuilds
 * comes from these positions, not from how any one producer lays out its pages.
 */
export interface Glyphs {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Baseline (horizontal text) or the top of the run (vertical text). */
  baseline: number;
  size: number;
  font: string;
  vertical: boolean;
}

/** An axis-aligned drawn line: horizontal when y0 === y1, vertical when x0 === x1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  glyphs: Glyphs[];
  rules: Rule[];
  images: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const asMatrix = (v: unknown): Matrix => (Array.isArray(v) || ArrayBuffer.isView(v) ? (Array.from(v as ArrayLike<number>).slice(0, 6) as Matrix) : [1, 0, 0, 1, 0, 0]);

/** A filled rectangle at most this thick (points) is a drawn rule, thicker ones are shading. */
const MAX_RULE_THICKNESS = 2.5;
/** Lines shorter than this are glyph parts, ticks or dots, not table rules. */
const MIN_RULE_LENGTH = 3;

export function pageGeometry(page: RawPage): PageGeometry {
  const viewport = asMatrix(page.viewport);
  const vertical = new Set(page.verticalFonts);
  const glyphs = page.items.flatMap((it) => glyphsOf(it, viewport, vertical.has(it.fontName)));
  return { width: page.width, height: page.height, glyphs, rules: rulesOf(page, viewport), images: page.images };
}

function glyphsOf(it: RawTextItem, viewport: Matrix, vertical: boolean): Glyphs[] {
  const text = unifyIdeographs(it.str.replace(/[\u0000-\u001f]/g, ''));
  if (text.trim() === '') return [];
  const t = asMatrix(it.transform);
  const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]) || 1;
  if (vertical) {
    const [x, top] = apply(viewport, t[4], t[5]);
    const w = it.width || size;
    return [{ text, x0: x - w / 2, x1: x + w / 2, top, bottom: top + Math.abs(it.height || size * [...text].length), baseline: top, size, font: it.fontName, vertical: true }];
  }
  const run = Math.hypot(t[0], t[1]) || 1;
  const [ax, ay] = apply(viewport, t[4], t[5]);
  const [bx, by] = apply(viewport, t[4] + (t[0] / run) * it.width, t[5] + (t[1] / run) * it.width);
  const baseline = (ay + by) / 2;
  return [{ text, x0: Math.min(ax, bx), x1: Math.max(ax, bx), top: baseline - size * 0.88, bottom: baseline + size * 0.12, baseline, size, font: it.fontName, vertical: false }];
}

interface State {
  ctm: Matrix;
  lineWidth: number;
  stroke: string;
  fill: string;
}

const STROKES = new Set<number>([OP.stroke, OP.closeStroke, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);
const FILLS = new Set<number>([OP.fill, OP.eoFill, OP.fillStroke, OP.eoFillStroke, OP.closeFillStroke, OP.closeEOFillStroke]);
const WHITE = /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i;

/** Walks the drawing operators with the graphics state (CTM, save/restore, forms) and keeps the axis-aligned lines. */
function rulesOf(page: RawPage, viewport: Matrix): Rule[] {
  const rules: Rule[] = [];
  let state: State = { ctm: viewport, lineWidth: 1, stroke: '#000000', fill: '#000000' };
  const stack: State[] = [];
  for (const [fn, args] of page.ops) {
    const a = args as unknown[];
    switch (fn) {
      case OP.save:
        stack.push({ ...state });
        break;
      case OP.restore:
        state = stack.pop() ?? state;
        break;
      case OP.transform:
        state.ctm = multiply(asMatrix(a), state.ctm);
        break;
      case OP.paintFormXObjectBegin:
        stack.push({ ...state });
        state.ctm = multiply(asMatrix(a[0]), state.ctm);
        break;
      case OP.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OP.setLineWidth:
        state.lineWidth = Number(a[0]) || 0;
        break;
      case OP.setGState:
        for (const [k, v] of (a[0] as [string, unknown][] | undefined) ?? []) if (k === 'LW') state.lineWidth = Number(v) || 0;
        break;
      case OP.setStrokeRGBColor:
        state.stroke = String(a[0]);
        break;
      case OP.setFillRGBColor:
        state.fill = String(a[0]);
        break;
      case OP.constructPath: {
        const paint = Number(a[0]);
        const data = (a[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!data) break;
        const subpaths = pathPoints(data, state.ctm);
        if (STROKES.has(paint) && !WHITE.test(state.stroke)) for (const pts of subpaths) strokeRules(pts, rules);
        if (FILLS.has(paint) && !WHITE.test(state.fill)) for (const pts of subpaths) fillRule(pts, rules);
        break;
      }
    }
  }
  return rules;
}

/** The subpaths of a path buffer as points in page space (curves reduced to their end points, closed paths closed). */
function pathPoints(data: ArrayLike<number>, ctm: Matrix): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++]!;
    if (op === DRAW.moveTo) {
      if (cur.length > 1) out.push(cur);
      cur = [apply(ctm, data[i]!, data[i + 1]!)];
      i += 2;
    } else if (op === DRAW.lineTo) {
      cur.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === DRAW.curveTo) {
      if (cur.length > 1) out.push(cur);
      cur = [apply(ctm, data[i + 4]!, data[i + 5]!)];
      i += 6;
    } else if (op === DRAW.closePath) {
      if (cur.length > 1) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

function strokeRules(pts: [number, number][], rules: Rule[]): void {
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1]!;
    const [x1, y1] = pts[i]!;
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= MIN_RULE_LENGTH) rules.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= MIN_RULE_LENGTH) rules.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  }
}

/** A thin filled axis-aligned rectangle (how Chromium, WPS and Word draw borders) is a rule along its long side. */
function fillRule(pts: [number, number][], rules: Rule[]): void {
  if (pts.length < 4 || pts.length > 6) return;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const axisAligned = pts.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5));
  if (!axisAligned) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH && w > h) rules.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
  else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH && h > w) rules.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
}
