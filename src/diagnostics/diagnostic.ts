import type { YamlPath } from '../model/report.js';

export type Severity = 'error' | 'warning';

/**
 * One diagnostic shape for everything (design.md): a stable rule `code`, a Chinese `message`
 * naming the cell by its official labels, and the YAML position (1-based line and column).
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  path: YamlPath;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** Stable order: by file, then position, then code — so output is deterministic. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
