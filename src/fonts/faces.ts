/**
 * The faces each official font name (spec §6.2) can be served by, in order: the names the official
 * face has on Windows, macOS and in vendor files, then open faces of the same style that a machine
 * may have installed. One table for the PDF's and DOCX's font resolution (roles.ts, resolve.ts) and
 * the HTML's font stacks (render/html/fonts.ts); pure data, so the browser bundle can read it.
 */

/** An open face of the right style, looked for after the official names. */
export interface OpenFace {
  /**
   * PostScript names, then full names (CSS `local()` only). Resolution matches the PostScript name:
   * a family name such as `LXGW WenKai` also answers for the Bold and Light files.
   */
  names: string[];
  /** The Debian/Ubuntu package that installs it, named in the message when a role falls back. */
  debian?: string;
  /** What a clerk calls it. */
  label: string;
  /** Only for HTML: as heavy as the bundled fallback, so the PDF keeps its TrueType fallback. */
  cssOnly?: true;
}

export interface OfficialFace {
  /** The official face and its other names (the official one first). */
  aliases: string[];
  /** Screen stand-ins of a related design that HTML names but the PDF never embeds (宋体 for 小标宋). */
  cssStandIns: string[];
  /** Open faces of the same style, best first. */
  open: OpenFace[];
  /** The bundled open fallback has the right style (a 宋体 for 宋体, a 黑体 for 黑体), not only the right script. */
  fallbackFits: boolean;
  generic: 'serif' | 'sans-serif';
}

const KAI: OpenFace[] = [
  { names: ['LXGWWenKai-Regular'], debian: 'fonts-lxgw-wenkai', label: '霞鹜文楷（LXGW WenKai）' },
  { names: ['UKaiCN', 'AR PL UKai CN'], debian: 'fonts-arphic-ukai', label: '文鼎 PL 中楷（AR PL UKai）' },
  { names: ['FandolKai-Regular'], debian: 'texlive-lang-chinese', label: 'FandolKai' },
];

const FANG: OpenFace[] = [
  { names: ['FandolFang-Regular'], debian: 'texlive-lang-chinese', label: 'FandolFang' },
  { names: ['ZhuqueFangsong-Regular'], label: '朱雀仿宋' },
];

/** 小标宋 is a heavy 宋体: the heaviest Noto Serif CJK / Source Han Serif weight installed. */
const HEAVY_SERIF: OpenFace[] = [
  { names: ['NotoSerifCJKsc-Black', 'Noto Serif CJK SC Black'], debian: 'fonts-noto-cjk-extra', label: 'Noto Serif CJK SC Black' },
  { names: ['SourceHanSerifSC-Heavy', 'Source Han Serif SC Heavy', 'SourceHanSerifCN-Heavy', 'Source Han Serif CN Heavy'], label: '思源宋体 Heavy' },
  { names: ['NotoSerifSC-Black', 'Noto Serif SC Black'], label: 'Noto Serif SC Black' },
  { names: ['NotoSerifCJKsc-Bold', 'Noto Serif CJK SC Bold'], debian: 'fonts-noto-cjk', label: 'Noto Serif CJK SC Bold', cssOnly: true },
  { names: ['SourceHanSerifSC-Bold', 'Source Han Serif SC Bold'], label: '思源宋体 Bold', cssOnly: true },
  { names: ['NotoSerifSC-Bold', 'Noto Serif SC Bold'], label: 'Noto Serif SC Bold', cssOnly: true },
];

export const OFFICIAL_FACES: Readonly<Record<string, OfficialFace>> = {
  方正小标宋简体: {
    aliases: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '方正小标宋'],
    cssStandIns: ['华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Songti SC'],
    open: HEAVY_SERIF,
    fallbackFits: true,
    generic: 'serif',
  },
  黑体: {
    aliases: ['黑体', 'SimHei', 'Heiti SC', 'STHeiti', '华文黑体'],
    cssStandIns: ['Microsoft YaHei', 'PingFang SC'],
    open: [],
    fallbackFits: true,
    generic: 'sans-serif',
  },
  楷体_GB2312: {
    aliases: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', '华文楷体', 'Kaiti SC'],
    cssStandIns: [],
    open: KAI,
    fallbackFits: false,
    generic: 'serif',
  },
  仿宋_GB2312: {
    aliases: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', '华文仿宋'],
    cssStandIns: [],
    open: FANG,
    fallbackFits: false,
    generic: 'serif',
  },
  宋体: {
    aliases: ['宋体', 'SimSun', 'NSimSun', 'Songti SC', 'STSong', '华文宋体'],
    cssStandIns: [],
    open: [],
    fallbackFits: true,
    generic: 'serif',
  },
  'Times New Roman': {
    aliases: ['Times New Roman', 'TimesNewRomanPSMT'],
    cssStandIns: [],
    open: [],
    fallbackFits: true,
    generic: 'serif',
  },
};

/** The bundled fallback's family names as an installed system may also have them (HTML stacks). */
export const FALLBACK_FAMILIES = { serif: ['Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC'], 'sans-serif': ['Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC'] } as const;

/** What the style asks for, as a known official face or a face named only by itself. */
export function officialFace(name: string): OfficialFace {
  return OFFICIAL_FACES[name] ?? { aliases: [name], cssStandIns: [], open: [], fallbackFits: true, generic: 'serif' };
}
