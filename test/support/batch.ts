import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Io } from '../../src/cli/io.js';
import type { EditionId } from '../../src/model/report.js';
import { reportYaml } from './reports.js';

const root = join(import.meta.dirname, '..', '..');
/** Test-only renderers (see fake-renderers.mjs): never the real DOCX/PDF/HTML ones. */
export const FAKE_RENDERERS = pathToFileURL(join(import.meta.dirname, 'fake-renderers.mjs')).href;
/** The built worker: vitest runs TypeScript, worker threads need the JavaScript in dist/. */
export const BUILT_WORKER = pathToFileURL(join(root, 'dist', 'cli', 'batch', 'worker.js'));
export const BIN = join(root, 'dist', 'cli', 'main.js');

/** A fresh folder under the system temp dir. */
export const tempDir = (tag: string): string => mkdtempSync(join(tmpdir(), `nianbao-${tag}-`));

/** A valid report YAML for `agency` (the title follows the agency). */
export function reportFor(agency: string, edition: EditionId = '2021', year?: number): string {
  return reportYaml(edition, [[['agency'], agency], [['title'], undefined]], year === undefined ? {} : { year });
}

/** Writes files into `dir`; returns their paths in the order given. */
export function writeInputs(dir: string, files: Record<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  });
}

/** Every visible output file and its bytes. */
export function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of readdirSync(dir).sort()) if (!n.startsWith('.')) out[n] = readFileSync(join(dir, n), 'latin1');
  return out;
}

export interface CapturedIo extends Io {
  lines: string[];
  stdout: string[];
  raw: string[];
}

export function captureIo(tty = false): CapturedIo {
  const io: CapturedIo = {
    lines: [],
    stdout: [],
    raw: [],
    isTTY: tty,
    columns: 80,
    out: (t) => io.stdout.push(t),
    err: (t) => io.lines.push(...t.split('\n')),
    write: (t) => io.raw.push(t),
  };
  return io;
}
