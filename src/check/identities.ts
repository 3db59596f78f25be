import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { getEdition } from '../editions/index.js';
import { cellName, figureRows, flat, resultRowKeys, type FigureRowDef } from '../editions/rows.js';
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
      const columns = def.columns.filter((_, i) => i !== def.totalColumn);
      const named = parts.map((f, i) => ({ name: columns[i]!.label, f }));
      out.push(
        at(
          def.table === 'review' ? 'identity/review-total' : 'identity/row-total',
          'error',
          sumMessage(cellName(def, def.totalColumn), def.columns[def.totalColumn]!.label, columns.map((c) => c.label).join('、'), named, total, sum),
          total.path,
        ),
      );
    }
  }

  // A3: （七）总计 = the sum of every result row, per column.
  const totalDef = byKey.get('applications.results.total')!;
  const totalRow = row('applications.results.total');
  const resultDefs = resultRowKeys(edition).map((k) => byKey.get(k)!);
  const results = resultDefs.map((d) => row(d.key));
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
      const named = resultDefs.map((d, i) => ({ name: `${d.labels.slice(1).map(flat).join('')}`, f: results[i]!.cells[c] }));
      const numbering = (label: string) => /^（[一二三四五六七八九十]+）/.exec(label)?.[0] ?? label;
      const range = `${numbering(edition.applications.results[0]!.label)}至${numbering(edition.applications.results.at(-1)!.label)}`;
      // Result rows whose 总计 is blank but whose columns are filled: say what those columns add
      // up to, so the message does not read as if the rows were empty (A2 names each blank 总计).
      const unsummed = c === totalDef.totalColumn ? results.filter((r) => r.cells[c]?.value === null).map((r) => filledTotal(r.cells, c)).filter((f) => f !== undefined) : [];
      const note = unsummed.length > 0 ? `；总计空白的行，其余各列已填数字之和为 ${unsummed.reduce((a, f) => a + f.value!, 0)}` : '';
      out.push(at('identity/results-total', 'error', sumMessage(cellName(totalDef, c), `${flat(edition.applications.total)} · ${totalDef.columns[c]!.label}`, range, named, t, sum) + note, t.path));
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
      const blanks = [N, P, totalRow, F].some((r) => r.cells[c]?.value === null) ? '（空白按 0 计）' : '';
      // The 结转 that would balance the column, unless it would have to be negative.
      const carried = left - n(totalRow.cells[c]);
      const suggestion = carried >= 0 ? `；${cellName(fDef, c)}应为 ${carried}` : '';
      out.push(
        at(
          'identity/received-plus-carried',
          'error',
          `${col.label}列不平衡：一、本年新收（${shown(N.cells[c])}）加二、上年结转（${shown(P.cells[c])}）等于 ${left}，而（七）总计（${shown(totalRow.cells[c])}）加四、结转下年度继续办理（${shown(F.cells[c])}）等于 ${right}${blanks}${suggestion}`,
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

/** Blank parts are named one by one up to this many, then counted. */
const LISTED_BLANKS = 4;

/**
 * The message of a total that is not the sum of its parts. With every cell filled: `应为 805
 * （…之和），实际填写 800`. With blanks (spec §4.4 counts them as 0) it never says `应为 0` as if the
 * row were empty: it names the blank cells and gives the sum of the filled ones — `（一）至（六）
 * 已填数字之和为 805，而（七）总计 · 总计 空白`.
 */
function sumMessage(target: string, short: string, partsName: string, parts: { name: string; f: Figure | undefined }[], total: Figure, sum: number): string {
  const blanks = parts.filter((p) => p.f === undefined || p.f.value === null);
  if (blanks.length === 0 && total.value !== null) return `${target}：应为 ${sum}（${partsName}之和），实际填写 ${total.text}`;
  const totalSays = `而${short} ${total.value === null ? '空白' : `填写 ${total.text}`}`;
  if (blanks.length === parts.length) return `${target}：${partsName}均空白，${totalSays}`;
  const which = blanks.length === 0 ? '' : `（其中 ${blanks.slice(0, LISTED_BLANKS).map((b) => b.name).join('、')}${blanks.length > LISTED_BLANKS ? ` 等 ${blanks.length} 格` : ''}空白）`;
  return `${target}：${partsName}已填数字之和为 ${sum}${which}，${totalSays}`;
}

/** The sum of a row's cells other than its 总计, or undefined when they are blank too. */
function filledTotal(cells: Figure[], totalColumn: number): Figure | undefined {
  const filled = cells.filter((f, i) => i !== totalColumn && f.value !== null);
  if (filled.length === 0) return undefined;
  const value = filled.reduce((s, f) => s + f.value!, 0);
  return { ...cells[totalColumn]!, value, text: String(value) };
}
