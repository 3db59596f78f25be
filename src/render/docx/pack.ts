import { Packer, type Document as DocxFile } from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DocumentMeta } from '../../model/document.js';

/** The package's parts by name, in the order they are zipped: XML as text, fonts as bytes. */
export type DocxParts = Map<string, string | Uint8Array>;

/** The part of `docx`'s packer that turns a file into its XML parts, before anything is zipped. */
interface DocxCompiler {
  compile(file: DocxFile, prettify: undefined, overrides: readonly []): {
    files: Record<string, { dir: boolean; async(type: 'string'): Promise<string> }>;
  };
}

/**
 * The `docx` file → bytes, byte-identical for the same input (issue 3 "Determinism").
 *
 * `Packer.toBuffer` deflates every part with JSZip's pure-JS pako and stamps the entries and
 * core.xml with the clock, which we then had to unzip and zip again. Instead we take the XML parts
 * from the packer's compiler (a private static of docx 9.7.1, pinned in package.json; every DOCX
 * test fails if it moves), edit them as text (core.xml dates, embedded fonts via `extra`), and zip
 * once with fflate, every entry dated to the report's date: a third of the DOCX render time saved.
 */
export async function packDocx(file: DocxFile, meta: DocumentMeta, extra?: (parts: DocxParts) => void): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler: DocxCompiler }).compiler;
  const zip = compiler.compile(file, undefined, []);
  const parts: DocxParts = new Map();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) parts.set(name, await entry.async('string'));
  }
  const core = parts.get('docProps/core.xml');
  if (typeof core === 'string') parts.set('docProps/core.xml', patchCore(core, meta));
  extra?.(parts);
  // fflate writes the DOS date and time from the Date's local fields: local noon of the report's
  // date gives 12:00 on that date in every time zone.
  const noon = fixedDate(meta.date);
  const mtime = new Date(noon.getUTCFullYear(), noon.getUTCMonth(), noon.getUTCDate(), 12);
  const zippable: Zippable = {};
  for (const [name, data] of parts) {
    zippable[name] = [typeof data === 'string' ? strToU8(data) : data, { level: 6, mtime }];
  }
  return zipSync(zippable);
}

/** Noon UTC of the report's date (core.xml's created/modified day, the zip entries' date). */
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
