import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE } from '../src/model/style.js';
import { paintOfd } from '../src/render/ofd/paint.js';
import { paint } from '../src/render/pdf/paint.js';
import type { Layout, TextLine } from '../src/render/pdf/types.js';
import { ofdChars, ofdParts, pageNames } from './support/ofd.js';
import { docOf, pdfGlyphs, realMetrics } from './support/pdf.js';
import { reportYaml } from './support/reports.js';

const SRC = resolve('src');

/** The modules a module loads when it runs, from its import/export statements (`import type` left out). */
function runtimeGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith(SRC)) return;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      visit(spec.startsWith('.') ? resolve(dirname(file), spec.replace(/\.js$/, '.ts')) : `npm:${spec.split('/')[0]}`);
    }
    for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1]!;
      visit(spec.startsWith('.') ? resolve(dirname(file), spec.replace(/\.js$/, '.ts')) : `npm:${spec.split('/')[0]}`);
    }
  };
  visit(resolve(entry));
  return seen;
}

const rel = (files: Set<string>) => [...files].map((f) => (f.startsWith('npm:') ? f : relative(SRC, f))).sort();

/** The layout modules that decide line and page breaks: no painter may load them. */
const BREAKING = ['render/pdf/layout.ts', 'render/pdf/flow.ts', 'render/pdf/text.ts', 'render/pdf/page.ts', 'render/pdf/table.ts', 'render/pdf/tableflow.ts', 'render/pdf/prepare.ts'];

describe('one layout, two painters', () => {
  it('the OFD renderer never loads pdfkit, and runs the same layout step as the PDF renderer', () => {
    const ofd = rel(runtimeGraph('src/render/ofd/index.ts'));
    expect(ofd).not.toContain('npm:pdfkit');
    expect(ofd).toContain('render/pdf/prepare.ts');
    const pdf = rel(runtimeGraph('src/render/pdf/index.ts'));
    expect(pdf).toContain('render/pdf/prepare.ts');
    expect(pdf).toContain('npm:pdfkit'); // the walker sees pdfkit where it is loaded
  });

  it('neither painter loads a module that breaks lines or pages', () => {
    for (const painter of ['src/render/pdf/paint.ts', 'src/render/ofd/paint.ts']) {
      const graph = rel(runtimeGraph(painter));
      expect(graph.filter((f) => BREAKING.includes(f)), painter).toEqual([]);
    }
    // The graph walker finds them where they are loaded (it is not blind).
    expect(rel(runtimeGraph('src/render/pdf/prepare.ts'))).toEqual(expect.arrayContaining(BREAKING));
  });

  /**
   * A layout no line breaker would make: a line of 60 characters running off the right edge, set
   * below the bottom margin, and a second page holding one character. A painter that wrapped the
   * line, pushed it to a new page or filled the first page further would move glyphs or pages.
   */
  const face = realMetrics().face;
  const size = 16;
  const long = '政府信息公开'.repeat(10);
  const line = (y: number, x: number, text: string): TextLine => ({ kind: 'text', y, segments: [{ x, text, role: 'body', size, spacing: 1 }], left: x, right: x + text.length * (size + 1), last: true, tag: { kind: 'artifact' } });
  const layout: Layout = {
    pageWidth: DEFAULT_STYLE.page.widthTwips / 20,
    pageHeight: DEFAULT_STYLE.page.heightTwips / 20,
    pages: [
      { number: 1, items: [line(820, 60, long)] },
      { number: 2, items: [line(100, 90, '年')] },
    ],
    tables: [],
    warnings: [],
  };
  const expected = [...[...long].map((_, i) => ({ page: 0, x: 60 + i * (size + 1), y: 820 })), { page: 1, x: 90, y: 100 }];

  it('the PDF painter draws exactly the layout: its pages, each glyph at its place', async () => {
    const doc = docOf(reportYaml('2021'));
    const bytes = await paint(layout, { meta: doc.meta, tables: new Map(), outline: [], face, border: 0.5 });
    const glyphs = await pdfGlyphs(bytes);
    expect(glyphs.map((g) => ({ page: g.page, x: Math.round(g.x0 * 100) / 100, y: Math.round(g.baseline * 100) / 100 }))).toEqual(expected);
  });

  it('the OFD painter draws exactly the layout: its pages, each character at its place', () => {
    const doc = docOf(reportYaml('2021'));
    const { bytes } = paintOfd(doc, { style: DEFAULT_STYLE, layout, face, tables: new Map(), outline: [], warnings: [] });
    const parts = ofdParts(bytes);
    expect(pageNames(parts)).toHaveLength(2);
    const mmToPt = 72 / 25.4;
    expect(ofdChars(parts).map((c) => ({ page: c.page, x: Math.round(c.x * mmToPt * 100) / 100, y: Math.round(c.y * mmToPt * 100) / 100 }))).toEqual(expected);
  });
});

