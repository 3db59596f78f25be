import { createRequire } from 'node:module';
import { join, resolve as resolvePath } from 'node:path';
import type { FontRole } from '../model/style.js';
import { indexFolder, systemFontDirs } from './dirs.js';
import { FontFileError, loadFace, type LoadedFace } from './load.js';
import type { FaceNames } from './names.js';
import { ROLES, roleSpec, type FallbackFace } from './roles.js';

/** `open`: an installed open face of the official face's style (霞鹜文楷 for 楷体), in fonts/ or the system's. */
export type FaceSource = 'explicit' | 'project' | 'system' | 'open' | 'fallback';

/** The face that serves one role, and where it came from. */
export interface ResolvedFace extends LoadedFace {
  role: FontRole;
  /** The face the style asks for (official name, spec §6.2). */
  wanted: string;
  source: FaceSource;
  /** The face itself is bold (a 700 fallback, or a file named Bold); else bold is synthesised. */
  bold: boolean;
}

export interface FontSettings {
  /** Role → file (`path` or `path#PostScriptName` for a face inside a .ttc). */
  explicit: Partial<Record<FontRole, string>>;
  /** The project's `fonts/` folder, where an agency drops its licensed fonts. */
  projectDir?: string;
  /** System font folders; defaults to the running OS's. */
  systemDirs?: string[];
}

export interface FontSet {
  /** `latin` is absent when no Times New Roman is found: the role's CJK face sets the digits. */
  faces: Partial<Record<FontRole, ResolvedFace>>;
  /** Chinese messages: unreadable files skipped, and so on. */
  problems: string[];
}

const require = createRequire(import.meta.url);
const setCache = new Map<string, FontSet>();

export function defaultFontSettings(explicit: FontSettings['explicit'] = {}): FontSettings {
  return { explicit, projectDir: resolvePath('fonts') };
}

/**
 * Roles → faces → files (design.md "Fonts"): explicit setting, then the official face in the
 * project's `fonts/` and the system's font folders (matched by family, full or PostScript name),
 * then an installed open face of the same style (faces.ts), then the bundled open fallback.
 * A file that is not a font is reported and the next candidate tried. Cached per process.
 */
export function resolveFonts(wanted: Record<FontRole, string>, settings: FontSettings): FontSet {
  const key = JSON.stringify([wanted, settings]);
  const hit = setCache.get(key);
  if (hit) return hit;
  const problems: string[] = [];
  const faces: FontSet['faces'] = {};
  const tryLoad = (file: string, ps?: string): LoadedFace | undefined => {
    try {
      return loadFace(file, ps);
    } catch (e) {
      if (!(e instanceof FontFileError)) throw e;
      if (!problems.includes(e.message)) problems.push(`${e.message}，改用下一个候选字体`);
      return undefined;
    }
  };
  const folders = (dirs: string[]) => {
    const out: FaceNames[] = [];
    for (const d of dirs) {
      const idx = indexFolder(d);
      out.push(...idx.faces);
      for (const b of idx.broken) {
        const msg = `${b} 不是有效的字体文件（支持 .ttf、.otf、.ttc），已跳过`;
        if (!problems.includes(msg)) problems.push(msg);
      }
    }
    return out;
  };

  for (const role of ROLES) {
    const spec = roleSpec(role, wanted[role]);
    const make = (f: LoadedFace, source: FaceSource): ResolvedFace => ({ ...f, role, wanted: wanted[role], source, bold: /bold|black|heavy|粗/i.test(f.postscriptName) });
    let face: ResolvedFace | undefined;
    const explicit = settings.explicit[role];
    if (explicit) {
      const [file, ps] = explicit.split('#') as [string, string | undefined];
      const f = tryLoad(resolvePath(file), ps);
      if (f) face = make(f, 'explicit');
    }
    // Official names in the project folder, then on the system; only then open faces of the same
    // style (霞鹜文楷 for 楷体 …, matched by PostScript name), then the bundled fallback.
    const sources: [FaceSource, string[]][] = [
      ['project', settings.projectDir ? [settings.projectDir] : []],
      ['system', settings.systemDirs ?? systemFontDirs()],
    ];
    const passes: [string[], boolean][] = [[spec.aliases, false], [spec.open, true]];
    for (const [names, byPostscript] of passes) {
      for (const [source, dirs] of sources) {
        if (face) break;
        const index = folders(dirs);
        for (const name of names) {
          const a = name.toLowerCase();
          const match = index.filter((n) => n.postscriptName.toLowerCase() === a || (!byPostscript && n.names.some((x) => x.toLowerCase() === a)));
          for (const m of match) {
            const f = tryLoad(m.file, m.postscriptName);
            if (f) {
              face = make(f, byPostscript ? 'open' : source);
              break;
            }
          }
          if (face) break;
        }
      }
    }
    if (!face && spec.fallback) {
      const f = tryLoad(fallbackPath(spec.fallback));
      if (f) face = { ...make(f, 'fallback'), bold: spec.fallback.file.includes('Bold') };
    }
    if (face) faces[role] = face;
  }
  const set = { faces, problems };
  setCache.set(key, set);
  return set;
}

/** Where npm installed a fallback face. */
export function fallbackPath(f: FallbackFace): string {
  return join(require.resolve(`${f.pkg}/package.json`).replace(/package\.json$/, ''), f.file);
}
