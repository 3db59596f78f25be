import { stringify } from 'yaml';

/**
 * A scalar written exactly as given (`77.0690`, `-8`): a figure keeps the digits the clerk typed,
 * which is what the renderers print (validate reads the source spelling back).
 */
export class RawScalar {
  constructor(readonly text: string) {}
}

/** What an edit writes into a report file. */
export type EditValue = null | boolean | number | string | RawScalar | EditValue[] | { [key: string]: EditValue };

const isCollection = (v: EditValue): v is EditValue[] | { [key: string]: EditValue } =>
  v !== null && typeof v === 'object' && !(v instanceof RawScalar);

/** A string as one YAML token inside a flow collection (plain when YAML allows, else quoted). */
function flowString(s: string): string {
  return stringify([s], { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim().slice(1, -1);
}

/** A single-line string as a block-context scalar; `style` keeps the quoting the file used. */
function blockString(s: string, style?: string): string {
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(s);
  if (style === 'QUOTE_SINGLE' && !/[\n\\]/.test(s)) return `'${s.replace(/'/g, "''")}'`;
  return stringify(s, { lineWidth: 0 }).replace(/\n$/, '');
}

/** Any value on one line, in flow style (`[1, 2, 3]`, `{label: 行政检查, values: [0, 0, 0]}`). */
export function flowValue(v: EditValue): string {
  if (v instanceof RawScalar) return v.text;
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return flowString(v);
  if (Array.isArray(v)) return `[${v.map(flowValue).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${flowString(k)}: ${flowValue(x)}`).join(', ')}}`;
}

/**
 * A value in block context, for a key or a list item whose line starts at column `indent`.
 * A multi-line string becomes a literal block (`|`), its text indented two more; everything else
 * stays on the key's line. `style` is the scalar style the replaced node had, kept where it can be.
 */
export function blockValue(v: EditValue, indent: number, eol: string, style?: string): string {
  if (typeof v === 'string') {
    const literal = v.includes('\n') || ((style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') && v !== '');
    return literal ? literalBlock(v, indent + 2, eol) : blockString(v, style);
  }
  return flowValue(v);
}

/** A new `key: value` entry of a block map at column `indent`, ending with a line break. */
export function blockEntry(key: string, v: EditValue, indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  const k = blockString(key);
  if (isCollection(v) && !Array.isArray(v) && Object.keys(v).length > 0) {
    return `${pad}${k}:${eol}${Object.entries(v).map(([ck, cv]) => blockEntry(ck, cv, indent + 2, eol)).join('')}`;
  }
  return `${pad}${k}: ${blockValue(v, indent, eol)}${eol}`;
}

/** A literal block scalar whose chomping indicator keeps the text's trailing line breaks exactly. */
function literalBlock(text: string, indent: number, eol: string): string {
  const trailing = /\n*$/.exec(text)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? text : text.slice(0, text.length - (trailing === 1 ? 1 : 0));
  // A first line starting with a space needs an explicit indentation indicator.
  const indicator = /^[ \t]/.test(body) ? '2' : '';
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((l) => (l === '' ? '' : pad + l));
  return `|${indicator}${chomp}${eol}${lines.join(eol)}${chomp === '+' ? '' : eol}`;
}
