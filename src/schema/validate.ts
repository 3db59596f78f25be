import { TEMPLATES } from '../compose/text.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import { defaultEditionForYear, getEdition, type Edition } from '../editions/index.js';
import { figureRows, resultRowKeys, type FigureRowDef } from '../editions/rows.js';
import type { EditionId, FeeFigures, Figure, FigureKind, FigureRow, LabelledRow, Published, Report, YamlPath } from '../model/report.js';
import type { SourceFile } from '../source/load.js';
import { parseProse, type RawProse } from './prose.js';
import { MONEY_PATTERN, schemaFor } from './schema.js';
import { dedupe, issueToDiagnostics, type Diag } from './issues.js';
import { fieldName, knownLabels } from './names.js';

export type ValidateResult = { ok: true; report: Report; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };


/** Picks the edition: explicit `edition:`, else by year (spec §0). */
export function editionOf(raw: unknown): EditionId {
  const r = (raw ?? {}) as Record<string, unknown>;
  if (r.edition === '2019' || r.edition === 2019) return '2019';
  if (r.edition === '2021' || r.edition === 2021) return '2021';
  return typeof r.year === 'number' ? defaultEditionForYear(r.year) : '2021';
}

/** Validates the YAML value against its edition's schema and normalises it into a Report. */
export function validate(source: SourceFile): ValidateResult {
  const raw = source.value;
  const diagnostics: Diagnostic[] = [];
  const editionId = editionOf(raw);
  const edition = getEdition(editionId);
  const diag = (code: string, severity: Diagnostic['severity'], message: string, path: YamlPath, atKey = false): Diagnostic => ({
    code,
    severity,
    message,
    file: source.file,
    ...(atKey ? source.keyPositionOf(path) : source.positionOf(path)),
    path,
  });

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, diagnostics: [diag('schema/not-a-report', 'error', '文件内容应是“键: 值”形式的年报数据（如 agency: 某某局），而不是单个值或列表', [])] };
  }
  diagnostics.push(...controlCharacters(raw, [], (path, ch) => {
    const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return diag('schema/control-character', 'error', `${fieldName(edition, path)}：含有不可见的控制字符 U+${code}（文档中无法保存），请删除`, path);
  }));
  const parsed = schemaFor(editionId).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(...issueToDiagnostics(issue, edition, raw, diag));
    return { ok: false, diagnostics: dedupe(diagnostics) };
  }
  const data = parsed.data as Record<string, unknown>;

  const year = data.year as number;
  if (editionId === '2019' && year >= 2021) {
    diagnostics.push(diag('format/edition-year', 'warning', `${year}年度的年报应使用 2021 年版式（国办公开办函〔2021〕30号），这里用的是 2019 年版式`, ['edition'], true));
  } else if (editionId === '2021' && year <= 2020) {
    diagnostics.push(diag('format/edition-year', 'warning', `2021 年版式从 2021 年度起使用，${year}年度的年报应使用 2019 年版式`, ['edition'], true));
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const report = normalise(data, edition, source, diagnostics, diag);
  return { ok: true, report, diagnostics };
}

