import type { FontRole } from '../model/style.js';

/** The open fallback a role uses when no licensed face is found (npm packages, OFL). */
export interface FallbackFace {
  pkg: '@expo-google-fonts/noto-serif-sc' | '@expo-google-fonts/noto-sans-sc';
  /** File inside the package, e.g. `400Regular/NotoSerifSC_400Regular.ttf`. */
  file: string;
}

export interface RoleSpec {
  /** Names the face is known by on Windows, macOS and in vendor files, the official one first. */
  aliases: string[];
  /** Fallback face; `undefined` = use the role's CJK face instead (Latin digits). */
  fallback?: FallbackFace;
}

const serif = (weight: '400Regular' | '700Bold'): FallbackFace => ({
  pkg: '@expo-google-fonts/noto-serif-sc',
  file: `${weight}/NotoSerifSC_${weight}.ttf`,
});
const sans: FallbackFace = { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' };

/** Aliases of the official faces of spec §6.2, keyed by the name the style gives. */
const ALIASES: Record<string, string[]> = {
  方正小标宋简体: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '方正小标宋'],
  黑体: ['黑体', 'SimHei', 'Heiti SC', 'STHeiti', '华文黑体'],
  楷体_GB2312: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', '华文楷体', 'Kaiti SC'],
  仿宋_GB2312: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', '华文仿宋'],
  宋体: ['宋体', 'SimSun', 'NSimSun', 'Songti SC', 'STSong', '华文宋体'],
  'Times New Roman': ['Times New Roman', 'TimesNewRomanPSMT'],
};

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

export const ROLES: readonly FontRole[] = ['title', 'heading1', 'heading2', 'heading3', 'body', 'table', 'pageNumber', 'latin'];

/** What to look for to serve `role`, given the face name the style asks for. */
export function roleSpec(role: FontRole, faceName: string): RoleSpec {
  const aliases = ALIASES[faceName] ?? [faceName];
  const fallback = FALLBACK[role];
  return fallback ? { aliases, fallback } : { aliases };
}

/** `NIANBAO_FONT_HEADING1` etc.: the environment variable that sets a role's file. */
export function envName(role: FontRole): string {
  return `NIANBAO_FONT_${role.toUpperCase()}`;
}
