import { checkCrossYear } from '../check/crossyear.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Report } from '../model/report.js';
import { atFor } from '../pipeline.js';
import type { SourceFile } from '../source/load.js';
import { KEY_FIGURES } from './keyFigures.js';

export interface CompareInput {
  file: string;
  report: Report;
  source: SourceFile;
}

export interface Comparison {
  /** The files in year order. */
  columns: { file: string; year: number; agency: string; edition: string }[];
  /** `values` for arithmetic; `printed` as each report prints them (money keeps its decimals). */
  rows: { label: string; values: (number | null)[]; printed: (string | null)[] }[];
  /** X1–X3 (spec §4.3) between each consecutive pair, placed in the later file, naming the earlier. */
  diagnostics: Diagnostic[];
}

/** Several years of one agency side by side, with the cross-year checks between neighbours (pure). */
export function compareReports(inputs: CompareInput[]): Comparison {
  const sorted = [...inputs].sort((a, b) => a.report.year - b.report.year);
  const diagnostics: Diagnostic[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    const where = (path: readonly (string | number)[]) => {
      const p = prev.source.positionOf(path);
      return `${prev.file}:${p.line}:${p.column}`;
    };
    diagnostics.push(...checkCrossYear(prev.report, cur.report, atFor(cur.source), prev.file, where));
  }
  return {
    columns: sorted.map((s) => ({ file: s.file, year: s.report.year, agency: s.report.agency, edition: s.report.edition })),
    rows: KEY_FIGURES.map((k) => {
      const values = sorted.map((s) => k.read(s.report));
      const printed = sorted.map((s, i) => (k.print ? k.print(s.report) : values[i] === null ? null : String(values[i])));
      return { label: k.label, values, printed };
    }),
    diagnostics,
  };
}
