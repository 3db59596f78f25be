import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../src/model/document.js';
import { resolveGrid } from '../src/model/grid.js';
import { DEFAULT_STYLE } from '../src/model/style.js';
import { geometry } from '../src/render/pdf/geometry.js';
import { docOf, layoutOf } from './support/pdf.js';
import { checkOutputs, type ExpectedFigures } from './support/outputs.js';

/**
 * Cases the property tests found (test/properties-render.test.ts), shrunk and kept as files in
 * test/regressions/. Each renders through DOCX, PDF and HTML with its figures read back, and is
 * asserted on the specific thing that went wrong.
 */
const read = (name: string) => readFileSync(`test/regressions/${name}.yaml`, 'utf8');
const g = geometry(DEFAULT_STYLE);

/** A file's expected figures: the Document's value cells (properties.test.ts ties those to the input). */
function figuresOf(yaml: string): ExpectedFigures {
  const tables = docOf(yaml).blocks.filter((b): b is TableBlock => b.type === 'table');
  const [proactive, applications, review] = tables.map((t) => resolveGrid(t).placed.filter((p) => p.cell.kind === 'value').map((p) => p.cell.text));
  return { proactive: proactive!, applications: applications!, review: review! };
}

describe('regressions found by the property tests', () => {
  it('lone-glyph-long-word: a glyph before a URL wider than a line shares its line with the URL’s start', async () => {
    const yaml = read('lone-glyph-long-word');
    await checkOutputs(yaml, figuresOf(yaml));
    const lines = layoutOf(docOf(yaml)).pages.flatMap((p) => p.items).filter((i) => i.kind === 'text' && i.tag.kind === 'block' && i.tag.struct === 'P' && i.segments.some((s) => s.text.includes('见') || s.text.startsWith('h')));
    const segments = lines.flatMap((l) => (l.kind === 'text' ? [l.segments] : [])).find((ss) => ss.some((s) => s.text.endsWith('见')))!;
    const at = segments.findIndex((s) => s.text.endsWith('见'));
    expect(segments[at + 1]?.text).toBe('h');
    for (const l of lines) if (l.kind === 'text' && !l.last) expect(Math.abs(l.right - (g.left + g.width))).toBeLessThan(0.5);
  });

  it('spanning-label-at-page-break: a row-spanning label keeps enough of its rows on one page for its text', async () => {
    const yaml = read('spanning-label-at-page-break');
    await checkOutputs(yaml, figuresOf(yaml));
    const doc = docOf(yaml);
    const block = doc.blocks.findIndex((b) => b.type === 'table' && b.id === 'applications');
    const table = doc.blocks[block] as TableBlock;
    const label = resolveGrid(table).placed.find((p) => p.cell.text.startsWith('（三）不予公开'))!;
    expect(label.cell.rowSpan).toBeGreaterThan(1);
    const layout = layoutOf(doc);
    const lines = layout.pages.flatMap((p, page) =>
      p.items.flatMap((i) => (i.kind === 'text' && i.tag.kind === 'cell' && i.tag.block === block && i.tag.row === label.row && i.tag.col === label.col ? [{ page, i }] : [])),
    );
    expect(lines.length).toBeGreaterThan(5);
    expect(new Set(lines.map((l) => l.page)).size).toBe(1);
    // Inside one of the cell's bordered stretches on that page, top of the first line to the last baseline.
    const { page } = lines[0]!;
    const top = lines[0]!.i.y - DEFAULT_STYLE.sizes.table;
    const bottom = lines.at(-1)!.i.y;
    const x = lines[0]!.i.left;
    expect(layout.pages[page]!.items.some((r) => r.kind === 'rect' && r.x <= x && x < r.x + r.w && r.y <= top && bottom <= r.y + r.h)).toBe(true);
    expect(bottom).toBeLessThanOrEqual(g.bottom);
  });

  it('spanning-label-taller-than-any-page: a label no page can hold continues from page to page, inside the margins', async () => {
    const yaml = read('spanning-label-taller-than-any-page');
    await checkOutputs(yaml, figuresOf(yaml));
    const doc = docOf(yaml);
    const block = doc.blocks.findIndex((b) => b.type === 'table' && b.id === 'applications');
    const label = resolveGrid(doc.blocks[block] as TableBlock).placed.find((p) => p.cell.text.startsWith('三、本年度办理结果'))!;
    const pages = layoutOf(doc).pages.flatMap((p, page) =>
      p.items.some((i) => i.kind === 'text' && i.tag.kind === 'cell' && i.tag.block === block && i.tag.row === label.row && i.tag.col === label.col) ? [page] : [],
    );
    expect(pages.length).toBeGreaterThan(1);
  });
});

describe('the read-back itself', () => {
  const yaml = read('lone-glyph-long-word');
  const figures = figuresOf(yaml);

  it('fails when a figure differs, when a blank is read as 0 and when two figures swap', async () => {
    const applications = [...figures.applications];
    const blank = applications.indexOf('');
    const perturbed: ExpectedFigures[] = [
      { ...figures, review: figures.review.map((f, i) => (i === 0 ? `${f}1` : f)) },
      { ...figures, applications: applications.map((f, i) => (i === (blank >= 0 ? blank : 0) ? (f === '' ? '0' : '') : f)) },
      { ...figures, proactive: [figures.proactive[1]!, figures.proactive[0]!, ...figures.proactive.slice(2)] },
    ];
    expect(figures.proactive[0]).not.toBe(figures.proactive[1]);
    for (const p of perturbed) await expect(checkOutputs(yaml, p)).rejects.toThrow();
  });
});
