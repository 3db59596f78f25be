import { Packer, type Document as DocxFile } from 'docx';
import JSZip from 'jszip';
import type { DocumentMeta } from '../../model/document.js';

/**
 * The `docx` file → bytes, byte-identical for the same input (issue 3 "Determinism"): `docx`
 * stamps core.xml with the clock and its zip entries with the current time, so every entry is
 * re-dated to the report's date (same order, same compression) and core.xml gets that date and
 * the document language. `extra` adds parts (the embedded fonts) before the entries are re-dated.
 */
export async function packDocx(file: DocxFile, meta: DocumentMeta, extra?: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(file));
  // Parts added after the docx package (embedded fonts) are re-dated with the rest below.
  if (extra) await extra(zip);
  const core = zip.file('docProps/core.xml');
  if (core) zip.file(core.name, patchCore(await core.async('string'), meta));
  const date = fixedDate(meta.date);
  // Re-dating in place lets JSZip reuse the entries' compressed bytes instead of deflating again.
  for (const entry of Object.values(zip.files)) entry.date = date;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** Noon UTC of the report's date: the same DOS timestamp in every time zone. */
export function fixedDate(isoDate: string): Date {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? new Date('2000-01-01T12:00:00Z') : d;
}

/** Created/modified set to the report's date; `dc:language` zh-CN added once. */
export function patchCore(xml: string, meta: DocumentMeta): string {
  const stamp = `${fixedDate(meta.date).toISOString().slice(0, 10)}T00:00:00Z`;
  let out = xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
  if (!out.includes('<dc:language>')) out = out.replace('</cp:coreProperties>', `<dc:language>${meta.lang}</dc:language></cp:coreProperties>`);
  return out;
}
