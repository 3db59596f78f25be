import type JSZip from 'jszip';
import { fontKeyFor, obfuscate } from './odttf.js';
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
export async function addFontParts(zip: JSZip, entries: FontEntry[]): Promise<void> {
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
      // No folder entry: an OPC package has parts only (ECMA-376 Part 2).
      zip.file(`word/fonts/font${n}.odttf`, obfuscate(font, key), { createFolders: false });
      rels.push(`<Relationship Id="rId${n}" Type="${REL_FONT}" Target="fonts/font${n}.odttf"/>`);
      embeds.push(`<${EMBED_TAG[slot]} r:id="rId${n}" w:fontKey="${key}" w:subsetted="1"/>`);
    }
    const charset = entry.cjk ? '<w:charset w:val="86"/>' : '';
    fontXml.push(`<w:font w:name="${esc(entry.name)}">${charset}<w:family w:val="auto"/><w:pitch w:val="variable"/>${embeds.join('')}</w:font>`);
  }
  await patch(zip, 'word/_rels/fontTable.xml.rels', (xml) => insertChildren(xml, 'Relationships', rels.join('')));
  await patch(zip, 'word/fontTable.xml', (xml) => insertChildren(xml, 'w:fonts', fontXml.join('')));
  // CT_Settings order: displayBackgroundShape … embedTrueTypeFonts, embedSystemFonts, saveSubsetFonts … evenAndOddHeaders.
  await patch(zip, 'word/settings.xml', (xml) => {
    const flags = '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>';
    if (xml.includes('<w:displayBackgroundShape/>')) return xml.replace('<w:displayBackgroundShape/>', `<w:displayBackgroundShape/>${flags}`);
    return xml.replace(/(<w:settings\b[^>]*>)/, `$1${flags}`);
  });
  await patch(zip, '[Content_Types].xml', (xml) => (xml.includes('Extension="odttf"') ? xml : insertChildren(xml, 'Types', `<Default ContentType="${ODTTF}" Extension="odttf"/>`)));
}

async function patch(zip: JSZip, name: string, edit: (xml: string) => string): Promise<void> {
  const file = zip.file(name);
  if (!file) throw new Error(`DOCX 缺少 ${name}，无法嵌入字体`);
  zip.file(name, edit(await file.async('string')));
}

/** Appends children to the root element, whether it is written `<root …/>` or `<root …>…</root>`. */
export function insertChildren(xml: string, root: string, children: string): string {
  const empty = new RegExp(`<${root}(\\s[^>]*)?/>`);
  if (empty.test(xml)) return xml.replace(empty, (m) => `${m.slice(0, -2)}>${children}</${root}>`);
  return xml.replace(`</${root}>`, `${children}</${root}>`);
}
