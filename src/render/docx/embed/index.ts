import { createHash } from 'node:crypto';
import { renameFace, windowsRecords } from '../../../fonts/rename.js';
import { defaultFontSettings, resolveFonts } from '../../../fonts/resolve.js';
import { roleSpec } from '../../../fonts/roles.js';
import { sharedFaceMessages } from '../../../fonts/sharing.js';
import { embeddingRestricted, fsType, readSfnt } from '../../../fonts/sfnt.js';
import { subsetFace, wholeFontFile } from '../../../fonts/subset.js';
import type { Document } from '../../../model/document.js';
import type { Style } from '../../../model/style.js';
import type { RenderOptions, RenderWarning } from '../../types.js';
import type { FontEntry } from './parts.js';
import { planEmbedding, type EmbedFont } from './plan.js';
import { roleTexts, uniqueChars } from './texts.js';

/**
 * DOCX `--embed-fonts`: resolve each role's face as the PDF does (src/fonts, `--font`), subset it
 * to the characters the document sets in that role, and give it the family name the runs use —
 * the embedded font is found by the name inside the font file, so a fallback face (Noto Serif SC
 * standing in for 仿宋_GB2312) is renamed to 仿宋_GB2312. A real official face keeps its names.
 */
export async function embeddedFonts(doc: Document, style: Style, options: RenderOptions): Promise<{ entries: FontEntry[]; warnings: RenderWarning[] }> {
  const set = resolveFonts(style.fonts, defaultFontSettings(options.fonts ?? {}));
  const warnings: RenderWarning[] = set.problems.map((message) => ({ code: 'font/unreadable', message }));
  const plan = planEmbedding(roleTexts(doc, style), set, style);
  warnings.push(...plan.warnings);
  const entries: FontEntry[] = [];
  const fellBack: string[] = [];
  const unions = unionSubsets(plan.fonts);
  for (const f of plan.fonts) {
    const subset = await subsetFace({ bytes: await unions.get(faceKey(f))!, postscriptName: f.face.postscriptName }, uniqueChars(f.text));
    const restricted = embeddingRestricted(fsType(readSfnt(subset)));
    if (restricted) {
      warnings.push({ code: 'docx/embed-font-restricted', message: `字体 ${f.face.postscriptName}（${f.name}）的授权不允许嵌入（OS/2 fsType），未嵌入` });
      continue;
    }
    if (readSfnt(subset).version === OTTO) {
      // LibreOffice uses it (checked with 7.4); Word documents embedding for TrueType outlines only.
      warnings.push({ code: 'docx/embed-font-cff', message: `字体 ${f.face.postscriptName}（${f.name}）是 OpenType/CFF 轮廓（.otf），已嵌入，但 Word 可能不使用它；最好用 .ttf 字体` });
    }
    if ((f.face.source === 'fallback' || f.face.source === 'open') && !fellBack.includes(f.name)) fellBack.push(f.name);
    let entry = entries.find((e) => e.name === f.name);
    if (!entry) entries.push((entry = { name: f.name, cjk: !f.roles.includes('latin'), fonts: {} }));
    entry.fonts[f.slot] = answersTo(subset, f.name) ? subset : renameFace(subset, namesFor(f));
  }
  if (fellBack.length > 0) {
    warnings.push({ code: 'font/fallback', message: `未找到 ${fellBack.join('、')}，嵌入的是开源替代字体的子集，以原字体名称嵌入；把正版字体放进 fonts/ 文件夹即可嵌入正版字体（nianbao fonts 查看详情）` });
  }
  for (const message of sharedFaceMessages(set)) warnings.push({ code: 'font/shared-face', message });
  return { entries, warnings };
}

/** sfnt version tag of CFF-outline OpenType fonts. */
const OTTO = 0x4f54544f;

const faceKey = (f: EmbedFont): string => `${f.face.file}#${f.face.postscriptName}`;

/**
 * HarfBuzz parses the whole 10–20 MB face for every subset (about 0.3 s each): cut each distinct
 * face once to the characters of all its fonts, then each font from that small subset.
 */
function unionSubsets(fonts: EmbedFont[]): Map<string, Promise<Uint8Array>> {
  const texts = new Map<string, string>();
  for (const f of fonts) texts.set(faceKey(f), (texts.get(faceKey(f)) ?? '') + f.text);
  const out = new Map<string, Promise<Uint8Array>>();
  for (const f of fonts) if (!out.has(faceKey(f))) out.set(faceKey(f), subsetFace(wholeFontFile(f.face), uniqueChars(texts.get(faceKey(f))!)));
  return out;
}

/** Whether the font's own family or full names already include `name` (an official face). */
function answersTo(font: Uint8Array, name: string): boolean {
  const table = readSfnt(font).tables.get('name');
  return !!table && windowsRecords(table).some((r) => (r.id === 1 || r.id === 4) && r.text === name);
}

function namesFor(f: EmbedFont) {
  const ascii = roleSpec(f.roles[0]!, f.name).aliases.find((a) => /^[!-~]+$/.test(a) && !/[[\](){}<>/%]/.test(a));
  const tag = ascii ?? `NB${createHash('sha256').update(f.name).digest('hex').slice(0, 8)}`;
  return {
    family: f.name,
    bold: f.face.bold,
    postscriptName: `${f.face.postscriptName}-${tag}`.slice(0, 63),
    description: `Subset of ${f.face.font.fullName} (${f.face.postscriptName}) embedded by nianbao as ${f.name}`,
  };
}
