import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { cacheDir, writeCacheFile } from '../userCache.js';
import type { FaceNames } from './names.js';

/**
 * The names of the faces in the system's font files, kept between runs: indexing the font folders
 * read the `name` table of every face of 70-odd files, 20–30 ms of every process that resolves
 * fonts (each pool worker too; issue 18). An entry holds while the file's size and modification
 * time are the same; anything odd about the cache (missing, damaged, unwritable) only means the
 * files are read again. NIANBAO_CACHE_DIR moves it (the tests use their own).
 */
const FILE = 'font-names-v1.json';

interface Entry {
  size: number;
  mtimeMs: number;
  faces: FaceNames[];
}

export class FaceNameCache {
  private entries: Map<string, Entry> | undefined;
  private changed = false;

  constructor(private readonly file = join(cacheDir(), FILE)) {}

  /** The faces of `path` from the cache when its size and time match, else from `read` (and kept). */
  faces(path: string, size: number, mtimeMs: number, read: (path: string) => FaceNames[]): FaceNames[] {
    const entries = this.load();
    const hit = entries.get(path);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) return hit.faces;
    const faces = read(path);
    entries.set(path, { size, mtimeMs, faces });
    this.changed = true;
    return faces;
  }

  /** Drops the entries of files under `dir` that are gone (`seen`: the font files found there now). */
  forget(dir: string, seen: ReadonlySet<string>): void {
    const under = dir.endsWith(sep) ? dir : dir + sep;
    for (const path of this.load().keys()) {
      if (path.startsWith(under) && !seen.has(path)) {
        this.load().delete(path);
        this.changed = true;
      }
    }
  }

  /** Writes the cache if it changed: a whole new file renamed into place, so a reader never sees half of one. */
  save(): void {
    if (!this.changed || !this.entries) return;
    this.changed = false;
    // A read-only home or a full disk: the next run reads the font files again.
    writeCacheFile(this.file, JSON.stringify({ files: Object.fromEntries(this.entries) }));
  }

  private load(): Map<string, Entry> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { files?: Record<string, Entry> };
      for (const [path, e] of Object.entries(parsed.files ?? {})) {
        if (typeof e?.size === 'number' && typeof e.mtimeMs === 'number' && Array.isArray(e.faces) && e.faces.every((f) => isFace(f, path))) this.entries.set(path, e);
      }
    } catch {
      // No cache yet, or not one this version can read.
    }
    return this.entries;
  }
}

function isFace(f: unknown, path: string): f is FaceNames {
  const face = f as FaceNames | null;
  return typeof face === 'object' && face !== null && face.file === path && typeof face.postscriptName === 'string' && Array.isArray(face.names) && face.names.every((n) => typeof n === 'string');
}
