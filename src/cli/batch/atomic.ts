import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The file-system calls an atomic write makes; tests swap in faults (disk full, read-only). */
export interface AtomicFs {
  mkdir: typeof nodeFs.mkdir;
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  rm: typeof nodeFs.rm;
  readdir: typeof nodeFs.readdir;
  stat: typeof nodeFs.stat;
}

export const realFs: AtomicFs = nodeFs;

/** Temporary files are dot-files carrying the writer's pid, so a later run can tell stale ones. */
const TEMP = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Writes a file atomically: into a temporary dot-file in the same folder, flushed with fsync,
 * then renamed over the target. A crash, a kill or a failed write never leaves a truncated file
 * and never replaces a good earlier output. (The folder itself is not fsynced: after a power
 * cut the rename may be lost, which leaves the previous output, still whole.)
 */
export async function writeAtomic(dir: string, name: string, bytes: Uint8Array, fs: AtomicFs = realFs): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const target = join(dir, name);
  const tmp = join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await fs.open(tmp, 'wx');
    try {
      await writeAll(fh, bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, target);
    return target;
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * Removes temporary files left in `dir` by a run that was killed: their writer's pid is gone,
 * or they are older than a day (the pid may have been reused). Files of a live run are kept,
 * so two runs into one folder do not trip each other.
 */
export async function cleanStaleTemps(dir: string, fs: AtomicFs = realFs): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const old = await fs.stat(path).then((s) => Date.now() - s.mtimeMs > STALE_AFTER_MS, () => false);
    if (old || !alive(Number(m[1]))) {
      await fs.rm(path, { force: true }).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `NIANBAO_TEST_SLOW_WRITE=ms` (tests only) pauses half-way through the temporary file, so a
 * test can kill the process mid-write and find the previous output intact.
 */
async function writeAll(fh: nodeFs.FileHandle, bytes: Uint8Array): Promise<void> {
  const pause = Number(process.env.NIANBAO_TEST_SLOW_WRITE ?? 0);
  if (!(pause > 0)) {
    await fh.writeFile(bytes);
    return;
  }
  const half = Math.floor(bytes.length / 2);
  await fh.write(bytes, 0, half);
  await fh.sync();
  await sleep(pause);
  await fh.write(bytes, half, bytes.length - half);
}
