import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applicationsTable, proactiveTable, reviewTable } from '../../compose/tables.js';
import { getEdition } from '../../editions/index.js';
import { cellName, figureRows } from '../../editions/rows.js';
import { resolveGrid } from '../../model/grid.js';
import { checkText } from '../../pipeline.js';
import { editionOf } from '../../schema/validate.js';
import { loadYaml } from '../../source/load.js';
import { editFigure, editProse, editTitle, figureValue } from './edits.js';
import { formTables, pathKey, type FormTables } from './figures.js';
import { placeDiagnostics } from './place.js';

const data = (name: string) => readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8');

function form(text: string): FormTables {
  const loaded = loadYaml(text, 'f.yaml');
  if (!loaded.ok) throw new Error('does not load');
  return formTables(getEdition(editionOf(loaded.source.value)), loaded.source);
}
const byName = (f: FormTables, name: string) => [...f.cells.values()].find((c) => c.name === name)!;

describe('the form\'s tables', () => {
  it('are the printed tables: the same grid, labels and spans as compose builds for the renderers', () => {
    for (const name of ['jiangzhou-sthjj-2021.yaml', 'daxing-kw-2020.yaml', 'xisaishan-2020.yaml']) {
      const text = data(name);
      const checked = checkText(text, name);
      const ed = getEdition(checked.report!.edition);
      const printed = [proactiveTable(ed, checked.report!, () => undefined), applicationsTable(ed, checked.report!, () => undefined), reviewTable(ed, checked.report!, () => undefined)];
      const f = form(text);
      f.tables.forEach((t, i) => {
        const strip = (g: ReturnType<typeof resolveGrid>) => g.placed.map((p) => [p.row, p.col, p.cell.rowSpan, p.cell.colSpan, p.cell.kind, p.cell.kind === 'value' ? '' : p.cell.text]);
        expect(strip(resolveGrid(t)), `${name} ${t.id}`).toEqual(strip(resolveGrid(printed[i]!)));
      });
    }
  });

  it('bind every value cell to its YAML path, named `<row label> · <column label>` with the official labels', () => {
    const f = form(data('jiangzhou-sthjj-2021.yaml'));
    const values = f.tables.flatMap((t) => resolveGrid(t).placed.filter((p) => p.cell.kind === 'value'));
    expect(values.length).toBe(f.cells.size);
    for (const p of values) expect(f.cells.has(pathKey(p.cell.pos!.path))).toBe(true);
    expect(byName(f, '一、本年新收政府信息公开申请数量 · 自然人').path).toEqual(['applications', 'newlyReceived', 0]);
    expect(byName(f, '第二十条第（一）项 规章 · 本年制发件数').path).toEqual(['proactive', 'item1', 'rules', 0]);
    expect(byName(f, '行政复议 · 结果维持').path).toEqual(['review', 'reconsideration', 0]);
    expect(byName(f, '第二十条第（五）项 行政许可 · 本年处理决定数量').path).toEqual(['proactive', 'item5', 'licensing']);
    const ed = getEdition('2021');
    const names = new Set([...f.cells.values()].map((c) => c.name));
    for (const def of figureRows(ed)) def.columns.forEach((_, c) => expect(names.has(cellName(def, c)), cellName(def, c)).toBe(true));
  });

  it('show a 总计 the file leaves out as its computed value, and 7.4630 as written', () => {
    const f = form(data('jiangzhou-sthjj-2021.yaml'));
    const checked = checkText(data('jiangzhou-sthjj-2021.yaml'), 'x').report!;
    const total = byName(f, '一、本年新收政府信息公开申请数量 · 总计');
    expect(total.text).toBe('');
    expect(total.computed).toBe(checked.rows['applications.newlyReceived']!.cells[6]!.text);
    expect(byName(f, '三、本年度办理结果（七）总计 · 自然人').computed).toBe(checked.rows['applications.results.total']!.cells[0]!.text);
    const d = form(data('daxing-kw-2020.yaml'));
    expect(byName(d, '第二十条第（九）项 政府集中采购 · 采购总金额').text).toBe('77.0693');
  });

  it('show and bind local rows: sub-rows and extra rows with their labels', () => {
    const d = form(data('daxing-kw-2020.yaml'));
    expect(d.rowLabels.map((l) => l.text)).toEqual(['行政检查', '行政确认']);
    expect(d.rowLabels[0]!.path).toEqual(['proactive', 'item5', 'otherServices', 'subRows', 0, 'label']);
    expect([...d.cells.values()].filter((c) => c.row.labelPath).map((c) => c.path.join('.'))).toContain('proactive.item5.otherServices.subRows.1.values.2');
    const x = form(data('xisaishan-2020.yaml'));
    expect(x.rowLabels.length).toBeGreaterThan(0);
    expect(x.rowLabels[0]!.path.slice(0, 3)).toEqual(['proactive', 'item1', 'extraRows']);
  });
});

