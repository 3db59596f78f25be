import type { ResolvedFace } from '../../fonts/resolve.js';
import type { FontRole } from '../../model/style.js';
import { FAKE_BOLD_STROKE_EM } from '../pdf/geometry.js';
import { sameTag } from '../pdf/tags.js';
import type { PageLayout, RectItem, Segment, Tag, TextLine } from '../pdf/types.js';
import type { OfdFont, OfdFonts } from './fonts.js';
import type { Ids } from './ids.js';
import { placeSegment, type PlacedText } from './textcode.js';
import { deltaArray, mm, um, xmlText } from './units.js';

export const OFD_NS = 'http://www.ofdspec.org/2016';

/** What the page writer needs besides the page: IDs, fonts, the faces by role, the rule width. */
export interface PageContext {
  ids: Ids;
  fonts: OfdFonts;
  face(role: FontRole): ResolvedFace;
  /** Table rule width in points (style.tableBorder). */
  border: number;
  /** The DrawParam (black fill and stroke) every layer uses. */
  drawParam: number;
}

/** A drawn object and the tag of what it belongs to (for CustomTags). */
export interface TaggedObject {
  id: number;
  tag: Tag;
}

/**
 * One page's `Content.xml`: every item of the layout, in the layout's order, as OFD graphic
 * objects — a run of table rules as one PathObject, each line's segments of one face and size as
 * one TextObject whose TextCodes carry X, Y and the DeltaX of every character. Nothing is measured
 * or broken here: the positions are the layout's (and the PDF's).
 */
export function pageContent(page: PageLayout, ctx: PageContext): { xml: string; objects: TaggedObject[] } {
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="${OFD_NS}"><ofd:Content><ofd:Layer ID="${ctx.ids.next()}" Type="Body" DrawParam="${ctx.drawParam}">`];
  const objects: TaggedObject[] = [];
  const items = page.items;
  for (let i = 0; i < items.length; ) {
    const item = items[i]!;
    if (item.kind === 'rect') {
      let j = i + 1;
      while (j < items.length && items[j]!.kind === 'rect' && sameTag(items[j]!.tag, item.tag)) j++;
      const id = ctx.ids.next();
      out.push(pathObject(id, items.slice(i, j) as RectItem[], ctx.border));
      objects.push({ id, tag: item.tag });
      i = j;
    } else {
      for (const group of groups(item, ctx)) {
        for (const placed of chunks(group.segments.map((s) => placeSegment(s, item.y, group.font)))) {
          const id = ctx.ids.next();
          out.push(textObject(id, group, placed));
          objects.push({ id, tag: item.tag });
        }
      }
      i++;
    }
  }
  out.push('</ofd:Layer></ofd:Content></ofd:Page>');
  return { xml: out.join(''), objects };
}

function pathObject(id: number, rects: RectItem[], border: number): string {
  const half = border / 2;
  const x0 = um(Math.min(...rects.map((r) => r.x)) - half);
  const y0 = um(Math.min(...rects.map((r) => r.y)) - half);
  const x1 = um(Math.max(...rects.map((r) => r.x + r.w)) + half);
  const y1 = um(Math.max(...rects.map((r) => r.y + r.h)) + half);
  const d = rects.map((r) => {
    const [l, t, rr, b] = [um(r.x) - x0, um(r.y) - y0, um(r.x + r.w) - x0, um(r.y + r.h) - y0].map(mm);
    return `M ${l} ${t} L ${rr} ${t} L ${rr} ${b} L ${l} ${b} C`;
  });
  return `<ofd:PathObject ID="${id}" Boundary="${mm(x0)} ${mm(y0)} ${mm(x1 - x0)} ${mm(y1 - y0)}" LineWidth="${mm(um(border))}"><ofd:AbbreviatedData>${d.join(' ')}</ofd:AbbreviatedData></ofd:PathObject>`;
}

interface Group {
  font: OfdFont;
  face: ResolvedFace;
  size: number;
  fakeBold: boolean;
  segments: Segment[];
}

/** A line's segments in runs of the same face, size and synthesised bold: one TextObject each. */
function groups(line: TextLine, ctx: PageContext): Group[] {
  const out: Group[] = [];
  for (const s of line.segments) {
    const face = ctx.face(s.role);
    const font = ctx.fonts.use(face);
    const last = out[out.length - 1];
    if (last && last.font === font && last.size === s.size && last.fakeBold === (s.fakeBold === true)) last.segments.push(s);
    else out.push({ font, face, size: s.size, fakeBold: s.fakeBold === true, segments: [s] });
  }
  return out;
}

/**
 * Segments in TextObjects: a segment with a CGTransform stands alone, so that its CodePosition
 * counts from the start of its own TextCode however a reader reads the standard.
 */
function chunks(placed: PlacedText[]): PlacedText[][] {
  const out: PlacedText[][] = [];
  for (const p of placed) {
    const last = out[out.length - 1];
    if (last && p.clusters.length === 0 && last[last.length - 1]!.clusters.length === 0) last.push(p);
    else out.push([p]);
  }
  return out;
}

function textObject(id: number, g: Group, placed: PlacedText[]): string {
  const f = g.face.font;
  const ascent = (Math.max(f.ascent, f.unitsPerEm) / f.unitsPerEm) * g.size;
  const descent = (Math.min(f.descent, 0) / f.unitsPerEm) * g.size;
  const stroke = g.fakeBold ? g.size * FAKE_BOLD_STROKE_EM : 0;
  const left = um(Math.min(...placed.map((p) => Math.min(...p.x))) - stroke);
  const top = um(Math.min(...placed.map((p) => Math.min(...p.y))) - ascent - stroke);
  const right = um(Math.max(...placed.map((p) => p.end)) + stroke);
  const bottom = um(Math.max(...placed.map((p) => Math.max(...p.y))) - descent + stroke);
  const attrs = [`ID="${id}"`, `Boundary="${mm(left)} ${mm(top)} ${mm(right - left)} ${mm(bottom - top)}"`, `Font="${g.font.id}"`, `Size="${mm(um(g.size))}"`];
  // Synthesised bold, as the PDF's fill-and-stroke text (paint.ts).
  if (g.fakeBold) attrs.push('Stroke="true"', `LineWidth="${mm(um(stroke))}"`);
  if (g.face.bold) attrs.push('Weight="700"');
  const body: string[] = [];
  for (const p of placed) {
    for (const c of p.clusters) body.push(`<ofd:CGTransform CodePosition="${c.codePosition}" CodeCount="${c.codeCount}" GlyphCount="${c.glyphs.length}"><ofd:Glyphs>${c.glyphs.join(' ')}</ofd:Glyphs></ofd:CGTransform>`);
    const xs = p.x.map((v) => um(v) - left);
    const ys = p.y.map((v) => um(v) - top);
    let code = `<ofd:TextCode X="${mm(xs[0]!)}" Y="${mm(ys[0]!)}"`;
    if (xs.length > 1) code += ` DeltaX="${deltaArray(xs.slice(1).map((v, i) => v - xs[i]!))}"`;
    if (ys.some((v) => v !== ys[0])) code += ` DeltaY="${deltaArray(ys.slice(1).map((v, i) => v - ys[i]!))}"`;
    body.push(`${code}>${xmlText(p.chars.join(''))}</ofd:TextCode>`);
  }
  return `<ofd:TextObject ${attrs.join(' ')}>${body.join('')}</ofd:TextObject>`;
}
