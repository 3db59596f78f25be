import { Packer, type Document as DocxFile } from 'docx';
import type { BuiltDocx } from './build.js';
import { zipEntries } from './zip.js';
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
 * test fails if it moves), edit them as text (tables into their slots, core.xml dates, embedded
 * fonts via `extra`), and zip once (zip.ts), every entry dated to noon of the report's date.
 */
export async function packDocx({ file, tables }: BuiltDocx, meta: DocumentMeta, extra?: (parts: DocxParts) => void): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler: DocxCompiler }).compiler;
  const zip = compiler.compile(file, undefined, []);
  const parts: DocxParts = new Map();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) parts.set(name, await entry.async('string'));
  }
  parts.set('word/document.xml', fillTableSlots(parts.get('word/document.xml') as string, tables));
  const core = parts.get('docProps/core.xml');
  if (typeof core === 'string') parts.set('docProps/core.xml', patchCore(core, meta));
  extra?.(parts);
  const date = fixedDate(meta.date);
  const entries = new Map<string, Uint8Array>();
  for (const [name, data] of parts) entries.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return zipEntries(entries, { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 12 });
}

/** Each `<nianbao:table n="i"/>` slot (build.ts) replaced by the XML of table i. */
export function fillTableSlots(xml: string, tables: readonly string[]): string {
  let filled = 0;
  const out = xml.replace(/<nianbao:table n="(\d+)"\/>/g, (_, n: string) => {
    filled++;
    return tables[Number(n)]!;
  });
  if (filled !== tables.length) throw new Error(`document.xml has ${filled} table slots for ${tables.length} tables`);
  return out;
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
