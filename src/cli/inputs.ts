import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** `-` on the command line: the report comes from standard input. */
export const STDIN = '-';
/** How standard input is named in messages and in `--json`. */
export const STDIN_NAME = '标准输入';
export const displayName = (file: string): string => (file === STDIN ? STDIN_NAME : file);

export interface Expanded {
  /**
   * Inputs in the order given, each once. A path that does not exist and a pattern that matched
   * nothing stay in the list, so each is reported like any missing file (same message, exit 1),
   * whatever characters its name has.
   */
  files: string[];
  /** Patterns that matched no file (also in `files`). */
  unmatched: string[];
}

/**
 * Expands the command line's files, folders and globs, for every command that takes several
 * (render, check, compare, merge). Globs are expanded here too, so a
 * quoted `'data/**\/*.yaml'` works in every shell (and on Windows, whose shell expands none).
 * An existing path is taken literally even when its name has glob characters (`报告[2021].yaml`);
 * a folder stands for the YAML files directly in it. Missing plain paths are kept, so the
 * batch reports them as unreadable.
 */
export async function expandInputs(args: readonly string[], cwd: string = process.cwd()): Promise<Expanded> {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = resolve(cwd, f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const arg of args) {
    if (arg === STDIN) {
      add(STDIN);
      continue;
    }
    const st = await stat(resolve(cwd, arg)).catch(() => undefined);
    if (st?.isDirectory()) {
      const names = (await readdir(resolve(cwd, arg))).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
      if (names.length === 0) unmatched.push(arg);
      // An empty folder is reported as such by the caller (nothing to add).
      names.forEach((n) => add(join(arg, n)));
    } else if (st || !isDynamicPattern(arg)) {
      add(arg);
    } else {
      const matches = await expandGlob(arg, cwd);
      if (matches.length === 0) {
        unmatched.push(arg);
        add(arg);
      }
      matches.forEach(add);
    }
  }
  return { files, unmatched };
}

/** Globs from the pattern's fixed leading folders, so `../x/*.yaml` and `/abs/**` work and print as typed. */
async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const parts = (process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern).split('/');
  const firstDynamic = parts.findIndex((p) => isDynamicPattern(p));
  const base = parts.slice(0, firstDynamic).join('/') || (pattern.startsWith('/') ? '/' : '');
  const rest = parts.slice(firstDynamic).join('/');
  const found = await glob(rest, { cwd: resolve(cwd, base || '.'), onlyFiles: true, expandDirectories: false });
  return found.sort(compareNames).map((f) => (base ? join(base, f) : f));
}

/** Stable, locale-free order (folders' files in code-point order), the same on every machine. */
const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
