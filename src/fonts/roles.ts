import type { FontRole } from '../model/style.js';
import { officialFace } from './faces.js';

/** The open fallback a role uses when no licensed face is found (npm packages, OFL). */
export interface FallbackFace {
  pkg: '@expo-google-fonts/noto-serif-sc' | '@expo-google-fonts/noto-sans-sc';
  /** File inside the package, e.g. `400Regular/NotoSerifSC_400Regular.ttf`. */
  file: string;
}

export interface RoleSpec {
  /** Names the face is known by on Windows, macOS and in vendor files, the official one first. */
  aliases: string[];
  /** PostScript names of open faces of the same style, tried after the official names (faces.ts). */
  open: string[];
  /** Fallback face; `undefined` = use the role's CJK face instead (Latin digits). */
  fallback?: FallbackFace;
}

const serif = (weight: '400Regular' | '700Bold'): FallbackFace => ({
  pkg: '@expo-google-fonts/noto-serif-sc',
  file: `${weight}/NotoSerifSC_${weight}.ttf`,
});
const sans: FallbackFace = { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' };

/** Open fallback per role (design.md "Fonts"): 黑体 → Noto Sans SC; the others → Noto Serif SC. */
const FALLBACK: Record<FontRole, FallbackFace | undefined> = {
  title: serif('700Bold'),
  heading1: sans,
  heading2: serif('400Regular'),
  heading3: serif('700Bold'),
  body: serif('400Regular'),
  table: serif('400Regular'),
  pageNumber: serif('400Regular'),
  latin: undefined,
};

/** What a clerk calls each role (nianbao fonts, font warnings). */
export const ROLE_NAMES: Record<FontRole, string> = {
  title: '标题',
  heading1: '一级标题（一、）',
  heading2: '二级标题（（一））',
  heading3: '三级标题（1.）',
  body: '正文',
  table: '表格',
  pageNumber: '页码',
  latin: '数字和西文',
};

export const ROLES: readonly FontRole[] = ['title', 'heading1', 'heading2', 'heading3', 'body', 'table', 'pageNumber', 'latin'];

/** What to look for to serve `role`, given the face name the style asks for. */
export function roleSpec(role: FontRole, faceName: string): RoleSpec {
  const face = officialFace(faceName);
  const aliases = face.aliases;
  const open = face.open.filter((o) => !o.cssOnly).map((o) => o.names[0]!);
  const fallback = FALLBACK[role];
  return fallback ? { aliases, open, fallback } : { aliases, open };
}

/** `NIANBAO_FONT_HEADING1` etc.: the environment variable that sets a role's file. */
export function envName(role: FontRole): string {
  return `NIANBAO_FONT_${role.toUpperCase()}`;
}
