import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { getEdition } from '../editions/index.js';
import { cellName, figureRows, resultRowKeys, type FigureRowDef } from '../editions/rows.js';
import type { Figure, Report, YamlPath } from '../model/report.js';

/**
 * Where a diagnostic about a path points: the caller maps paths to file:line:column. `snippet`
 * narrows a position inside a block of prose to where that text occurs (its `occurrence`-th
 * time, counting from 0, when a block repeats it).
 */
export type At = (code: string, severity: Diagnostic['severity'], message: string, path: YamlPath, snippet?: string, occurrence?: number) => Diagnostic;

const n = (f: Figure | undefined): number => f?.value ?? 0;

/**
 * Every figure is at most 2^53 − 1 (the schema), but a sum of them need not be, and beyond it
 * doubles round: a computed 总计 would print wrong and an identity could balance by rounding. A
 * sum past the limit is refused at the cell that holds it; below it every sum here is exact.
 */
const tooLarge = (sum: number): boolean => sum > Number.MAX_SAFE_INTEGER;
const tooLargeText = (what: string): string => `${what}：合计超出可精确计算的范围（最大 ${Number.MAX_SAFE_INTEGER}）`;
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
  // Gaps (parts − total) of the unbalanced 三-table rows and columns, to point at the cell where
  // an unbalanced row and an unbalanced column cross (see suspectCells).
  const rowGaps: Gap[] = [];
  const columnGaps: Gap[] = [];

  // A2 (per applications row) and A4 (per review group): 总计 = sum of the other columns.
  for (const def of defs) {
    if (def.totalColumn === null) continue;
    const r = report.rows[def.key];
    if (!r) continue;
    const total = r.cells[def.totalColumn]!;
    const parts = r.cells.filter((_, i) => i !== def.totalColumn);
    const sum = parts.reduce((s, f) => s + n(f), 0);
    if (tooLarge(sum)) {
      out.push(at('schema/out-of-range', 'error', tooLargeText(cellName(def, def.totalColumn)), total.path));
      continue;
    }
    if (total.computed) continue;
    if (n(total) !== sum) {
      if (def.table === 'applications') rowGaps.push({ at: def.key, gap: sum - n(total), rule: 'A2' });
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
    const sum = results.reduce((s, r) => s + n(r.cells[c]), 0);
    if (tooLarge(sum)) {
      out.push(at('schema/out-of-range', 'error', tooLargeText(cellName(totalDef, c)), t.path));
      return;
    }
    if (t.computed) return;
    if (n(t) !== sum) {
      columnGaps.push({ at: c, gap: sum - n(t), rule: 'A3' });
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
    if (tooLarge(left) || tooLarge(right)) {
      out.push(at('schema/out-of-range', 'error', tooLargeText(`${col.label}列 一、本年新收 + 二、上年结转（或（七）总计 + 四、结转下年度继续办理）`), F.cells[c]!.path));
      return;
    }
    if (left !== right) {
      columnGaps.push({ at: c, gap: left - right, rule: 'A1' });
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
  out.push(...suspectCells(report, rowGaps, columnGaps, byKey, at, new Set(out.map((d) => d.path.join('.')))));
  return out;
}

interface Gap {
  at: string | number;
  /** parts − total (A2, A3) or left − right (A1). */
  gap: number;
  rule: 'A1' | 'A2' | 'A3';
}

/**
 * How a wrong figure in `rowKey` moves a column's gap, for the same error that moves its row's
 * gap by +e: A3 sums the result rows (+e); A1 has 一、二 on the left (+e), and 四 and the
 * （七）总计 (given, or computed from the result rows) on the right (−e).
 */
function columnSign(rowKey: string, rule: Gap['rule']): number {
  const received = rowKey === 'applications.newlyReceived' || rowKey === 'applications.carriedOver';
  if (rule === 'A3') return rowKey.startsWith('applications.results.') && rowKey !== 'applications.results.total' ? 1 : 0;
  return received ? 1 : -1;
}

/**
 * One wrong figure in the 三 table unbalances its row (A2) and its column (A1 or A3) by the same
 * amount; the messages of those rules name the totals, not the figure. Where exactly one
 * unbalanced row and one unbalanced column agree, the cell where they cross is named too, at its
 * own position, so a clerk lands on the number to fix.
 */
function suspectCells(report: Report, rowGaps: Gap[], columnGaps: Gap[], byKey: Map<string, FigureRowDef>, at: At, reported: Set<string>): Diagnostic[] {
  const explains = (r: Gap, c: Gap) => columnSign(r.at as string, c.rule) * r.gap === c.gap;
  const out: Diagnostic[] = [];
  for (const r of rowGaps) {
    const columns = new Set(columnGaps.filter((c) => explains(r, c)).map((c) => c.at as number));
    if (columns.size !== 1) continue;
    const col = [...columns][0]!;
    if (rowGaps.filter((other) => columnGaps.some((c) => c.at === col && explains(other, c))).length !== 1) continue;
    const def = byKey.get(r.at as string)!;
    const cell = report.rows[def.key]!.cells[col]!;
    if (reported.has(cell.path.join('.'))) continue;
    out.push(at('identity/suspect-cell', 'error', `${cellName(def, col)}：所在行的总计和所在列的合计都相差 ${Math.abs(r.gap)}，很可能是这个数字（${shown(cell)}）填错了`, cell.path));
  }
  return out;
}
