import type { FontRole, Style } from '../../model/style.js';
import { cssString } from './escape.js';

/**
 * font-family stacks, from the official face (spec §6.2) through the names the same design has
 * on Windows, macOS and Linux, to the open CJK faces and a generic family. Nothing is fetched:
 * the page only names faces the reader's system may have.
 */
const STACKS: Record<string, { faces: string[]; generic: 'serif' | 'sans-serif' }> = {
  方正小标宋简体: {
    faces: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', '方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC'],
    generic: 'serif',
  },
  仿宋_GB2312: {
    faces: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC'],
    generic: 'serif',
  },
  楷体_GB2312: {
    faces: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '华文楷体', 'STKaiti', 'Kaiti SC', 'AR PL UKai CN', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC'],
    generic: 'serif',
  },
  黑体: {
    faces: ['黑体', 'SimHei', 'Heiti SC', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC'],
    generic: 'sans-serif',
  },
  宋体: {
    faces: ['宋体', 'SimSun', 'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC'],
    generic: 'serif',
  },
};

/** The family name of the Latin face (digits and ASCII in Times New Roman, spec §6.2 practice). */
export const LATIN_FAMILY = 'nianbao-latin';

/**
 * Restricts the Latin face to ASCII with `unicode-range`, so that curly quotes and CJK
 * punctuation stay in the CJK face (Times New Roman has “” of Latin width). `local()` only.
 */
export function latinFontFace(style: Style): string {
  const faces = [style.fonts.latin, 'TimesNewRomanPSMT', 'Liberation Serif', 'Tinos'];
  const src = [...new Set(faces)].map((f) => `local(${cssString(f)})`).join(', ');
  return `@font-face { font-family: ${LATIN_FAMILY}; src: ${src}; unicode-range: U+0020-007E; }`;
}

/** The CSS font-family value for a role: the Latin face first, then the CJK stack. */
export function fontStack(style: Style, role: FontRole): string {
  const official = style.fonts[role];
  const known = STACKS[official];
  const faces = known ? known.faces : [official];
  const generic = known ? known.generic : 'serif';
  return [LATIN_FAMILY, ...faces.map(cssString), generic].join(', ');
}
