import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { PdfGlyph } from './pdf.js';

const NS = 'http://www.ofdspec.org/2016';

/** Debian fonts-urw-base35 (.ci/apt-packages): an OpenType face with CFF outlines, for the Latin role. */
export const CFF_LATIN = '/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf';
const SCHEMAS = new URL('../fixtures/ofd-schema/', import.meta.url).pathname;

/** The package's entries in zip order. */
export function ofdParts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export const text = (parts: Map<string, Uint8Array>, name: string): string => Buffer.from(parts.get(name)!).toString('utf8');

export function xml(source: string): Element {
  return new DOMParser().parseFromString(source, 'text/xml').documentElement!;
}

/** Child elements in the OFD namespace with this local name, at any depth, in document order. */
export function all(el: Element, name: string, ns = NS): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, name));
}

/** Which schema validates a part, by its root element (test/fixtures/ofd-schema/README.md). */
const ROOT_SCHEMA: Record<string, string> = { OFD: 'OFD.xsd', Document: 'Document.xsd', Page: 'Page.xsd', Res: 'Res.xsd', CustomTags: 'CustomTags.xsd', Annotations: 'Annotations.xsd', Signatures: 'Signatures.xsd' };

/**
 * Validates every XML part with `xmllint --schema`: the standard's schemas by root element, and a
 * custom tag file by the schema its CustomTag names (SchemaLoc, inside the package). Returns the
 * parts that did not validate with xmllint's messages, and the XML parts checked.
 */
