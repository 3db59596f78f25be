import { describe, expect, it } from 'vitest';
import { resolveGrid } from '../src/model/grid.js';
import type { TableBlock } from '../src/model/document.js';
import { renderHtmlString } from '../src/render/html/index.js';
import { documentOf, examples } from './support/examples.js';
import { byTag, parseHtml, type El } from './support/html.js';

/**
 * The HTML grid against the Document, row by row, for every example: the same tags, spans and
 * texts as the one table definition, a grid that resolves (no ragged rows, no overlaps), header
 * rows in <thead>, and every data cell tied to its headers by id.
 */
const tablesOf = (doc: ReturnType<typeof documentOf>) => doc.blocks.filter((b): b is TableBlock => b.type === 'table');
const rowsOf = (table: El) => byTag(table, 'tr');
const cellsOf = (tr: El) => tr.children.filter((c) => c.tag === 'th' || c.tag === 'td');
const span = (el: El, name: string) => Number(el.attrs[name] ?? '1');

describe.each(examples().map((e) => [e.name, e] as const))('HTML of %s', (_name, ex) => {
  const doc = documentOf(ex);
  const html = renderHtmlString(doc);
  const root = parseHtml(html);
  const htmlTables = byTag(root, 'table');
  const docTables = tablesOf(doc);

  it('has one <table> per Document table, each with its caption', () => {
    expect(htmlTables.length).toBe(docTables.length);
    htmlTables.forEach((t, i) => expect(byTag(t, 'caption')[0]?.text).toBe(docTables[i]!.caption));
  });

  it('prints every cell as defined: th/td, rowspan, colspan and text, row by row', () => {
    htmlTables.forEach((t, i) => {
      const def = docTables[i]!;
      const got = rowsOf(t).map((tr) => cellsOf(tr).map((c) => [c.tag, span(c, 'rowspan'), span(c, 'colspan'), c.text]));
      const want = def.rows.map((r) => r.cells.map((c) => [c.kind === 'value' ? 'td' : 'th', c.rowSpan, c.colSpan, c.text]));
      expect(got).toEqual(want);
      // The HTML grid itself resolves to the Document's width: no ragged rows, no overlaps.
      const cols = byTag(t, 'col').map(() => 1);
      const grid = resolveGrid({ columnWidths: cols, rows: rowsOf(t).map((tr) => ({ cells: cellsOf(tr).map((c) => ({ text: c.text, rowSpan: span(c, 'rowspan'), colSpan: span(c, 'colspan'), kind: 'value', align: 'center' })) })) });
      expect(grid.colCount).toBe(def.columnWidths.length);
    });
  });

  it('puts the header rows in <thead> and the rest in <tbody>', () => {
    htmlTables.forEach((t, i) => {
      const thead = byTag(t, 'thead');
      expect(thead.length ? rowsOf(thead[0]!).length : 0).toBe(docTables[i]!.headerRows);
      expect(rowsOf(byTag(t, 'tbody')[0]!).length).toBe(docTables[i]!.rows.length - docTables[i]!.headerRows);
    });
  });

  it('gives every header cell a scope and every data cell headers that exist in its table', () => {
    const ids = byTag(root, 'th').map((th) => th.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of htmlTables) {
      const th = new Map(byTag(t, 'th').map((c) => [c.attrs.id!, c]));
      for (const c of byTag(t, 'th')) expect(['col', 'colgroup', 'row', 'rowgroup']).toContain(c.attrs.scope);
      for (const td of byTag(t, 'td')) {
        const refs = (td.attrs.headers ?? '').split(' ').filter(Boolean);
        expect(refs.length).toBeGreaterThan(0);
        for (const r of refs) expect(th.has(r)).toBe(true);
        // Read with at least one column header, and with a row header wherever the table has labels.
        const scopes = refs.map((r) => th.get(r)!.attrs.scope!);
        expect(scopes.some((sc) => sc.startsWith('col'))).toBe(true);
        if (byTag(t, 'th').some((c) => c.attrs.scope!.startsWith('row'))) expect(scopes.some((sc) => sc.startsWith('row'))).toBe(true);
      }
    }
  });

  it('keeps blank cells empty and prints 0 as 0', () => {
    const printed = htmlTables.flatMap((t) => byTag(t, 'td').map((c) => c.text));
    const defined = docTables.flatMap((t) => resolveGrid(t).placed.filter((p) => p.cell.kind === 'value').map((p) => p.cell.text));
    expect(printed).toEqual(defined);
  });

  it('is one self-contained zh-CN page: no scripts, no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(byTag(root, 'html')[0]!.attrs.lang).toBe('zh-CN');
    expect(byTag(root, 'title')[0]!.text).toBe(doc.meta.title);
    for (const tag of ['script', 'link', 'img', 'iframe', 'object']) expect(byTag(root, tag)).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|\bsrc=|\bhref=/);
  });
});
