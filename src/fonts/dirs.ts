import { readdirSync, statSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { extname, join } from 'node:path';
import { FaceNameCache } from './nameCache.js';
import { readFaceNames, type FaceNames } from './names.js';

/** The font folders of the running system (design.md "Fonts": Windows, macOS, Linux). */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return [join(env.WINDIR ?? 'C:\\Windows', 'Fonts'), ...(env.LOCALAPPDATA ? [join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
    case 'darwin':
      return ['/Library/Fonts', '/System/Library/Fonts', join(home, 'Library/Fonts')];
    default:
      // TeX Live keeps the open Fandol faces (FandolFang: the only open 仿宋 in Debian) outside the font folders.
      return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.fonts'), join(home, '.local/share/fonts'), '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol'];
  }
}

const FONT_EXT = new Set(['.ttf', '.otf', '.ttc']);
export interface FolderIndex {
  faces: FaceNames[];
  /** Files named like fonts that are not fonts (a renamed .doc, a truncated download). */
  broken: string[];
}
const indexCache = new Map<string, FolderIndex>();
/** Between runs (nameCache.ts); opened on the first index of a process. */
let names: FaceNameCache | undefined;

/** Every face in the font files under `dir` (recursively), read once per process. */
export function indexFolder(dir: string): FolderIndex {
  const hit = indexCache.get(dir);
  if (hit) return hit;
  const faces: FaceNames[] = [];
  const broken: string[] = [];
  const cache = (names ??= new FaceNameCache());
  const seen = new Set<string>();
  const walk = (d: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const p = join(d, name);
      if (FONT_EXT.has(extname(name).toLowerCase())) {
        let found: FaceNames[];
        try {
          const st = statSync(p);
          found = cache.faces(p, st.size, st.mtimeMs, readFaceNames);
          seen.add(p);
        } catch {
          found = [];
        }
        if (found.length === 0) broken.push(p);
        faces.push(...found);
      }
      else if (depth < 6 && !name.startsWith('.')) {
        try {
          if (statSync(p).isDirectory()) walk(p, depth + 1);
        } catch {
          /* unreadable entry: skip */
        }
      }
    }
  };
  walk(dir, 0);
  cache.forget(dir, seen);
  cache.save();
  const index = { faces, broken };
  indexCache.set(dir, index);
  return index;
}
