import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * The folder where nianbao keeps what it can always recompute (issue 18): the names of the
 * system's fonts (fonts/nameCache.ts) and the CLI's compiled code (cli/codeCache.ts).
 * NIANBAO_CACHE_DIR moves it (the tests use their own).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NIANBAO_CACHE_DIR) return env.NIANBAO_CACHE_DIR;
  switch (platform()) {
    case 'win32':
      return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'nianbao', 'Cache');
    case 'darwin':
      return join(homedir(), 'Library', 'Caches', 'nianbao');
    default:
      return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nianbao');
  }
}

/**
 * Writes a cache file whole or not at all: a new file renamed into place, so a reader (another
 * nianbao process at the same moment) never sees half of one. A read-only home or a full disk
 * only means the next run recomputes it: returns false, throws nothing.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  // Per process and thread: a pool's two workers may save the same file at the same moment.
  const tmp = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing to clean up
    }
    return false;
  }
}
