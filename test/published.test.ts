import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AS_PRINTED_NOTE } from '../src/check/published.js';
import { jsonSchema } from '../src/schema/jsonschema.js';
import { checkText, composeChecked } from '../src/pipeline.js';
import { resolveGrid } from '../src/model/grid.js';
import { runCli } from './support/runCli.js';
import { pdfSource } from './support/pdf.js';

const broken = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'broken', `${name}.yaml`), 'utf8');
const PUBLISHED = 'published:\n  source: 2024年报.pdf\n  date: 2025-01-28\n';
const withPublished = (yaml: string) => yaml.replace(/^date: .*$/m, (line) => `${line}\n${PUBLISHED}`);
const errors = (yaml: string) => checkText(yaml, 'x.yaml').diagnostics.filter((d) => d.severity === 'error');

/** A 2021 report with every 总计 of the 三 table blank (null), as some published tables print them. */
function blankTotals(yaml: string): string {
  return yaml.replace(/^(\s+\w+: \[)((?:\d+, ){6}\d+)(\])/gm, (_, a: string, v: string, z: string) => `${a}${v.split(', ').slice(0, 6).join(', ')}, null${z}`);
}

describe('published: a transcription of a published report', () => {
  const a2 = broken('a2-row-total');

  it('the schema of both editions accepts it (and JSON Schema lists it)', () => {
    expect(JSON.stringify(jsonSchema()).split('已发布年报的转录').length - 1).toBeGreaterThanOrEqual(2);
    for (const f of ['changle-kjj-2019.yaml', 'jiangzhou-sthjj-2022.yaml']) expect(errors(withPublished(readFileSync(join(import.meta.dirname, '..', 'data', f), 'utf8')))).toEqual([]);
    expect(errors('agency: x\nyear: 2021\npublished: {source: ""}\noverview: a\nproblems: b\nproactive: {}\n').map((d) => d.code)).toContain('schema/empty');
  });

  it('without it nothing changes: the identity problems are errors', () => {
    expect(errors(a2).map((d) => d.code)).toContain('identity/row-total');
  });

  it('with it the same problems are warnings with their usual codes and 原文如此', () => {
    const c = checkText(withPublished(a2), 'x.yaml');
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const found = c.diagnostics.filter((d) => d.code === 'identity/row-total');
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.severity).toBe('warning');
      expect(d.message.endsWith(AS_PRINTED_NOTE)).toBe(true);
      expect(d.line).toBeGreaterThan(0);
    }
    // Schema errors stay errors: a figure that is not a figure is not "as printed".
    expect(errors(withPublished(a2).replace('rules: [ 0, 0, 0 ]', 'rules: [ 0, "x", 0 ]')).map((d) => d.code)).toContain('schema/not-a-number');
  });

  it('blank 总计 cells stay blank, and a 总计 left out is not computed into the table', () => {
    const plain = readFileSync(join(import.meta.dirname, '..', 'data', 'jiangzhou-sthjj-2022.yaml'), 'utf8');
    expect(errors(blankTotals(plain)).map((d) => d.code)).toContain('identity/row-total');
    const blank = withPublished(blankTotals(plain));
    const c = checkText(blank, 'x.yaml');
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.diagnostics.filter((d) => d.code === 'identity/row-total').length).toBeGreaterThan(5);
    const table = composeChecked(c)!.blocks.find((b) => b.type === 'table' && b.rows.length > 20)!;
    if (table.type !== 'table') throw new Error('no 三 table');
    const totals = resolveGrid(table).placed.filter((p) => p.col === 9 && p.cell.kind === 'value');
    expect(totals.length).toBeGreaterThan(20);
    expect(totals.every((p) => p.cell.text === '')).toBe(true);
    // Left out (six figures): printed blank too, where without published: it is computed.
    const six = (y: string) => y.replace(/^(\s+newlyReceived: \[)((?:\S+, ){6})\S+\]/m, (_, a: string, v: string) => `${a}${v.slice(0, -2)}]`);
    const printedTotal = (y: string) => {
      const t = composeChecked(checkText(y, 'x.yaml'))!.blocks.find((b) => b.type === 'table' && b.rows.length > 20)!;
      return t.type === 'table' ? resolveGrid(t).placed.find((p) => p.col === 9 && p.row === 3)!.cell.text : '';
    };
    expect(printedTotal(six(plain))).not.toBe('');
    expect(printedTotal(withPublished(six(plain)))).toBe('');
  });

  it('render works (exit 0, warnings listed) and the properties carry the source and date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-published-'));
    const file = join(dir, 'x.yaml');
    try {
      writeFileSync(file, withPublished(a2));
      const refused = await runCli(['render', join(import.meta.dirname, 'fixtures', 'broken', 'a2-row-total.yaml'), '-o', dir, '--html']);
      expect(refused.code).toBe(1);
      const r = await runCli(['render', file, '-o', dir]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('identity/row-total');
      const out = readdirSync(dir);
      const docx = unzipSync(readFileSync(join(dir, out.find((f) => f.endsWith('.docx'))!)));
      expect(strFromU8(docx['docProps/core.xml']!)).toContain('<dc:description>已发布年报的转录，原文：2024年报.pdf（发布日期 2025-01-28）</dc:description>');
      const pdf = pdfSource(readFileSync(join(dir, out.find((f) => f.endsWith('.pdf'))!)));
      expect(pdf).toContain('<dc:source>2024');
      expect(pdf).toContain('<rdf:li>2025-01-28</rdf:li>');
      expect(pdf).toMatch(/\/Source \d+ 0 R/);
      const html = readFileSync(join(dir, out.find((f) => f.endsWith('.html'))!), 'utf8');
      expect(html).toContain('<meta name="dcterms.source" content="2024年报.pdf">');
      expect(html).toContain('<meta name="dcterms.issued" content="2025-01-28">');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
