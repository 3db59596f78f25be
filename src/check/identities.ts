import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { getEdition } from '../editions/index.js';
import { cellName, figureRows, resultRowKeys } from '../editions/rows.js';
import type { Figure, Report, YamlPath } from '../model/report.js';

/**
 * Where a diagnostic about a path points: the caller maps paths to file:line:column. `snippet`
 * narrows a position inside a block of prose to the paragraph that contains it.
 */
export type At = (code: string, severity: Diagnostic['severity'], message: string, path: YamlPath, snippet?: string) => Diagnostic;

const n = (f: Figure | undefined): number => f?.value ?? 0;
const shown = (f: Figure | undefined): string => (f === undefined || f.value === null ? '空白' : f.text);

/**
 * The arithmetic identities of spec §4.1–§4.2 (A1–A4; A5 is enforced by the schema).
 * Only totals the YAML actually gives are checked against their parts; computed ones agree by
 * construction. Every message names the cell by its official labels, with expected and actual.
 */
export function checkIdentities(report: Report, at: At): Diagnostic[] {
  const edition = getEdition(report.edition);
  const defs = figureRows(edition);
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const row = (key: string) => report.rows[key]!;
  const out: Diagnostic[] = [];

  // A2 (per applications row) and A4 (per review group): 总计 = sum of the other columns.
  for (const def of defs) {
    if (def.totalColumn === null) continue;
    const r = report.rows[def.key];
    if (!r) continue;
    const total = r.cells[def.totalColumn]!;
    if (total.computed) continue;
    const parts = r.cells.filter((_, i) => i !== def.totalColumn);
    const sum = parts.reduce((s, f) => s + n(f), 0);
    if (n(total) !== sum) {
      const names = def.columns.filter((_, i) => i !== def.totalColumn).map((c) => c.label).join('、');
      out.push(
        at(
          def.table === 'review' ? 'identity/review-total' : 'identity/row-total',
          'error',
          `${cellName(def, def.totalColumn)}：应为 ${sum}（${names}之和），实际填写 ${shown(total)}`,
          total.path,
        ),
      );
    }
  }

  // A3: （七）总计 = the sum of every result row, per column.
  const totalDef = byKey.get('applications.results.total')!;
  const totalRow = row('applications.results.total');
  const results = resultRowKeys(edition).map(row);
  totalDef.columns.forEach((_, c) => {
    const t = totalRow.cells[c]!;
    if (t.computed) return;
    const sum = results.reduce((s, r) => s + n(r.cells[c]), 0);
    if (n(t) !== sum) {
      out.push(at('identity/results-total', 'error', `${cellName(totalDef, c)}：应为 ${sum}（（一）至（六）各项之和），实际填写 ${shown(t)}`, t.path));
    }
  });

  // A1, the printed note: 第一项 + 第二项 = 第三项 + 第四项, per column. The 总计 column is left
  // out: with A2 holding it is the sum of the six others, so it would only repeat their messages.
  const N = row('applications.newlyReceived');
  const P = row('applications.carriedOver');
  const F = row('applications.carriedForward');
  const fDef = byKey.get('applications.carriedForward')!;
  fDef.columns.forEach((col, c) => {
    if (c === fDef.totalColumn) return;
    const left = n(N.cells[c]) + n(P.cells[c]);
    const right = n(totalRow.cells[c]) + n(F.cells[c]);
    if (left !== right) {
      out.push(
        at(
          'identity/received-plus-carried',
          'error',
          `${col.label}列不平衡：一、本年新收（${n(N.cells[c])}）加二、上年结转（${n(P.cells[c])}）等于 ${left}，而（七）总计（${n(totalRow.cells[c])}）加四、结转下年度继续办理（${n(F.cells[c])}）等于 ${right}；${cellName(fDef, c)}应为 ${left - n(totalRow.cells[c])}`,
          F.cells[c]!.path,
        ),
      );
    }
  });
  return out;
}

