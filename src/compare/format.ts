import { displayWidth } from '../diagnostics/format.js';
import type { Comparison } from './compare.js';

const shown = (v: string | null) => v ?? '—';
const heading = (c: Comparison['columns'][number]) => `${c.year}年`;

/** A terminal table: labels left, one right-aligned column per year. */
export function comparisonText(c: Comparison): string {
  const head = ['项目', ...c.columns.map(heading)];
  const body = c.rows.map((r) => [r.label, ...r.printed.map(shown)]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => displayWidth(row[i]!))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - displayWidth(s)) + s : s + ' '.repeat(w - displayWidth(s)));
  const line = (row: string[]) => row.map((s, i) => pad(s, widths[i]!, i > 0)).join('  ');
  const agencies = [...new Set(c.columns.map((x) => x.agency))].join('、');
  return [`${agencies} 年报关键数字对比（${c.columns.map((x) => `${x.year}：${x.file}`).join('；')}）`, line(head), ...body.map(line)].join('\n');
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV (UTF-8 with BOM so that Excel opens the Chinese text correctly); blank figures are empty. */
export function comparisonCsv(c: Comparison): string {
  const rows = [['项目', ...c.columns.map(heading)], ...c.rows.map((r) => [r.label, ...r.printed.map((v) => v ?? '')])];
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A standalone HTML page: the table (with scope headers) and the cross-year findings. */
export function comparisonHtml(c: Comparison): string {
  const agencies = [...new Set(c.columns.map((x) => x.agency))].join('、');
  const title = `${agencies} 政府信息公开工作年度报告关键数字对比`;
  const head = `<tr><th scope="col">项目</th>${c.columns.map((x) => `<th scope="col">${esc(heading(x))}<br><small>${esc(x.file)}</small></th>`).join('')}</tr>`;
  const body = c.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${r.printed.map((v) => `<td>${esc(shown(v))}</td>`).join('')}</tr>`).join('\n');
  const findings = c.diagnostics.length
    ? `<h2>跨年度核对</h2><ul>${c.diagnostics.map((d) => `<li>${esc(`${d.file}:${d.line}:${d.column} ${d.severity === 'error' ? '错误' : '警告'} ${d.message} [${d.code}]`)}</li>`).join('')}</ul>`
    : '<h2>跨年度核对</h2><p>相邻年度之间没有发现问题。</p>';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3em .6em}td{text-align:right}th[scope=row]{text-align:left;font-weight:normal}</style>
</head><body><h1>${esc(title)}</h1>
<table><caption>关键数字（— 表示该年度的版式没有这一项）</caption>
<thead>${head}</thead><tbody>
${body}
</tbody></table>
${findings}
</body></html>`;
}
