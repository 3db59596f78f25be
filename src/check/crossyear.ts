import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { getEdition } from '../editions/index.js';
import { cellName, figureRows } from '../editions/rows.js';
import type { Report } from '../model/report.js';
import type { At } from './identities.js';

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
  // X1: 二、上年结转 (this year) = 四、结转下年度继续办理 (previous year), per column.
  const carried = current.rows['applications.carriedOver']!;
  const forward = previous.rows['applications.carriedForward']!;
  const def = figureRows(getEdition(current.edition)).find((d) => d.key === 'applications.carriedOver')!;
  def.columns.forEach((_, c) => {
    if (c === def.totalColumn) return; // implied by the six columns, as in A1
    const now = carried.cells[c]!.value ?? 0;
    const before = forward.cells[c]!.value ?? 0;
    if (now !== before) {
      out.push(
        at(
          'crossyear/carried-over',
          'error',
          `${cellName(def, c)}：应等于上一年度四、结转下年度继续办理的 ${before}（${previousAt(forward.cells[c]!.path)}），实际为 ${now}`,
          carried.cells[c]!.path,
        ),
      );
    }
  });

  // X2 (2021 edition both years): 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y).
  if (previous.edition === '2021' && current.edition === '2021') {
    for (const [key, label] of [
      ['proactive.item1.rules', '规章'],
      ['proactive.item1.normativeDocuments', '行政规范性文件'],
    ] as const) {
      const cur = current.rows[key]!.cells;
      const prev = previous.rows[key]!.cells;
      const expected = (prev[2]!.value ?? 0) + (cur[0]!.value ?? 0) - (cur[1]!.value ?? 0);
      if ((cur[2]!.value ?? 0) !== expected) {
        out.push(
          at(
            'crossyear/in-force',
            'warning',
            `第二十条第（一）项 ${label} · 现行有效件数：按上一年度现行有效 ${prev[2]!.value ?? 0}（${previousAt(prev[2]!.path)}）加本年制发 ${cur[0]!.value ?? 0} 减本年废止 ${cur[1]!.value ?? 0} 应为 ${expected}，实际为 ${cur[2]!.value ?? 0}（文件到期失效等情况可能造成差异，请核实）`,
            cur[2]!.path,
          ),
        );
      }
    }
  }

  // X3 (2019 edition both years): 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1).
  if (previous.edition === '2019' && current.edition === '2019') {
    for (const d of figureRows(getEdition('2019')).filter((r) => r.columns[0]?.key === 'previousCount')) {
      const cur = current.rows[d.key]!.cells;
      const prev = previous.rows[d.key]!.cells;
      const expected = (prev[0]!.value ?? 0) + (prev[1]!.value ?? 0);
      if ((cur[0]!.value ?? 0) !== expected) {
        out.push(
          at(
            'crossyear/item-count',
            'warning',
            `${cellName(d, 0)}：按上一年度的上一年项目数量 ${prev[0]!.value ?? 0} 加本年增/减 ${prev[1]!.value ?? 0}（${previousAt(prev[0]!.path)}）应为 ${expected}，实际为 ${cur[0]!.value ?? 0}`,
            cur[0]!.path,
          ),
        );
      }
    }
  }
  return out;
}
