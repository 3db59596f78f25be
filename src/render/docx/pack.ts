import { Packer, type Document as DocxFile } from 'docx';
import JSZip from 'jszip';
import type { DocumentMeta } from '../../model/document.js';

/**
 * The `docx` file → bytes, byte-identical for the same input (issue 3 "Determinism"): `docx`
 * stamps core.xml with the clock and its zip entries with the current time, so the package is
 * re-zipped with every entry dated the report's date (entries in the same order, same
 * compression), and core.xml gets that date and the document language.
 */
export async function packDocx(file: DocxFile, meta: DocumentMeta): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(file);
  const source = await JSZip.loadAsync(packed);
  const date = fixedDate(meta.date);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    let content = await entry.async('uint8array');
    if (entry.name === 'docProps/core.xml') content = new TextEncoder().encode(patchCore(new TextDecoder().decode(content), meta));
    out.file(entry.name, content, { date, createFolders: false, binary: true });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
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
