import { applicationsTable, proactiveTable, reviewTable, type TableInput } from '../../compose/tables.js';
import type { Edition } from '../../editions/index.js';
import { cellName, figureRows, type FigureRowDef } from '../../editions/rows.js';
import type { TableBlock } from '../../model/document.js';
import type { Figure, LabelledRow, YamlPath } from '../../model/report.js';
import { MONEY_PATTERN } from '../../schema/schema.js';
import { fieldName } from '../../schema/names.js';
import { sumFigures } from '../../schema/validate.js';
import type { SourceFile } from '../../source/load.js';

/**
 * The form's figures: the three tables exactly as compose builds them for print (compose/tables.ts,
 * then resolveGrid in the view), with every value cell bound to the YAML path it edits. Built
 * from the loaded YAML value rather than the validated report, so the form shows what the file
 * says even while it has errors.
 */
export interface RowBinding {
  def: FigureRowDef;
  /** YAML path of the row's figures (`applications.newlyReceived`, `….subRows.0.values`). */
  path: YamlPath;
  /** A one-column row written as a bare value (`licensing: 120`), not a list. */
  bare: boolean;
  /** Figures the file gives for the row (the 总计 may be left out); undefined when the row is absent. */
  length: number | undefined;
  /** Where the row label of a local row (sub-row, extra row) is edited. */
  labelPath?: YamlPath;
}

export interface CellBinding {
  /** `JSON.stringify(path)`: the key diagnostics and inputs are matched by. */
  key: string;
  path: YamlPath;
  row: RowBinding;
  column: number;
  /** Accessible name: `<row label> · <column label>`, the official labels (editions/rows.ts). */
  name: string;
  /** The figure as the file spells it ('' for blank or absent). */
  text: string;
  /** A 总计 the file leaves out: the computed value, shown as a placeholder. */
  computed: string;
}

export interface FormTables {
  tables: TableBlock[];
  cells: Map<string, CellBinding>;
  /** Labels of sub-rows and extra rows, by label path key. */
  rowLabels: { key: string; path: YamlPath; name: string; text: string }[];
}

export const pathKey = (path: YamlPath): string => JSON.stringify(path);

const getIn = (value: unknown, path: YamlPath): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);

export function formTables(edition: Edition, source: SourceFile): FormTables {
  const value = source.value;
  const cells = new Map<string, CellBinding>();
  const rowLabels: FormTables['rowLabels'] = [];
  const input: TableInput = { rows: {}, extraRows: {}, subRows: {}, labels: labelsOf(value) };

  const figuresFor = (def: FigureRowDef, path: YamlPath, nameOf: (c: number) => string, labelPath?: YamlPath): Figure[] => {
    const raw = getIn(value, path);
    const bare = def.columns.length === 1 && raw !== undefined && !Array.isArray(raw);
    const list: unknown[] | undefined = Array.isArray(raw) ? raw : bare ? [raw] : undefined;
    const row: RowBinding = { def, path, bare, length: list?.length, ...(labelPath ? { labelPath } : {}) };
    const figures = def.columns.map((col, c): Figure => {
      const cellPath = bare ? path : [...path, c];
      const cell = list?.[c];
      const text = cell === undefined || cell === null ? '' : typeof cell === 'number' ? (source.scalarSource(cellPath) ?? String(cell)) : typeof cell === 'string' ? cell : '';
      const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(MONEY_PATTERN.exec(cell)?.[1] ?? NaN) : NaN;
      return { value: Number.isFinite(n) ? n : null, text, kind: col.kind, path: cellPath, computed: list === undefined || c >= list.length };
    });
    figures.forEach((f, c) => {
      cells.set(pathKey(f.path), { key: pathKey(f.path), path: f.path, row, column: c, name: nameOf(c), text: f.text, computed: '' });
    });
    return figures;
  };

  const defs = figureRows(edition);
  for (const def of defs) {
    const parts = def.key.split('.');
    const raw = getIn(value, parts) as { subRows?: unknown } | undefined;
    if (def.allowsSubRows && raw && typeof raw === 'object' && !Array.isArray(raw) && Array.isArray(raw.subRows)) {
      input.subRows[def.key] = (raw.subRows as unknown[]).map((sub, i): LabelledRow => {
        const base = [...parts, 'subRows', i];
        const labelPath = [...base, 'label'];
        const label = typeof (sub as { label?: unknown })?.label === 'string' ? (sub as { label: string }).label : '';
        rowLabels.push({ key: pathKey(labelPath), path: labelPath, name: `${fieldName(edition, base)} · 行名称`, text: label });
        const path = [...base, 'values'];
        return { label, path, cells: figuresFor(def, path, (c) => fieldName(edition, [...path, c]), labelPath) };
      });
      continue;
    }
    input.rows[def.key] = { path: parts, cells: figuresFor(def, parts, (c) => cellName(def, c)) };
  }
  for (const item of edition.proactive.items) {
    const extra = getIn(value, ['proactive', item.key, 'extraRows']);
    if (!Array.isArray(extra)) continue;
    const def = defs.find((d) => d.item === `proactive.${item.key}`)!;
    input.extraRows[`proactive.${item.key}`] = extra.map((e, i): LabelledRow => {
      const base = ['proactive', item.key, 'extraRows', i];
      const labelPath = [...base, 'label'];
      const label = typeof (e as { label?: unknown })?.label === 'string' ? (e as { label: string }).label : '';
      rowLabels.push({ key: pathKey(labelPath), path: labelPath, name: `${fieldName(edition, base)} · 行名称`, text: label });
      const path = [...base, 'values'];
      return { label, path, cells: figuresFor(def, path, (c) => fieldName(edition, [...path, c]), labelPath) };
    });
  }
  computeTotals(edition, input, cells);

  // Every value cell carries its path (as pos), which the view maps back to its binding.
  const locate = (path: YamlPath) => ({ file: source.file, line: 0, column: 0, path });
  const tables = [proactiveTable(edition, input, locate), applicationsTable(edition, input, locate), reviewTable(edition, input, locate)];
  return { tables, cells, rowLabels };
}

/** The 总计 a file leaves out, as validate computes them (sumFigures): row totals, then （七）总计. */
function computeTotals(edition: Edition, input: TableInput, cells: Map<string, CellBinding>): void {
  const setComputed = (f: Figure | undefined, computed: Figure) => {
    const b = f && cells.get(pathKey(f.path));
    if (b && f.computed) {
      b.computed = computed.text;
      f.value = computed.value;
    }
  };
  for (const def of figureRows(edition)) {
    const t = def.totalColumn;
    const row = input.rows[def.key];
    if (t === null || !row) continue;
    setComputed(row.cells[t], sumFigures(row.cells.filter((_, i) => i !== t), def.columns[t]!.kind, row.path));
  }
  const total = input.rows['applications.results.total'];
  if (!total) return;
  const results = figureRows(edition).filter((d) => d.key.startsWith('applications.results.') && d.key !== 'applications.results.total');
  total.cells.forEach((f, c) => setComputed(f, sumFigures(results.map((d) => input.rows[d.key]!.cells[c]!), f.kind, total.path)));
}

function labelsOf(value: unknown): Record<string, string> {
  const labels = getIn(value, ['labels']);
  if (!labels || typeof labels !== 'object') return {};
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
