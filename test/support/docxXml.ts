import JSZip from 'jszip';

/** What a test reads back from `word/document.xml`: body paragraphs and tables in order. */
export interface XmlCell {
  /** Cell text: paragraphs joined and `w:br` read as `\n`. */
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  /** Raw XML of the cell, for property checks. */
  xml: string;
}
export interface XmlRow {
  cells: XmlCell[];
  header: boolean;
  cantSplit: boolean;
}
export type BodyItem = { kind: 'p'; text: string; xml: string } | { kind: 'table'; rows: XmlRow[]; gridCols: number[]; xml: string };

export async function docxPart(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(name);
  if (!file) throw new Error(`${name} missing from the package`);
  return file.async('string');
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Text of a run of XML: `w:t` contents, `w:br` as `\n`, `w:tab` as a tab, paragraphs joined by `\n`. */
export function textOf(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  return paragraphs
    .map((p) => {
      let out = '';
      for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:br\s[^>]*\/>|<w:tab\/>/g)) {
        if (m[1] !== undefined) out += decode(m[1]);
        else if (m[0].startsWith('<w:br')) out += '\n';
        else out += '\t';
      }
      return out;
    })
    .join('\n');
}

/**
 * The body of document.xml as paragraphs and tables in document order. The renderer writes no
 * nested tables, so a flat scan of the top-level `w:p`/`w:tbl` elements is enough.
 */
export function bodyItems(documentXml: string): BodyItem[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>') + 8, documentXml.lastIndexOf('</w:body>'));
  const items: BodyItem[] = [];
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const xml = m[0];
    if (!xml.startsWith('<w:tbl>')) {
      items.push({ kind: 'p', text: textOf(xml), xml });
      continue;
    }
    const gridCols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => {
      const rowXml = r[0];
      const trPr = rowXml.match(/<w:trPr>[\s\S]*?<\/w:trPr>/)?.[0] ?? '';
      const cells = [...rowXml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => {
        const cellXml = c[0];
        const span = cellXml.match(/<w:gridSpan w:val="(\d+)"\/>/);
        const vm = cellXml.match(/<w:vMerge(?: w:val="(\w+)")?\/>/);
        return {
          text: textOf(cellXml),
          gridSpan: span ? Number(span[1]) : 1,
          vMerge: vm ? (vm[1] === 'restart' ? 'restart' : 'continue') : null,
          xml: cellXml,
        } satisfies XmlCell;
      });
      return { cells, header: /<w:tblHeader(?: w:val="(true|1|on)")?\/>/.test(trPr), cantSplit: /<w:cantSplit(?: w:val="(true|1|on)")?\/>/.test(trPr) };
    });
    items.push({ kind: 'table', rows, gridCols, xml });
  }
  return items;
}

/**
 * The DOCX text in document order, as the seed files were extracted: each paragraph, then each
 * table's cells row by row (a vMerge-continue cell as an empty string).
 */
export function docxTextOrder(items: BodyItem[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind === 'p') out.push(it.text);
    else for (const row of it.rows) for (const cell of row.cells) out.push(cell.vMerge === 'continue' ? '' : cell.text);
  }
  return out;
}
