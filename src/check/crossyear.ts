import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { getEdition } from '../editions/index.js';
import { cellName, figureRows } from '../editions/rows.js';
import type { EditionId, Figure, Report } from '../model/report.js';
import type { At } from './identities.js';

/**
 * A cell of this year's tables that follows from the year before (spec §4.3): the one definition
 * the cross-year checks and `nianbao edit --from` (a new year started from last year's file) share.
 */
export interface CarriedCell {
  rule: 'X1' | 'X2' | 'X3';
  /** Row key (`applications.carriedOver`) and column of this year's cell. */
  key: string;
  column: number;
  /** What this year starts from; X2 adds this year's 本年制发 and takes off 本年废止. */
  value: number;
  /** The previous year's cells the value comes from. */
  from: Figure[];
  /** A row last year gave as sub-rows (seed 004): what each sub-row starts from; `value` is their sum. */
  subRows?: number[];
}

/** X1 for any two years; X2 when both years use the 2021 edition, X3 when both use 2019's. */
export function carriedCells(previous: Report, current: EditionId): CarriedCell[] {
  const out: CarriedCell[] = [];
  // X1: 二、上年结转 (this year) = 四、结转下年度继续办理 (previous year), per column; the 总计 is implied, as in A1.
  const forward = previous.rows['applications.carriedForward']!;
  const def = figureRows(getEdition(current)).find((d) => d.key === 'applications.carriedOver')!;
  def.columns.forEach((_, c) => {
    if (c === def.totalColumn) return;
    const from = forward.cells[c]!;
    out.push({ rule: 'X1', key: 'applications.carriedOver', column: c, value: from.value ?? 0, from: [from] });
  });
  // X2: 现行有效件数 starts from last year's.
  if (previous.edition === '2021' && current === '2021') {
    for (const key of ['proactive.item1.rules', 'proactive.item1.normativeDocuments']) {
      const from = previous.rows[key]!.cells[2]!;
      out.push({ rule: 'X2', key, column: 2, value: from.value ?? 0, from: [from] });
    }
  }
  // X3: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
  if (previous.edition === '2019' && current === '2019') {
    for (const d of figureRows(getEdition('2019')).filter((r) => r.columns[0]?.key === 'previousCount')) {
      const prev = previous.rows[d.key]!.cells;
      const subs = previous.subRows[d.key];
      const next = (cells: Figure[]) => (cells[0]!.value ?? 0) + (cells[1]!.value ?? 0);
      out.push({ rule: 'X3', key: d.key, column: 0, value: next(prev), from: [prev[0]!, prev[1]!], ...(subs ? { subRows: subs.map((r) => next(r.cells)) } : {}) });
    }
  }
  return out;
}

/**
 * Cross-year checks of spec §4.3, between the previous year's report and this one.
 * `atPrevious` positions a note in the previous file, so both places are named.
 */
export function checkCrossYear(previous: Report, current: Report, at: At, previousFile: string, previousAt: (path: readonly (string | number)[]) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (previous.year !== current.year - 1) {
    out.push(at('crossyear/not-consecutive', 'warning', `上一年度的文件是 ${previous.year} 年度（${previousFile}），本文件是 ${current.year} 年度，跨年核对只适用于相邻年度`, ['year']));
    return out;
  }
  if (previous.agency !== current.agency) {
    out.push(at('crossyear/different-agency', 'warning', `两份年报的机关不同：上一年度为“${previous.agency}”（${previousFile}），本年度为“${current.agency}”`, ['agency']));
  }
  const defs = figureRows(getEdition(current.edition));
  for (const carried of carriedCells(previous, current.edition)) {
    const cur = current.rows[carried.key]!.cells;
    const now = cur[carried.column]!;
    const value = now.value ?? 0;
    if (carried.rule === 'X1' && value !== carried.value) {
      const def = defs.find((d) => d.key === carried.key)!;
      out.push(at('crossyear/carried-over', 'error', `${cellName(def, carried.column)}：应等于上一年度四、结转下年度继续办理的 ${carried.value}（${previousAt(carried.from[0]!.path)}），实际为 ${value}`, now.path));
    }
    if (carried.rule === 'X2') {
      // 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y).
      const expected = carried.value + (cur[0]!.value ?? 0) - (cur[1]!.value ?? 0);
      if (value !== expected) {
        const label = carried.key.endsWith('.rules') ? '规章' : '行政规范性文件';
        out.push(
          at(
            'crossyear/in-force',
            'warning',
            `第二十条第（一）项 ${label} · 现行有效件数：按上一年度现行有效 ${carried.value}（${previousAt(carried.from[0]!.path)}）加本年制发 ${cur[0]!.value ?? 0} 减本年废止 ${cur[1]!.value ?? 0} 应为 ${expected}，实际为 ${value}（文件到期失效等情况可能造成差异，请核实）`,
            now.path,
          ),
        );
      }
    }
    if (carried.rule === 'X3' && value !== carried.value) {
      const def = defs.find((d) => d.key === carried.key)!;
      const [count, change] = carried.from as [Figure, Figure];
      out.push(
        at(
          'crossyear/item-count',
          'warning',
          `${cellName(def, 0)}：按上一年度的上一年项目数量 ${count.value ?? 0} 加本年增/减 ${change.value ?? 0}（${previousAt(count.path)}）应为 ${carried.value}，实际为 ${value}`,
          now.path,
        ),
      );
    }
  }
  return out;
}
