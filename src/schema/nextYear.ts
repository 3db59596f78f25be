import { carriedCells } from '../check/crossyear.js';
import { defaultEditionForYear, getEdition } from '../editions/index.js';
import { figureRows } from '../editions/rows.js';
import type { Figure, Report, YamlPath } from '../model/report.js';
import { parse } from 'yaml';
import { RawScalar, setIn } from '../source/edit.js';
import { PROSE_FIELDS } from './prose.js';
import { REPORT_KEY_ORDER, scaffold, TODO } from './scaffold.js';


export interface NextYear {
  text: string;
  /** What was carried over, for the clerk (Chinese). */
  notes: string[];
}

/**
 * Next year's report file from last year's (`nianbao edit --from`): the cells that follow from
 * last year (check/crossyear.ts carriedCells: X1 二、上年结转 from 四、结转下年度继续办理, X2 现行有效件数,
 * X3 上一年项目数量) are filled in, every other figure starts at 0 (a blank stays blank), and the
 * prose is kept for editing behind a 【待填写】 line, so `check` warns until it is rewritten. Within
 * one edition it is last year's file itself, edited (the clerk's comments, order and local rows
 * stay); when the edition changes (2020 → 2021) the tables differ, so it starts from `init`'s file.
 */
export function nextYear(previous: Report, previousText: string, schemaPath: string): NextYear {
  const year = previous.year + 1;
  // The edition follows the year (2020 → 2021 changes it), unless last year's report already departed
  // from its year's edition (a late adopter keeps the tables it used).
  const edition = previous.edition === defaultEditionForYear(previous.year) ? defaultEditionForYear(year) : previous.edition;
  const sameEdition = edition === previous.edition;
  let text = sameEdition ? previousText : scaffold({ agency: previous.agency, year, edition, blank: false, schemaPath });
  const set = (path: YamlPath, value: Parameters<typeof setIn>[2]) => (text = setIn(text, path, value, REPORT_KEY_ORDER));
  const raw = (n: number) => new RawScalar(String(n));

  set(['year'], raw(year));
  if (sameEdition) {
    const written = (parse(previousText) as { title?: unknown; date?: unknown }) ?? {};
    if (typeof written.title === 'string') set(['title'], shiftYear(written.title, previous.year));
    if (Array.isArray(written.title)) written.title.forEach((line, i) => typeof line === 'string' && set(['title', i], shiftYear(line, previous.year)));
    if (written.date !== undefined && written.date !== null) set(['date'], null);
    const figures = allFigures(previous);
    for (const f of figures) if (f.value !== null) set(f.path, raw(0));
    if (previous.fees) for (const f of [previous.fees.noticesIssued, previous.fees.amountNotified, previous.fees.amountCollected]) set(f.path, raw(0));
  }
  if (previous.unitLine) set(['unitLine'], previous.unitLine);
  if (previous.dateLine) set(['dateLine'], shiftYear(previous.dateLine, year));

  const notes: string[] = [];
  const defs = figureRows(getEdition(edition));
  const carried = carriedCells(previous, edition);
  // X2 starts from last year's 现行有效 (本年制发 and 本年废止 start at 0, so the check holds).
  for (const c of carried) {
    if (c.subRows && sameEdition) c.subRows.forEach((v, i) => set([...c.key.split('.'), 'subRows', i, 'values', c.column], raw(v)));
    else set([...c.key.split('.'), c.column], raw(c.value));
  }
  // A 二、上年结转 总计 the file gives is kept consistent with its cells.
  const carriedDef = defs.find((d) => d.key === 'applications.carriedOver')!;
  const carriedRow = sameEdition ? previous.rows['applications.carriedOver']! : undefined;
  if (carriedRow && !carriedRow.cells[carriedDef.totalColumn!]!.computed) {
    set(['applications', 'carriedOver', carriedDef.totalColumn!], raw(carried.filter((c) => c.rule === 'X1').reduce((s, c) => s + c.value, 0)));
  }
  const rules = new Set(carried.map((c) => c.rule));
  notes.push(`二、上年结转政府信息公开申请数量：取自 ${previous.year} 年度的“四、结转下年度继续办理”`);
  if (rules.has('X2')) notes.push(`第二十条第（一）项 现行有效件数：从 ${previous.year} 年度的现行有效件数开始（加本年制发、减本年废止）`);
  if (rules.has('X3')) notes.push(`第二十条 上一年项目数量：${previous.year} 年度的上一年项目数量加本年增/减`);

  for (const path of PROSE_FIELDS) {
    const prose = proseOf(previous, path);
    if (prose === undefined) continue;
    set(path, `${TODO}以下是 ${previous.year} 年度的内容，请按 ${year} 年度的情况修改，改好后删除这一段。\n\n${prose}\n`);
  }
  notes.push(`各部分文字保留了 ${previous.year} 年度的内容，开头标有“${TODO}”，修改后删除`);
  if (!sameEdition) notes.push(`${year} 年度使用 ${edition} 年版式，表格按新版式重新开始`);
  return { text, notes };
}

/** `2023年` → `2024年` in a title or date line (only the year given, and the year before it for a date line). */
function shiftYear(line: string, from: number): string {
  return line.replace(new RegExp(`${from}(?=年)`, 'g'), String(from + 1));
}

/** Every figure the file itself writes (not computed), in table order. */
function allFigures(report: Report): Figure[] {
  const out: Figure[] = [];
  for (const row of Object.values(report.rows)) for (const f of row.cells) if (!f.computed) out.push(f);
  for (const rows of [...Object.values(report.subRows), ...Object.values(report.extraRows)]) for (const r of rows) for (const f of r.cells) if (!f.computed) out.push(f);
  // A row with sub-rows carries their sums (not in the file): its paths end at the row.
  return out.filter((f) => !Object.keys(report.subRows).some((k) => f.path.join('.') === k));
}

/** The prose at `path` as one text (paragraphs separated by blank lines), or undefined when empty. */
function proseOf(report: Report, path: YamlPath): string | undefined {
  const key = path.join('.');
  const items =
    key === 'proactive.text' ? report.tableText.proactive
    : key === 'applications.text' ? report.tableText.applications
    : key === 'review.text' ? report.tableText.review
    : report[key as 'preamble' | 'overview' | 'problems' | 'other'];
  if (!items || items.length === 0) return undefined;
  return items.map((it) => (it.kind === 'lead' ? `${it.lead}${it.text}` : it.text)).join('\n\n');
}
