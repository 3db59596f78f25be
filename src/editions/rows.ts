import type { FigureKind } from '../model/report.js';
import type { Edition } from './types.js';

export type TableId = 'proactive' | 'applications' | 'review';

export interface FigureColumnDef {
  key: string;
  /** Official column label, line breaks removed, for messages. */
  label: string;
  kind: FigureKind;
}

/**
 * One row of figures as the schema, the checks and compose all see it.
 * `key` is the dotted YAML path of the row (`applications.results.refused.stateSecret`).
 */
export interface FigureRowDef {
  key: string;
  table: TableId;
  /** The row's official label path, e.g. `三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密`. */
  labels: string[];
  columns: FigureColumnDef[];
  /** Index of the 总计 column, which may be left out of the YAML and is then computed. */
  totalColumn: number | null;
  /** The whole row may be left out (computed): only （七）总计. */
  optional: boolean;
  /** The row may be given as labelled sub-rows instead of figures. */
  allowsSubRows: boolean;
  /** Item key of a 二-table row (`proactive.item1`), where extra rows may be added. */
  item: string | null;
}

export const flat = (label: string): string => label.replace(/\n/g, '');

/** Every figure row of an edition, in table order. Memoised: editions are constants. */
export function figureRows(edition: Edition): FigureRowDef[] {
  const cached = cache.get(edition);
  if (cached) return cached;
  const rows: FigureRowDef[] = [];
  for (const item of edition.proactive.items) {
    for (const row of item.rows) {
      rows.push({
        key: `proactive.${item.key}.${row.key}`,
        table: 'proactive',
        labels: [item.title, row.label],
        columns: item.columns.map((c) => ({ key: c.key, label: flat(c.label), kind: c.kind })),
        totalColumn: null,
        optional: false,
        allowsSubRows: row.allowsSubRows === true,
        item: `proactive.${item.key}`,
      });
    }
  }

  const app = edition.applications;
  const appColumns = app.columns.map((c) => ({ key: c.key, label: flat(c.label), kind: 'count' as const }));
  const appRow = (key: string, labels: string[], optional = false): FigureRowDef => ({
    key: `applications.${key}`,
    table: 'applications',
    labels,
    columns: appColumns,
    totalColumn: appColumns.length - 1,
    optional,
    allowsSubRows: false,
    item: null,
  });
  rows.push(appRow('newlyReceived', [app.newlyReceived]));
  rows.push(appRow('carriedOver', [app.carriedOver]));
  for (const entry of app.results) {
    if (entry.items) {
      for (const it of entry.items) rows.push(appRow(`results.${entry.key}.${it.key}`, [app.resultsHeader, entry.label, it.label]));
    } else {
      rows.push(appRow(`results.${entry.key}`, [app.resultsHeader, entry.label]));
    }
  }
  rows.push(appRow('results.total', [app.resultsHeader, app.total], true));
  rows.push(appRow('carriedForward', [app.carriedForward]));

  const reviewColumns = edition.review.columns.map((c) => ({ key: c.key, label: c.label, kind: 'count' as const }));
  for (const g of edition.review.groups) {
    rows.push({
      key: `review.${g.key}`,
      table: 'review',
      labels: g.key === 'reconsideration' ? [g.label] : [edition.review.litigationHeader, g.label],
      columns: reviewColumns,
      totalColumn: reviewColumns.length - 1,
      optional: false,
      allowsSubRows: false,
      item: null,
    });
  }
  cache.set(edition, rows);
  return rows;
}

const cache = new WeakMap<Edition, FigureRowDef[]>();

/** The result rows that add up to （七）总计 (spec §4.2 A3). */
export function resultRowKeys(edition: Edition): string[] {
  return figureRows(edition)
    .filter((r) => r.key.startsWith('applications.results.') && r.key !== 'applications.results.total')
    .map((r) => r.key);
}

/** A cell's name in messages: `三、本年度办理结果（七）总计 · 自然人`. */
export function cellName(row: FigureRowDef, column: number): string {
  const col = row.columns[column];
  return `${rowName(row)} · ${col ? col.label : `第${column + 1}列`}`;
}

/** A row's name in messages; the 三 table's labels read as one phrase (`三、本年度办理结果（七）总计`). */
export function rowName(row: Pick<FigureRowDef, 'labels' | 'table'>): string {
  return row.labels.map(flat).join(row.table === 'applications' ? '' : ' ');
}
