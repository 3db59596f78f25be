import type { IContext, IXmlableObject } from 'docx';
import { fastenAttributes } from './fastAttributes.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text and attribute values escaped as docx's bundled `xml` package escapes them. */
export const escapeXml = (value: string): string => value.replace(/[&"<>']/g, (c) => ENTITIES[c]!);

type Node = IXmlableObject | string | number | boolean;

/**
 * One prepared `docx` element (what `prepForXml` returns) as XML text, exactly as docx's bundled
 * `xml` package writes it when it packs a file without indentation: same attribute order, same
 * escaping, `<x/>` for an element without content. Used to turn docx-built table pieces into
 * templates once (table.ts); `xml.test.ts` compares it with docx's own output.
 */
export function toXml(node: IXmlableObject): string {
  const name = Object.keys(node)[0]!;
  const values = (node as Record<string, unknown>)[name];
  const attributes: string[] = [];
  const addAttributes = (attrs: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attrs)) attributes.push(`${key}="${typeof value === 'string' ? escapeXml(value) : String(value)}"`);
  };
  let content: string[] = [];
  if (Array.isArray(values)) {
    // The xml package keeps a leading "" placeholder that a text child replaces (and a later text
    // replaces the previous one); an element that has children gets a trailing "" too.
    content.push('');
    let text = false;
    for (const child of values as Node[]) {
      if (typeof child === 'object') {
        if (Object.keys(child)[0] === '_attr') addAttributes((child as { _attr: Record<string, unknown> })._attr);
        else content.push(toXml(child));
      } else {
        content.pop();
        text = true;
        content.push(typeof child === 'string' ? escapeXml(child) : String(child));
      }
    }
    if (!text) content.push('');
  } else if (typeof values === 'object' && values !== null) {
    const attrs = (values as { _attr?: Record<string, unknown> })._attr;
    if (attrs) addAttributes(attrs);
  } else if (values !== null) {
    content = [values === undefined ? '' : typeof values === 'string' ? escapeXml(values) : String(values)];
  }
  const open = `<${name}${attributes.length ? ` ${attributes.join(' ')}` : ''}`;
  return content.length ? `${open}>${content.join('')}</${name}>` : `${open}/>`;
}

/**
 * The context docx's `prepForXml` gets when it packs a file, reduced to what our elements need:
 * none of them adds relationships (no images, no hyperlinks).
 */
export const PREP_CONTEXT = { stack: [] } as unknown as IContext;

/** A docx element (paragraph, table, cell …) as XML text. */
export function elementXml(element: { prepForXml(context: IContext): IXmlableObject | undefined }): string {
  fastenAttributes(element);
  return toXml(element.prepForXml(PREP_CONTEXT)!);
}