describe('typing into the form', () => {
  const text = data('jiangzhou-sthjj-2021.yaml');
  const f = form(text);
  const type = (name: string, typed: string, from = text, ff = f) => editFigure(from, byName(ff, name), typed, ff.cells.values());

  it('blank is null, distinct from 0; full-width digits read as ASCII; the digits are kept as typed', () => {
    expect(parse(type('一、本年新收政府信息公开申请数量 · 自然人', '')).applications.newlyReceived[0]).toBeNull();
    expect(parse(type('一、本年新收政府信息公开申请数量 · 自然人', '0')).applications.newlyReceived[0]).toBe(0);
    expect(type('一、本年新收政府信息公开申请数量 · 自然人', '８７')).toContain('newlyReceived: [87, 12,');
    expect(figureValue('7.463万元')).toBe('7.463万元');
  });

  it('a 总计 typed is appended, emptied it is left out again (computed)', () => {
    const withTotal = type('一、本年新收政府信息公开申请数量 · 总计', '108');
    expect(parse(withTotal).applications.newlyReceived).toEqual([86, 12, 2, 1, 3, 4, 108]);
    const f2 = form(withTotal);
    expect(type('一、本年新收政府信息公开申请数量 · 总计', '', withTotal, f2)).toBe(text);
  });

  it('（七）总计 typed into a file that leaves it out: the row is written whole, the other cells as computed', () => {
    const out = type('三、本年度办理结果（七）总计 · 自然人', '90');
    const total = parse(out).applications.results.total as number[];
    const report = checkText(text, 'x').report!;
    expect(total).toEqual(report.rows['applications.results.total']!.cells.map((c, i) => (i === 0 ? 90 : c.value)));
    expect(out.indexOf('total:')).toBeGreaterThan(out.indexOf('other:', out.indexOf('results:')));
  });

  it('prose stays a literal block; a title of two lines becomes a list', () => {
    const out = editProse(text, ['problems'], '（一）主要问题\n\n新的内容。', true);
    expect(parse(out).problems).toBe('（一）主要问题\n\n新的内容。\n');
    expect(out).toMatch(/^problems: \|/m);
    expect(parse(editTitle(text, '江州市生态环境局\n2021年政府信息公开工作年度报告', undefined)).title).toEqual(['江州市生态环境局', '2021年政府信息公开工作年度报告']);
  });
});

describe('placing diagnostics', () => {
  it('on the cell at their path, else the first field under it, else the nearest above; file-level ones nowhere', () => {
    const fields = [['agency'], ['applications', 'newlyReceived', 0], ['applications', 'newlyReceived', 1], ['overview']];
    const d = (path: (string | number)[]) => ({ code: 'x', severity: 'error' as const, message: 'm', file: 'f', line: 1, column: 1, path });
    const ds = [d(['applications', 'newlyReceived', 1]), d(['applications', 'newlyReceived']), d(['overview', 3]), d([]), d(['labels', 'x'])];
    const placed = placeDiagnostics(ds, fields);
    expect(ds.map((x) => placed.target.get(x))).toEqual([pathKey(fields[2]!), pathKey(fields[1]!), pathKey(fields[3]!), undefined, undefined]);
  });
});
