import type { DocumentMeta } from '../../model/document.js';
import type { FontResource } from './fonts.js';
import { OFD_NS } from './page.js';
import { mmOf, xmlText } from './units.js';

/** OFD.xml: the package entry, DocInfo from the report (DocID derived from the content, dates from the report's date). */
export function ofdEntry(meta: DocumentMeta, docId: string, docRoot: string): string {
  const el = (name: string, text: string) => (text.trim() === '' ? '' : `<ofd:${name}>${xmlText(text)}</ofd:${name}>`);
  const keywords = meta.keywords.filter((k) => k.trim() !== '');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="${OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
    `<ofd:DocID>${docId}</ofd:DocID>${el('Title', meta.title)}${el('Author', meta.author)}${el('Subject', meta.subject)}` +
    `<ofd:CreationDate>${meta.date}</ofd:CreationDate>` +
    (keywords.length > 0 ? `<ofd:Keywords>${keywords.map((k) => el('Keyword', k)).join('')}</ofd:Keywords>` : '') +
    `<ofd:Creator>nianbao</ofd:Creator></ofd:DocInfo><ofd:DocRoot>${docRoot}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`
  );
}

/** Doc_0/Document.xml: CommonData (MaxUnitID, the A4 page area, PublicRes), the pages, outlines, custom tags. */
export function documentXml(o: { maxUnitId: number; pageWidth: number; pageHeight: number; publicRes: string; pages: { id: number; loc: string }[]; outlines: string; customTags: string }): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="${OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>${o.maxUnitId}</ofd:MaxUnitID>` +
    `<ofd:PageArea><ofd:PhysicalBox>0 0 ${mmOf(o.pageWidth)} ${mmOf(o.pageHeight)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>${o.publicRes}</ofd:PublicRes></ofd:CommonData>` +
    `<ofd:Pages>${o.pages.map((p) => `<ofd:Page ID="${p.id}" BaseLoc="${p.loc}"/>`).join('')}</ofd:Pages>` +
    `${o.outlines}<ofd:CustomTags>${o.customTags}</ofd:CustomTags></ofd:Document>`
  );
}

/** Doc_0/PublicRes.xml: the one DrawParam (black, the table rule width) and the fonts. */
export function publicRes(o: { baseLoc: string; drawParam: number; lineWidth: number; fonts: FontResource[] }): string {
  const fonts = o.fonts.map(
    (f) =>
      `<ofd:Font ID="${f.id}" FontName="${xmlText(f.fontName)}" FamilyName="${xmlText(f.familyName)}"${f.bold ? ' Bold="true"' : ''}>` +
      `${f.file ? `<ofd:FontFile>${f.file.name}</ofd:FontFile>` : ''}</ofd:Font>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="${OFD_NS}" BaseLoc="${o.baseLoc}">` +
    `<ofd:DrawParams><ofd:DrawParam ID="${o.drawParam}" LineWidth="${mmOf(o.lineWidth)}"><ofd:FillColor Value="0 0 0"/><ofd:StrokeColor Value="0 0 0"/></ofd:DrawParam></ofd:DrawParams>` +
    (fonts.length > 0 ? `<ofd:Fonts>${fonts.join('')}</ofd:Fonts>` : '') +
    '</ofd:Res>'
  );
}
