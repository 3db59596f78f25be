import { createHash } from 'node:crypto';
import type { Document } from '../../model/document.js';
import type { PagedDocument } from '../pdf/prepare.js';
import type { RenderWarning } from '../types.js';
import { zipEntries } from '../zip.js';
import { OfdFonts } from './fonts.js';
import { Ids } from './ids.js';
import { outlinesXml } from './outline.js';
import { pageContent } from './page.js';
import { documentXml, ofdEntry, publicRes } from './parts.js';
import { customTagsIndex, tagFile, TAGS_XSD, type PlacedObject } from './tags.js';

const DOC = 'Doc_0';

/**
 * Paints a finished layout as an OFD package (GB/T 33190): OFD.xml, Document.xml, PublicRes.xml
 * with the fonts, one Content.xml per page, the custom tags. Entries in a fixed order, dated from
 * the report, the DocID a digest of everything else: the same layout gives the same bytes.
 */
export function paintOfd(doc: Document, paged: PagedDocument): { bytes: Uint8Array; warnings: RenderWarning[] } {
  const { layout } = paged;
  const ids = new Ids();
  const fonts = new OfdFonts(ids);
  const drawParam = ids.next();
  const pageIds = layout.pages.map(() => ids.next());
  const ctx = { ids, fonts, face: paged.face, border: paged.style.tableBorder, drawParam };
  const pages = layout.pages.map((page, i) => ({ id: pageIds[i]!, loc: `Pages/Page_${i}/Content.xml`, ...pageContent(page, ctx) }));
  const placed: PlacedObject[] = pages.flatMap((p) => p.objects.map((o) => ({ page: p.id, ...o })));
  const res = fonts.resources();

  const text = new Map<string, string>();
  text.set(`${DOC}/Document.xml`, documentXml({ maxUnitId: ids.max, pageWidth: layout.pageWidth, pageHeight: layout.pageHeight, publicRes: 'PublicRes.xml', pages, outlines: outlinesXml(paged.outline, pageIds), customTags: 'Tags/CustomTags.xml' }));
  text.set(`${DOC}/PublicRes.xml`, publicRes({ baseLoc: 'Res', drawParam, lineWidth: paged.style.tableBorder, fonts: res.fonts }));
  for (const p of pages) text.set(`${DOC}/${p.loc}`, p.xml);
  text.set(`${DOC}/Tags/CustomTags.xml`, customTagsIndex('Tags.xsd', 'Tags.xml'));
  text.set(`${DOC}/Tags/Tags.xml`, tagFile(placed, paged.tables));
  text.set(`${DOC}/Tags/Tags.xsd`, TAGS_XSD);

  const parts = new Map<string, Uint8Array>();
  for (const [name, xml] of text) parts.set(name, Buffer.from(xml, 'utf8'));
  for (const f of res.fonts) if (f.file) parts.set(`${DOC}/Res/${f.file.name}`, f.file.bytes);
  const digest = createHash('sha256');
  for (const [name, bytes] of parts) digest.update(name).update(bytes);
  const entries = new Map<string, Uint8Array>([['OFD.xml', Buffer.from(ofdEntry(doc.meta, digest.digest('hex').slice(0, 32), `${DOC}/Document.xml`), 'utf8')], ...parts]);
  const date = new Date(`${doc.meta.date}T00:00:00Z`);
  const bytes = zipEntries(entries, { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 12 });
  return { bytes, warnings: res.warnings };
}
