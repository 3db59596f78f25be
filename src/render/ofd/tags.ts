import type { TableBlock } from '../../model/document.js';
import { resolveGrid } from '../../model/grid.js';
import type { Tag } from '../pdf/types.js';
import { OFD_NS } from './page.js';
import { xmlText } from './units.js';

/** The namespace of nianbao's tag file, and its schema (shipped in the package as the tag's SchemaLoc). */
export const TAGS_NS = 'urn:nianbao:ofd-tags:1';

/** A drawn object, the page it is on (page ID) and what it belongs to. */
export interface PlacedObject {
  page: number;
  id: number;
  tag: Tag;
}

const ELEMENT = { H1: 'Title', H2: 'Heading', H3: 'Heading', H4: 'Heading', P: 'Paragraph' } as const;
const LEVEL = { H2: 1, H3: 2, H4: 3 } as const;

/**
 * The custom tag file (GB/T 33190 自定义标引): the report's structure in document order — the
 * title, headings with their level, paragraphs, and the tables row by row with every cell of
 * `resolveGrid` (spans, header/label/value), each pointing at the page objects that draw it with
 * `ofd:ObjectRef` — the role the tagged PDF's structure tree plays. Artifacts (rules, page numbers,
 * repeated header rows) are not tagged, as in the PDF.
 */
export function tagFile(objects: readonly PlacedObject[], tables: ReadonlyMap<number, TableBlock>): string {
  const byKey = new Map<string, PlacedObject[]>();
  const blocks = new Set<number>();
  for (const o of objects) {
    if (o.tag.kind === 'artifact') continue;
    const key = o.tag.kind === 'block' ? `${o.tag.block}` : `${o.tag.block}:${o.tag.row}:${o.tag.col}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(o);
    blocks.add(o.tag.block);
  }
  const refs = (list: readonly PlacedObject[] = []) => list.map((o) => `<ofd:ObjectRef PageRef="${o.page}">${o.id}</ofd:ObjectRef>`).join('');
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?><nb:Report xmlns:nb="${TAGS_NS}" xmlns:ofd="${OFD_NS}">`];
  for (const block of [...blocks].sort((a, b) => a - b)) {
    const table = tables.get(block);
    if (table) {
      const grid = resolveGrid(table);
      out.push(`<nb:Table Name="${xmlText(table.id)}" Caption="${xmlText(table.caption)}">`);
      for (let row = 0; row < grid.rowCount; row++) {
        out.push('<nb:Row>');
        for (const p of grid.placed.filter((x) => x.row === row).sort((a, b) => a.col - b.col)) {
          out.push(`<nb:Cell Row="${row}" Col="${p.col}" RowSpan="${p.cell.rowSpan}" ColSpan="${p.cell.colSpan}" Kind="${p.cell.kind}">${refs(byKey.get(`${block}:${row}:${p.col}`))}</nb:Cell>`);
        }
        out.push('</nb:Row>');
      }
      out.push('</nb:Table>');
      continue;
    }
    const list = byKey.get(`${block}`)!;
    const tag = list[0]!.tag as Extract<Tag, { kind: 'block' }>;
    const name = ELEMENT[tag.struct];
    const level = tag.struct === 'H1' || tag.struct === 'P' ? '' : ` Level="${LEVEL[tag.struct]}"`;
    out.push(`<nb:${name}${level}>${refs(list)}</nb:${name}>`);
  }
  out.push('</nb:Report>');
  return out.join('');
}

/** Doc_0/Tags/CustomTags.xml: the one custom tag, its schema and file. */
export function customTagsIndex(schemaLoc: string, fileLoc: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags xmlns:ofd="${OFD_NS}"><ofd:CustomTag NameSpace="${TAGS_NS}"><ofd:SchemaLoc>${schemaLoc}</ofd:SchemaLoc><ofd:FileLoc>${fileLoc}</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>`;
}

/**
 * The schema of the tag file. `ofd:ObjectRef` (its PageRef and object ID) is defined by the
 * standard's text but not by its XSD files, so it is accepted here laxly; the tests check that
 * every reference names an object drawn on that page.
 */
export const TAGS_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:nb="${TAGS_NS}" targetNamespace="${TAGS_NS}" elementFormDefault="qualified">
  <xs:complexType name="Refs">
    <xs:sequence>
      <xs:any namespace="${OFD_NS}" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="Heading">
    <xs:complexContent>
      <xs:extension base="nb:Refs">
        <xs:attribute name="Level" use="required">
          <xs:simpleType><xs:restriction base="xs:int"><xs:minInclusive value="1"/><xs:maxInclusive value="3"/></xs:restriction></xs:simpleType>
        </xs:attribute>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="Cell">
    <xs:complexContent>
      <xs:extension base="nb:Refs">
        <xs:attribute name="Row" type="xs:nonNegativeInteger" use="required"/>
        <xs:attribute name="Col" type="xs:nonNegativeInteger" use="required"/>
        <xs:attribute name="RowSpan" type="xs:positiveInteger" use="required"/>
        <xs:attribute name="ColSpan" type="xs:positiveInteger" use="required"/>
        <xs:attribute name="Kind" use="required">
          <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="header"/><xs:enumeration value="label"/><xs:enumeration value="value"/></xs:restriction></xs:simpleType>
        </xs:attribute>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:element name="Report">
    <xs:complexType>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="Title" type="nb:Refs"/>
        <xs:element name="Heading" type="nb:Heading"/>
        <xs:element name="Paragraph" type="nb:Refs"/>
        <xs:element name="Table">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="Row" minOccurs="0" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:sequence><xs:element name="Cell" type="nb:Cell" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="Name" type="xs:string" use="required"/>
            <xs:attribute name="Caption" type="xs:string"/>
          </xs:complexType>
        </xs:element>
      </xs:choice>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