export function validateOfd(parts: Map<string, Uint8Array>): { checked: string[]; failures: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ofd-xsd-'));
  try {
    const bySchema = new Map<string, string[]>();
    for (const [name, bytes] of parts) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    }
    const tagSchemas = new Map<string, string>();
    for (const [name] of parts) {
      if (!name.endsWith('CustomTags.xml')) continue;
      for (const tag of all(xml(text(parts, name)), 'CustomTag')) {
        const loc = (n: string) => join(dirname(name), all(tag, n)[0]!.textContent!.trim());
        tagSchemas.set(loc('FileLoc'), join(dir, loc('SchemaLoc')));
      }
    }
    for (const [name] of parts) {
      if (!name.endsWith('.xml')) continue;
      const root = xml(text(parts, name));
      const schema = root.namespaceURI === NS ? join(SCHEMAS, ROOT_SCHEMA[root.localName!] ?? `unknown root ${root.localName}`) : tagSchemas.get(name) ?? `no schema for ${name}`;
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), name]);
    }
    const failures: string[] = [];
    const checked: string[] = [];
    for (const [schema, names] of bySchema) {
      checked.push(...names);
      try {
        execFileSync('xmllint', ['--noout', '--schema', schema, ...names.map((n) => join(dir, n))], { stdio: 'pipe' });
      } catch (e) {
        failures.push(`${schema}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
      }
    }
    return { checked, failures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A character as the OFD places it: page index, object ID, font ID, origin in mm from the page's top-left, size in mm. */
export interface OfdChar {
  page: number;
  object: number;
  font: number;
  char: string;
  x: number;
  y: number;
  size: number;
}

/** Expands an ST_Array of DeltaX/DeltaY with the `g n v` shorthand. */
export function deltas(s: string | null): number[] {
  if (!s) return [];
  const t = s.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'g') {
      const n = Number(t[i + 1]);
      for (let k = 0; k < n; k++) out.push(Number(t[i + 2]));
      i += 2;
    } else out.push(Number(t[i]));
  }
  return out;
}

/** The pages' Content.xml in Document.xml's order. */
export function pageNames(parts: Map<string, Uint8Array>): { id: number; name: string }[] {
  const doc = xml(text(parts, 'Doc_0/Document.xml'));
  return all(doc, 'Page').map((p) => ({ id: Number(p.getAttribute('ID')), name: `Doc_0/${p.getAttribute('BaseLoc')}` }));
}

/** Every character of every TextCode, placed as a reader places it (Boundary origin + X/Y + the deltas before it). */
export function ofdChars(parts: Map<string, Uint8Array>): OfdChar[] {
  const out: OfdChar[] = [];
  pageNames(parts).forEach(({ name }, page) => {
    for (const obj of all(xml(text(parts, name)), 'TextObject')) {
      const [bx, by] = obj.getAttribute('Boundary')!.split(' ').map(Number) as [number, number];
      for (const code of all(obj, 'TextCode')) {
        const chars = [...(code.textContent ?? '')];
        const dx = deltas(code.getAttribute('DeltaX'));
        const dy = deltas(code.getAttribute('DeltaY'));
        let x = bx + Number(code.getAttribute('X'));
        let y = by + Number(code.getAttribute('Y'));
        chars.forEach((char, i) => {
          if (i > 0) (x += dx[i - 1] ?? 0), (y += dy[i - 1] ?? 0);
          out.push({ page, object: Number(obj.getAttribute('ID')), font: Number(obj.getAttribute('Font')), char, x, y, size: Number(obj.getAttribute('Size')) });
        });
      }
    }
  });
  return out;
}

const PT_TO_MM = 25.4 / 72;

/**
 * PDF glyphs (pdf.js, `pdfGlyphs`) whose character in the OFD is on another page, is another
 * character, is more than 0.01 mm away or of another size; at most three. A glyph of several
 * characters (the ligature `——`) is the first of them, the others following in the OFD.
 */
export function farFromPdf(pdf: PdfGlyph[], ofd: Pick<OfdChar, 'page' | 'char' | 'x' | 'y' | 'size'>[]): string[] {
  const out: string[] = [];
  let k = 0;
  // A space draws nothing: pdf.js lists no glyph for it (the page number `— 1 —`), the OFD keeps it.
  const blank = (ch: string) => /^\s$/u.test(ch);
  for (const g of pdf) {
    if (blank(g.char)) continue;
    while (ofd[k] && blank(ofd[k]!.char)) k++;
    const c = ofd[k];
    if (!c) {
      out.push(`PDF glyph ${g.char} on page ${g.page + 1} has no OFD character`);
      break;
    }
    const dx = Math.abs(c.x - g.x0 * PT_TO_MM);
    const dy = Math.abs(c.y - g.baseline * PT_TO_MM);
    if (c.page !== g.page || c.char !== [...g.char][0] || dx > 0.01 || dy > 0.01 || Math.abs(c.size - g.size * PT_TO_MM) > 0.002) {
      out.push(`${g.char} page ${g.page + 1}: PDF (${(g.x0 * PT_TO_MM).toFixed(3)}, ${(g.baseline * PT_TO_MM).toFixed(3)}) OFD ${c.char} page ${c.page + 1} (${c.x.toFixed(3)}, ${c.y.toFixed(3)})`);
      if (out.length >= 3) break;
    }
    k += [...g.char].length;
  }
  while (ofd[k] && blank(ofd[k]!.char)) k++;
  if (out.length === 0 && k !== ofd.length) out.push(`${ofd.length - k} OFD characters more than the PDF draws`);
  return out;
}

/** The text of each tagged block (in Tags.xml's order, the document's) and each tagged table cell with its kind, from the objects it points at. */
export function taggedTexts(parts: Map<string, Uint8Array>, chars: OfdChar[] = ofdChars(parts)): { blocks: string[]; cells: string[]; cellKinds: { kind: string; text: string }[] } {
  const byObject = new Map<number, string>();
  for (const c of chars) byObject.set(c.object, (byObject.get(c.object) ?? '') + c.char);
  const tags = xml(text(parts, 'Doc_0/Tags/Tags.xml'));
  const of = (el: Element) => all(el, 'ObjectRef').map((r) => byObject.get(Number(r.textContent)) ?? '').join('');
  const blocks = (Array.from(tags.childNodes) as Element[]).filter((n) => n.localName !== undefined && n.localName !== null && n.localName !== 'Table');
  const cells = all(tags, 'Cell', 'urn:nianbao:ofd-tags:1');
  return { blocks: blocks.map(of), cells: cells.map(of), cellKinds: cells.map((c) => ({ kind: c.getAttribute('Kind')!, text: of(c) })) };
}
