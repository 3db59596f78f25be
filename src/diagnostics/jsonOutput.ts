import { VERSION } from '../version.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * The one `--json` shape of every command (check, render, import, compare), documented in the
 * README and described by `schemas/output.schema.json`: diagnostics as objects, never as
 * preformatted text; `errors` counts error diagnostics and nothing else.
 */
export interface JsonFileResult {
  file: string;
  /** No error diagnostic for this file (and, for render, every output written). */
  ok: boolean;
  /** Files written for this input (render), in format order. */
  outputs?: string[];
  diagnostics: Diagnostic[];
}

export interface JsonOutput {
  version: string;
  files: JsonFileResult[];
  errors: number;
  warnings: number;
  /** Wall time of the command, where it measures one (render). */
  seconds?: number;
}

export function jsonOutput(files: JsonFileResult[], seconds?: number): JsonOutput {
  const all = files.flatMap((f) => f.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  return { version: VERSION, files, errors, warnings: all.length - errors, ...(seconds === undefined ? {} : { seconds }) };
}
