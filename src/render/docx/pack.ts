import { Packer, type Document as DocxFile } from 'docx';
import { sourceNote, type DocumentMeta } from '../../model/document.js';
import type { Style } from '../../model/style.js';
import { BODY_SLOT, skeletonDocx } from './build.js';
import { patchStylesXml } from './styles.js';
import { escapeXml } from './xml.js';
import { zipEntries } from '../zip.js';

/** The package's parts by name, in the order they are zipped: XML as text, fonts as bytes. */
export type DocxParts = Map<string, string | Uint8Array>;

/** The part of `docx`'s packer that turns a file into its XML parts, before anything is zipped. */
interface DocxCompiler {
  compile(file: DocxFile, prettify: undefined, overrides: readonly []): {
    files: Record<string, { dir: boolean; async(type: 'string'): Promise<string> }>;
  };
}

const skeletons = new WeakMap<Style, Promise<ReadonlyMap<string, string>>>();

/**
 * The parts of the skeleton (build.ts), compiled by docx's packer once per style: styles,
 * settings, footers, numbering, relationships … are the same for every report, so a report only
 * adds its body and its document properties. (The compiler is a private static of docx 9.7.1,
 * pinned in package.json; every DOCX test fails if it moves.)
 */
function skeletonParts(style: Style): Promise<ReadonlyMap<string, string>> {
  let parts = skeletons.get(style);
  if (!parts) {
    parts = (async () => {
      const compiler = (Packer as unknown as { compiler: DocxCompiler }).compiler;
      const zip = compiler.compile(skeletonDocx(style), undefined, []);
      const out = new Map<string, string>();
      for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('string'));
      out.set('word/styles.xml', patchStylesXml(out.get('word/styles.xml')!));
      if (!out.get('word/document.xml')?.includes(BODY_SLOT)) throw new Error('docx skeleton: no body slot in word/document.xml');
      return out;
    })();
    skeletons.set(style, parts);
  }
  return parts;
}

/**
 * A report's body (build.ts) → DOCX bytes, byte-identical for the same input (issue 3
 * "Determinism"): the skeleton's parts with the body in its slot and the report's own document
 * properties, edited as text (embedded fonts via `extra`), zipped once (zip.ts) with every entry
 * dated to noon of the report's date.
 */
export async function packDocx(body: string, meta: DocumentMeta, style: Style, extra?: (parts: DocxParts) => void): Promise<Uint8Array> {
  const parts: DocxParts = new Map(await skeletonParts(style));
  parts.set('word/document.xml', (parts.get('word/document.xml') as string).replace(BODY_SLOT, () => body));
  parts.set('docProps/core.xml', coreXml(meta));
  extra?.(parts);
  const date = fixedDate(meta.date);
  const entries = new Map<string, Uint8Array>();
  for (const [name, data] of parts) entries.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return zipEntries(entries, { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 12 });
}

/** Noon UTC of the report's date (core.xml's created/modified day, the zip entries' date). */
export function fixedDate(isoDate: string): Date {
  const d = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? new Date('2000-01-01T12:00:00Z') : d;
}

const CORE_NAMESPACES =
  'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/**
 * docProps/core.xml as docx writes it (elements left out when empty), dated to the report's date
 * instead of the clock, with `dc:language`.
 */
export function coreXml(meta: DocumentMeta): string {
  const stamp = `${fixedDate(meta.date).toISOString().slice(0, 10)}T00:00:00Z`;
  const element = (name: string, value: string) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties ${CORE_NAMESPACES}>` +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.author) +
    element('cp:keywords', meta.keywords.join('; ')) +
    element('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    element('dc:language', meta.lang) +
    element('dc:description', meta.source ? sourceNote(meta.source) : '') +
    '</cp:coreProperties>'
  );
}