/**
 * C0 controls other than tab and line breaks, U+FFFE/U+FFFF and lone surrogates: XML 1.0 has no
 * way to write them, so a DOCX holding one does not open in Word (a YAML "\u0007" got that far).
 * They are never meant (a paste accident or a hostile file), so they are refused where they stand.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function controlCharacters(value: unknown, path: YamlPath, report: (path: YamlPath, ch: string) => Diagnostic): Diagnostic[] {
  if (typeof value === 'string') {
    const m = FORBIDDEN.exec(value);
    return m ? [report(path, m[0])] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacters(v, [...path, i], report));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => controlCharacters(v, [...path, k], report));
  return [];
}


function normalise(data: Record<string, unknown>, edition: Edition, source: SourceFile, diagnostics: Diagnostic[], diag: Diag): Report {
  const figure = (value: unknown, kind: FigureKind, path: YamlPath): Figure => {
    if (value === null || value === undefined) return { value: null, text: '', kind, path, computed: false };
    if (typeof value === 'string') {
      const m = MONEY_PATTERN.exec(value)!;
      return { value: Number(m[1]), text: value.trim(), kind, path, computed: false };
    }
    const n = value as number;
    const src = source.scalarSource(path);
    const text = src !== undefined && /^[+-]?\d+(\.\d+)?$/.test(src) && Number(src) === n ? src : String(n);
    return { value: n, text, kind, path, computed: false };
  };
  const get = (path: string[]): unknown => path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data);

  const rows: Record<string, FigureRow> = {};
  const subRows: Record<string, LabelledRow[]> = {};
  const extraRows: Record<string, LabelledRow[]> = {};
  const defs = figureRows(edition);
  const rowFigures = (def: FigureRowDef, value: unknown, path: YamlPath): Figure[] => {
    const list = def.columns.length === 1 && !Array.isArray(value) ? [value] : (value as unknown[]);
    const cells = def.columns.map((c, i) =>
      i < list.length ? figure(list[i], c.kind, def.columns.length === 1 && !Array.isArray(value) ? path : [...path, i]) : undefined,
    );
    return cells.map((c, i) => c ?? computedTotal(def, cells, i, path));
  };
  for (const def of defs) {
    const parts = def.key.split('.');
    const value = get(parts);
    if (value === undefined) continue; // only （七）总计 may be absent; computed below
    if (def.allowsSubRows && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const subs = (value as { subRows: { label: string; values: unknown }[] }).subRows;
      subRows[def.key] = subs.map((s, i) => {
        const p = [...parts, 'subRows', i, 'values'];
        return { label: s.label, cells: rowFigures(def, s.values, p), path: p };
      });
      // The parent row's figures are the sum of its sub-rows (used by checks, not printed).
      rows[def.key] = { cells: def.columns.map((c, ci) => sumFigures(subRows[def.key]!.map((s) => s.cells[ci]!), c.kind, parts)), path: parts };
      continue;
    }
    rows[def.key] = { cells: rowFigures(def, value, parts), path: parts };
  }
  for (const item of edition.proactive.items) {
    const extra = get(['proactive', item.key, 'extraRows']) as { label: string; values: unknown }[] | undefined;
    if (!extra) continue;
    const def = defs.find((d) => d.item === `proactive.${item.key}`)!;
    extraRows[`proactive.${item.key}`] = extra.map((e, i) => {
      const p = ['proactive', item.key, 'extraRows', i, 'values'];
      return { label: e.label, cells: rowFigures(def, e.values, p), path: p };
    });
  }
  // （七）总计 left out: the column sums of the result rows (spec §4.2 A3).
  if (!rows['applications.results.total']) {
    const resultRows = resultRowKeys(edition).map((k) => rows[k]!);
    const def = defs.find((d) => d.key === 'applications.results.total')!;
    const path = ['applications', 'results'];
    const cells = def.columns.map((c, ci) => ({ ...sumFigures(resultRows.map((r) => r.cells[ci]!), c.kind, path), computed: true }));
    rows['applications.results.total'] = { cells, path };
  }

  // Local label overrides: only ids the tables and headings know.
  const labels: Record<string, string> = {};
  const known = knownLabels(edition);
  for (const [id, text] of Object.entries((data.labels as Record<string, string> | undefined) ?? {})) {
    if (!known.has(id)) {
      const hint = closest(id, known.keys());
      diagnostics.push(diag('schema/unknown-label', 'error', `没有编号为“${id}”的标签${hint ? `，是否应为“${hint}”（${known.get(hint)!.replace(/\n/g, '')}）？` : ''}`, ['labels', id], true));
      continue;
    }
    // Spec §4.4: labels are verbatim. A local annotation appended to the official text is a
    // known variant (spec §5); anything else departs from the national format.
    const official = known.get(id)!.replace(/\n/g, '');
    if (!text.replace(/\n/g, '').startsWith(official)) {
      diagnostics.push(diag('format/label-changed', 'warning', `标签“${text.replace(/\n/g, '')}”与国家格式的“${official}”不一致`, ['labels', id]));
    }
    labels[id] = text;
  }

  const agency = (data.agency as string).trim();
  const year = data.year as number;
  const title = data.title === undefined ? [TEMPLATES.title({ agency, year }).trim()] : typeof data.title === 'string' ? [data.title] : (data.title as string[]);
  const prose = (key: string) => parseProse((data[key] as RawProse | null | undefined) ?? undefined, [key]);
  const tableText = (key: 'proactive' | 'applications' | 'review') =>
    parseProse((data[key] as { text?: RawProse | null }).text ?? undefined, [key, 'text']);

  let fees: FeeFigures | null = null;
  const rawFees = data.fees as Record<string, unknown> | undefined;
  if (rawFees) {
    fees = {
      noticesIssued: figure(rawFees.noticesIssued, 'count', ['fees', 'noticesIssued']),
      amountNotified: figure(rawFees.amountNotified, 'money', ['fees', 'amountNotified']),
      amountCollected: figure(rawFees.amountCollected, 'money', ['fees', 'amountCollected']),
      path: ['fees'],
    };
  }
  return {
    agency,
    year,
    edition: edition.id,
    title,
    unitLine: (data.unitLine as string | null | undefined) || null,
    dateLine: (data.dateLine as string | null | undefined) || null,
    date: (data.date as string | null | undefined) ?? null,
    preamble: prose('preamble'),
    overview: prose('overview'),
    problems: prose('problems'),
    other: prose('other'),
    fees,
    tableText: { proactive: tableText('proactive'), applications: tableText('applications'), review: tableText('review') },
    rows,
    extraRows,
    subRows,
    labels,
    published: data.published ? { source: (data.published as Published).source, date: (data.published as Published).date ?? null } : null,
  };
}

/** A 总计 cell left out of a row: the sum of the row's other cells (spec §4.2 A2, A4). */
function computedTotal(def: FigureRowDef, cells: (Figure | undefined)[], index: number, path: YamlPath): Figure {
  const parts = cells.filter((c, i): c is Figure => c !== undefined && i !== index);
  return { ...sumFigures(parts, def.columns[index]!.kind, path), computed: true };
}

/** Blank + blank stays blank; blank + n = n (spec §4.4: blanks count as 0). */
export function sumFigures(figures: Figure[], kind: FigureKind, path: YamlPath): Figure {
  const present = figures.filter((f) => f.value !== null);
  if (present.length === 0) return { value: null, text: '', kind, path, computed: false };
  const value = present.reduce((s, f) => s + (f.value ?? 0), 0);
  return { value, text: String(value), kind, path, computed: false };
}

