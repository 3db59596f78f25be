import * as z from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/suggest.js';
import type { Edition } from '../editions/index.js';
import { figureRows } from '../editions/rows.js';
import type { YamlPath } from '../model/report.js';
import { dashCell } from './dashCells.js';
import { fieldName } from './names.js';
import { schemaFor } from './schema.js';

/** Makes a diagnostic at a YAML path (at the key of the entry when `atKey`). */
export type Diag = (code: string, severity: Diagnostic['severity'], message: string, path: YamlPath, atKey?: boolean) => Diagnostic;

export function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const describe = (v: unknown): string =>
  v === undefined ? '（未填写）' : v === null ? '空白' : typeof v === 'string' ? `“${v.length > 20 ? `${v.slice(0, 20)}…` : v}”` : Array.isArray(v) ? `列表（${v.length} 项）` : typeof v === 'object' ? '键值对' : String(v);

const valueAt = (raw: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), raw);

/** Maps one zod issue to diagnostics with stable codes and the field's official name. */
export function issueToDiagnostics(issue: z.core.$ZodIssue, edition: Edition, raw: unknown, diag: Diag): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const name = fieldName(edition, path);
  const input = valueAt(raw, path);
  const dash = dashCell(path, input, name, diag);
  if (dash) return [dash];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const candidates = Object.keys(shapeAt(schemaFor(edition.id), path));
      return issue.keys.map((key) => {
        const hint = closest(key, candidates);
        const where = path.length ? `“${name}”中` : '';
        return diag('schema/unknown-key', 'error', `${where}没有“${key}”这一项${hint ? `，是否应为“${hint}”？` : `（可用的项：${candidates.join('、')}）`}`, [...path, key], true);
      });
    }
    case 'invalid_type': {
      if (input === undefined) return [diag('schema/missing', 'error', `缺少必填项：${name}`, path, true)];
      if (issue.expected === 'int' && typeof input === 'number') {
        if (Number.isInteger(input)) return [diag('schema/out-of-range', 'error', `${name}：数字 ${input} 超出可精确计算的范围`, path)];
        return [diag('schema/not-an-integer', 'error', `${name}：应为整数，实际是 ${input}`, path)];
      }
      if ((issue.expected === 'number' || issue.expected === 'int') && typeof input === 'string') {
        return [diag('schema/not-a-number', 'error', `${name}：应为数字，实际是${describe(input)}${/^\s*[\d.]+\s*$/.test(input) ? '（去掉引号）' : ''}`, path)];
      }
      const expected: Record<string, string> = { number: '数字', int: '整数', string: '文字', array: '列表', tuple: '方括号里的一行数字', object: '键值对', null: '空白', boolean: '“true”或“false”' };
      return [diag('schema/wrong-type', 'error', `${name}：应为${expected[issue.expected] ?? '其他写法'}，实际是${describe(input)}`, path)];
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'number') {
        if (issue.code === 'too_small' && Number(issue.minimum) === 0) return [diag('schema/negative', 'error', `${name}：不能为负数，实际是 ${String(input)}`, path)];
        return [diag('schema/out-of-range', 'error', `${name}：${String(input)} 超出允许范围`, path)];
      }
      if (issue.origin === 'array') {
        const def = figureRows(edition).find((r) => r.key === path.filter((p) => typeof p === 'string' && p !== 'subRows' && p !== 'values' && p !== 'extraRows').join('.'));
        const cols = def ? def.columns.map((c) => c.label).join('、') : '';
        const n = Array.isArray(input) ? input.length : 0;
        if (!def) {
          // A list that is not a table row (the title's lines, sub-rows).
          const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
          return [diag('schema/empty', 'error', `${name}：${issue.code === 'too_small' ? `至少要写 ${bound} 项` : `最多写 ${bound} 项`}，实际 ${n} 项`, path)];
        }
        return [diag('schema/row-length', 'error', `${name}：应填 ${def.totalColumn !== null ? `${def.columns.length - 1} 或 ${def.columns.length}` : def.columns.length} 个数字（${cols}），实际 ${n} 个`, path)];
      }
      if (issue.origin === 'string' && issue.code === 'too_big') {
        const n = typeof input === 'string' ? [...input].length : 0;
        return [diag('schema/too-long', 'error', `${name}：太长（${n} 字），上限 ${String(issue.maximum)} 字，表格的单元格放不下`, path)];
      }
      if (issue.origin === 'string') return [diag('schema/empty', 'error', `${name}：不能为空`, path)];
      return [diag('schema/out-of-range', 'error', `${name}：超出允许范围`, path)];
    }
    case 'invalid_format':
      if (typeof input === 'string' && (path[0] === 'proactive' || path[0] === 'fees')) {
        return [diag('schema/bad-money', 'error', `${name}：金额写法不对，实际是${describe(input)}；应为数字，可带“万元”或“元”（如 7.463万元）`, path)];
      }
      if (path[0] === 'date' || (path[0] === 'published' && path[1] === 'date')) return [diag('schema/bad-format', 'error', `${name}：${dateProblem(input)}`, path)];
      return [diag('schema/bad-format', 'error', `${name}：格式不对，实际是${describe(input)}`, path)];
    case 'invalid_union': {
      if (input === undefined) return [diag('schema/missing', 'error', `缺少必填项：${name}`, path, true)];
      if (path[path.length - 1] === 'edition' || path[0] === 'edition') return [diag('schema/bad-edition', 'error', `格式版本只能是 2019 或 2021，实际是${describe(input)}`, path)];
      if (typeof input === 'string' && !Number.isNaN(Number.parseFloat(input))) {
        return [diag('schema/bad-money', 'error', `${name}：金额写法不对，实际是${describe(input)}；应为数字，可带“万元”或“元”（如 7.463万元）`, path)];
      }
      if (typeof input === 'number' && input < 0) return [diag('schema/negative', 'error', `${name}：不能为负数，实际是 ${input}`, path)];
      if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
        // Deliver the nested issues of the branch that matches the value's shape.
        const branch = issue.errors.find((errs) => errs.every((e) => e.code !== 'invalid_type' || e.path.length > 0));
        if (branch) return branch.flatMap((e) => issueToDiagnostics({ ...e, path: [...issue.path, ...e.path] } as z.core.$ZodIssue, edition, raw, diag));
      }
      if (Array.isArray(input)) {
        const branch = issue.errors.find((errs) => errs.every((e) => !(e.code === 'invalid_type' && e.path.length === 0)));
        if (branch) return branch.flatMap((e) => issueToDiagnostics({ ...e, path: [...issue.path, ...e.path] } as z.core.$ZodIssue, edition, raw, diag));
      }
      return [diag('schema/wrong-type', 'error', `${name}：写法不对，实际是${describe(input)}`, path)];
    }
    default:
      // zod's own message is English: say it in general words (the code tells which rule).
      return [diag('schema/invalid', 'error', `${name}：写法不对，实际是${describe(input)}`, path)];
  }
}

/** Why a `date:` is not a calendar date, in words: no 13th month, no 30 February, two digits each. */
export function dateProblem(input: unknown): string {
  const how = '应写成“2022-01-20”这样的年-月-日，月和日各两位';
  const m = typeof input === 'string' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input) : null;
  if (!m) return `日期写法不对，实际是${describe(input)}；${how}`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `没有 ${month} 月，实际是${describe(input)}；${how}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${year}年${month}月没有 ${day} 日（只有 ${days} 天），实际是${describe(input)}`;
  return `月和日要写两位，实际是${describe(input)}；${how}`;
}

/** The keys an object schema accepts at a path (for "did you mean"). */
function shapeAt(schema: z.ZodTypeAny, path: YamlPath): Record<string, unknown> {
  let s: unknown = schema;
  for (const seg of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, unknown>)[String(seg)];
    else if (s instanceof z.ZodArray) s = s.element;
    else return {};
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? (s.shape as Record<string, unknown>) : {};
}

function unwrap(s: unknown): unknown {
  let cur = s;
  for (;;) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap();
    else if (cur instanceof z.ZodUnion) cur = (cur.options as unknown[]).find((o) => unwrap(o) instanceof z.ZodObject) ?? cur.options[0];
    else return cur;
  }
}
