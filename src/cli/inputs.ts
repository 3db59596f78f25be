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
  /**
   * Each input's path relative to the folder or glob base it was found under (the path as given
   * for a file named on the command line), with `/` separators and NFC: the same on every machine
   * whatever the folder is mounted as, for `render --shard` (shard.ts).
   */
  keys: Map<string, string>;
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
  const keys = new Map<string, string>();
  const seen = new Set<string>();
  const add = (f: string, relative: string = f) => {
    const key = resolve(cwd, f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
      keys.set(f, portable(relative));
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
      names.forEach((n) => add(join(arg, n), n));
    } else if (st || !isDynamicPattern(arg)) {
      add(arg);
    } else {
      const matches = await expandGlob(arg, cwd);
      if (matches.length === 0) {
        unmatched.push(arg);
        add(arg);
      }
      for (const m of matches) add(m.file, m.relative);
    }
  }
  return { files, unmatched, keys };
}

const portable = (path: string): string => path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').normalize('NFC');

/** Globs from the pattern's fixed leading folders, so `../x/*.yaml` and `/abs/**` work and print as typed. */
async function expandGlob(pattern: string, cwd: string): Promise<{ file: string; relative: string }[]> {
  const parts = (process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern).split('/');
  const firstDynamic = parts.findIndex((p) => isDynamicPattern(p));
  const base = parts.slice(0, firstDynamic).join('/') || (pattern.startsWith('/') ? '/' : '');
  const rest = parts.slice(firstDynamic).join('/');
  const found = await glob(rest, { cwd: resolve(cwd, base || '.'), onlyFiles: true, expandDirectories: false });
  return found.sort(compareNames).map((f) => ({ file: base ? join(base, f) : f, relative: f }));
}

/** Stable, locale-free order (folders' files in code-point order), the same on every machine. */
const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
