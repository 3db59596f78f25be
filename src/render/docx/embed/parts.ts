import { fontKeyFor, obfuscate } from './odttf.js';
import type { DocxParts } from '../pack.js';
import type { Slot } from './plan.js';

/** One `w:font` of the font table with its embedded font programs (plain TrueType, before obfuscation). */
export interface FontEntry {
  name: string;
  /** CJK faces declare the GB2312 character set (`w:charset` 86) as Word itself writes for 宋体. */
  cjk: boolean;
  fonts: Partial<Record<Slot, Uint8Array>>;
}

const REL_FONT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';
const ODTTF = 'application/vnd.openxmlformats-officedocument.obfuscatedFont';
const EMBED_TAG: Record<Slot, string> = { regular: 'w:embedRegular', bold: 'w:embedBold' };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * Writes the embedded fonts into the package (ECMA-376 Part 1 §17.8): each font as an obfuscated
 * `word/fonts/fontN.odttf` part, related from the font table, where its `w:font` names it with
 * `w:embedRegular`/`w:embedBold r:id w:fontKey w:subsetted`; settings turn on
 * `w:embedTrueTypeFonts` (Word keeps them on save) and `w:saveSubsetFonts` (and keeps them subset).
 */
export function addFontParts(parts: DocxParts, entries: FontEntry[]): void {
  if (entries.length === 0) return;
  const rels: string[] = [];
  const fontXml: string[] = [];
  let n = 0;
  for (const entry of entries) {
    const embeds: string[] = [];
    for (const slot of ['regular', 'bold'] as const) {
      const font = entry.fonts[slot];
      if (!font) continue;
      n++;
      const key = fontKeyFor(font);
      parts.set(`word/fonts/font${n}.odttf`, obfuscate(font, key));
      rels.push(`<Relationship Id="rId${n}" Type="${REL_FONT}" Target="fonts/font${n}.odttf"/>`);
      embeds.push(`<${EMBED_TAG[slot]} r:id="rId${n}" w:fontKey="${key}" w:subsetted="1"/>`);
    }
    const charset = entry.cjk ? '<w:charset w:val="86"/>' : '';
    fontXml.push(`<w:font w:name="${esc(entry.name)}">${charset}<w:family w:val="auto"/><w:pitch w:val="variable"/>${embeds.join('')}</w:font>`);
  }
  patch(parts, 'word/_rels/fontTable.xml.rels', (xml) => insertChildren(xml, 'Relationships', rels.join('')));
  patch(parts, 'word/fontTable.xml', (xml) => insertChildren(xml, 'w:fonts', fontXml.join('')));
  // CT_Settings order: displayBackgroundShape … embedTrueTypeFonts, embedSystemFonts, saveSubsetFonts … evenAndOddHeaders.
  patch(parts, 'word/settings.xml', (xml) => {
    const flags = '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>';
    if (xml.includes('<w:displayBackgroundShape/>')) return xml.replace('<w:displayBackgroundShape/>', `<w:displayBackgroundShape/>${flags}`);
    return xml.replace(/(<w:settings\b[^>]*>)/, `$1${flags}`);
  });
  patch(parts, '[Content_Types].xml', (xml) => (xml.includes('Extension="odttf"') ? xml : insertChildren(xml, 'Types', `<Default ContentType="${ODTTF}" Extension="odttf"/>`)));
}

function patch(parts: DocxParts, name: string, edit: (xml: string) => string): void {
  const xml = parts.get(name);
  if (typeof xml !== 'string') throw new Error(`DOCX 缺少 ${name}，无法嵌入字体`);
  parts.set(name, edit(xml));
}

/** Appends children to the root element, whether it is written `<root …/>` or `<root …>…</root>`. */
export function insertChildren(xml: string, root: string, children: string): string {
  const empty = new RegExp(`<${root}(\\s[^>]*)?/>`);
  if (empty.test(xml)) return xml.replace(empty, (m) => `${m.slice(0, -2)}>${children}</${root}>`);
  return xml.replace(`</${root}>`, `${children}</${root}>`);
}
