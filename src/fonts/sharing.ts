import type { FontRole } from '../model/style.js';
import { officialFace } from './faces.js';
import type { FontSet, ResolvedFace } from './resolve.js';
import { ROLE_NAMES, ROLES } from './roles.js';

/** Roles asking for different official faces that are served by one design (issue 16 item 1). */
export interface SharedFace {
  /** The face they share (PostScript name of the first). */
  face: string;
  /** Official face → the roles that asked for it. */
  wanted: Map<string, FontRole[]>;
  /** Official faces of the group whose own style is missing, with a Debian package that has an open one. */
  remedies: { wanted: string; debian?: string; face?: string }[];
}

/**
 * Groups the roles whose faces are the same design (the same face, or one in another region's or
 * format's file: NotoSerifSC-Regular and NotoSerifCJKsc-Regular), keeping the groups in which
 * different official faces collapsed: 仿宋 body and 宋体 tables in one Noto Serif SC cannot be told
 * apart on the page. Roles that ask for the same official face (表格 and 页码, both 宋体) may share.
 */
export function sharedFaces(set: FontSet): SharedFace[] {
  const groups = new Map<string, { face: ResolvedFace; wanted: Map<string, FontRole[]> }>();
  for (const role of ROLES) {
    const f = set.faces[role];
    if (!f || role === 'latin') continue;
    const key = designKey(f.postscriptName);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { face: f, wanted: new Map() }));
    g.wanted.set(f.wanted, [...(g.wanted.get(f.wanted) ?? []), role]);
  }
  return [...groups.values()]
    .filter((g) => g.wanted.size > 1)
    .map((g) => ({
      face: g.face.postscriptName,
      wanted: g.wanted,
      remedies: [...g.wanted.keys()]
        .filter((w) => !officialFace(w).fallbackFits || officialFace(w).open.some((o) => !o.cssOnly))
        .filter((w) => [...g.wanted.get(w)!].some((r) => set.faces[r]!.source === 'fallback'))
        .map((w) => {
          const open = officialFace(w).open.find((o) => !o.cssOnly && o.debian);
          return open ? { wanted: w, debian: open.debian!, face: open.label } : { wanted: w };
        }),
    }));
}

/** Same design, whatever the file: region suffixes and the CJK infix of Noto/Source Han names dropped. */
function designKey(postscriptName: string): string {
  return postscriptName.toLowerCase().replace(/cjk/g, '').replace(/(sc|tc|jp|kr|hk|cn)(?=-|$)/g, '');
}


/** One Chinese sentence per group, for `nianbao fonts` and the `font/shared-face` warning. */
export function sharedFaceMessages(set: FontSet): string[] {
  return sharedFaces(set).map((s) => {
    const who = [...s.wanted].map(([w, roles]) => `${w}（${roles.map((r) => ROLE_NAMES[r]).join('、')}）`).join('和');
    const fix = s.remedies.map((r) => `${r.wanted} 请把正版字体放进 fonts/ 文件夹${r.debian ? `，或安装软件包 ${r.debian}（开源的${r.face}）` : ''}`);
    return `${who}都用同一字体 ${s.face}，印出来分不清${fix.length > 0 ? `；${fix.join('；')}` : ''}`;
  });
}
