import { getEdition } from '../editions/index.js';
import { cellName, figureRows } from '../editions/rows.js';
import type { Figure, Report } from '../model/report.js';
import { fieldName } from '../schema/names.js';
import type { CellRef } from './phrases/figures.js';

/** The table figures a phrase refers to, with their official names for messages. */
export interface CellValues {
  /** One entry per cell (a row prefix such as `applications.results.refused` gives all its rows). */
  figures: { figure: Figure; name: string }[];
  /** How a message names the cells: one cell's label, or the group's label and column. */
  name: string;
}

/**
 * Looks cells up by row and column key (phrases/figures.ts names them so). Null when the report
 * has no such figure (信息处理费 not reported, a row of the other edition).
 */
export function cellValues(report: Report, refs: readonly CellRef[]): CellValues | null {
  const edition = getEdition(report.edition);
  const defs = figureRows(edition);
  const figures: CellValues['figures'] = [];
  const names: string[] = [];
  for (const ref of refs) {
    if (ref.row === 'fees') {
      const figure = report.fees?.[ref.column as 'noticesIssued' | 'amountNotified' | 'amountCollected'];
      if (!figure) return null;
      const name = fieldName(edition, ['fees', ref.column]);
      figures.push({ figure, name });
      names.push(name);
      continue;
    }
    const rows = defs.filter((d) => d.key === ref.row || d.key.startsWith(`${ref.row}.`));
    const found = rows.flatMap((def) => {
      const col = def.columns.findIndex((c) => c.key === ref.column);
      const figure = report.rows[def.key]?.cells[col];
      return col >= 0 && figure ? [{ figure, name: cellName(def, col) }] : [];
    });
    if (found.length === 0) return null;
    figures.push(...found);
    names.push(rows.length === 1 ? found[0]!.name : `${fieldName(edition, ref.row.split('.'))} · ${rows[0]!.columns.find((c) => c.key === ref.column)!.label}`);
  }
  return { figures, name: names.length === 1 ? names[0]! : `${names.join('、')}之和` };
}

/** The sum of the filled figures (blanks count as 0, spec §4.4), null when every one is blank. */
export function filledSum(values: CellValues): number | null {
  const filled = values.figures.filter((f) => f.figure.value !== null);
  return filled.length === 0 ? null : filled.reduce((s, f) => s + f.figure.value!, 0);
}

/** How the table shows the cells: one figure as printed (`7.463万元`), a sum as a number. */
export function shownValue(values: CellValues): string {
  if (values.figures.length === 1) return values.figures[0]!.figure.text || '空白';
  return String(filledSum(values) ?? '空白');
}
