import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { YamlPath } from '../model/report.js';

/**
 * What reports print in a cell that does not apply (spec §5: `-` in 武汉 2020; `/` and `—` in
 * many WPS tables; `无`). In the YAML a cell is a number, or null for a blank.
 */
const DASH = /^\s*(?:[/／\\＼\-－—–―‐‑−─~～]+|无|空)\s*$/;
const FIGURE_SECTIONS = new Set(['proactive', 'applications', 'review', 'fees']);

/**
 * A figure cell written `/`, `—` or the like: one clear error saying what to write instead,
 * in place of "应为数字" or "金额写法不对". Null for anything else.
 */
export function dashCell(path: YamlPath, input: unknown, name: string, diag: (code: string, severity: Diagnostic['severity'], message: string, path: YamlPath) => Diagnostic): Diagnostic | null {
  if (typeof input !== 'string' || !DASH.test(input) || !FIGURE_SECTIONS.has(String(path[0])) || path.includes('text') || path.includes('label')) return null;
  return diag('schema/dash-cell', 'error', `${name}：写的是“${input.trim()}”，不是数字。不适用或没有数字的单元格请留空（写 null，打印为空白）或写 0`, path);
}
