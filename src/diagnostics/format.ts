import type { Diagnostic } from './diagnostic.js';

const SEVERITY: Record<Diagnostic['severity'], string> = { error: '错误', warning: '警告' };

/** Terminal width of a string: East Asian wide and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)) ? 2 : 1;
  }
  return w;
}

/**
 * Compiler-style text (design.md "Diagnostics"):
 * `file:line:col 错误 message [code]`, then the source line and a caret under the column.
 */
export function formatDiagnostic(d: Diagnostic, lineText?: string): string {
  const head = `${d.file}:${d.line}:${d.column} ${SEVERITY[d.severity]} ${d.message} [${d.code}]`;
  if (lineText === undefined || lineText.trim() === '') return head;
  const shown = lineText.replace(/\t/g, ' ');
  const prefix = [...shown].slice(0, Math.max(0, d.column - 1)).join('');
  const gutter = `${String(d.line).padStart(5)} | `;
  return `${head}\n${gutter}${shown}\n${' '.repeat(gutter.length - 2)}| ${' '.repeat(displayWidth(prefix))}^`;
}

export function summaryLine(files: number, errors: number, warnings: number): string {
  return `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告`;
}
