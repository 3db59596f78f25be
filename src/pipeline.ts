import { checkCrossYear } from './check/crossyear.js';
import { checkIdentities, type At } from './check/identities.js';
import { checkPlausibility } from './check/plausibility.js';
import { asPublished } from './check/published.js';
import { compose } from './compose/document.js';
import type { Locate } from './compose/tables.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Document } from './model/document.js';
import type { Report } from './model/report.js';
import { validate } from './schema/validate.js';
import { decodeYamlBytes } from './source/decode.js';
import { loadYaml, type SourceFile } from './source/load.js';

export interface Checked {
  file: string;
  source?: SourceFile;
  report?: Report;
  diagnostics: Diagnostic[];
}

/** load → validate → check, collecting every problem. Pure: bytes in, values out. */
export function checkBytes(bytes: Uint8Array, file: string, previous?: Checked): Checked {
  const decoded = decodeYamlBytes(bytes);
  if (!decoded.ok) return { file, diagnostics: [{ code: decoded.code, severity: 'error', message: decoded.message, file, line: 1, column: 1, path: [] }] };
  return checkText(decoded.text, file, previous);
}

export function checkText(text: string, file: string, previous?: Checked): Checked {
  const loaded = loadYaml(text, file);
  if (!loaded.ok) return { file, diagnostics: loaded.diagnostics };
  const source = loaded.source;
  const validated = validate(source);
  if (!validated.ok) return { file, source, diagnostics: sortDiagnostics(validated.diagnostics) };
  const report = validated.report;
  const at = atFor(source);
  const diagnostics = [...validated.diagnostics, ...checkIdentities(report, at), ...checkPlausibility(report, at)];
  if (previous?.report && previous.source) {
    const prevSource = previous.source;
    const where = (path: readonly (string | number)[]) => {
      const p = prevSource.positionOf(path);
      return `${prevSource.file}:${p.line}:${p.column}`;
    };
    diagnostics.push(...checkCrossYear(previous.report, report, at, prevSource.file, where));
  }
  return { file, source, report, diagnostics: sortDiagnostics(report.published ? asPublished(diagnostics) : diagnostics) };
}

export function atFor(source: SourceFile): At {
  return (code, severity, message, path, snippet, occurrence) => ({
    code,
    severity,
    message,
    file: source.file,
    ...(snippet ? source.positionIn(path, snippet, occurrence) : source.positionOf(path)),
    path,
  });
}

export function locatorFor(source: SourceFile): Locate {
  return (path) => ({ file: source.file, ...source.positionOf(path), path });
}

/** A checked report → its Document, positions kept for renderer-side diagnostics. */
export function composeChecked(checked: Checked): Document | undefined {
  if (!checked.report || !checked.source) return undefined;
  return compose(checked.report, locatorFor(checked.source));
}
