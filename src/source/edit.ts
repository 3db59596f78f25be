import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { YamlPath } from '../model/report.js';
import { blockEntry, blockValue, flowValue, type EditValue } from './emit.js';

export { RawScalar, type EditValue } from './emit.js';

/**
 * Edits of a report file as text splices (the editor's save, `edit --from`): only the bytes of the
 * value that changes are rewritten, so the clerk's comments, key order, spacing and quoting stay
 * exactly as they were everywhere else. yaml's Document API finds the nodes and their ranges;
 * re-printing the whole document (Document.toString) would reflow comments and flow lists.
 */
export class EditError extends Error {}

interface Located {
  node: Node;
  parent: YAMLMap | YAMLSeq | undefined;
}

/** Sets the value at `path`, creating missing maps and list entries; `order` ranks new keys. */
export function setIn(text: string, path: YamlPath, value: EditValue, order: readonly string[] = []): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new EditError('the report file does not parse as YAML');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let node: Node | null = doc.contents as Node | null;
  let parent: YAMLMap | YAMLSeq | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const rest = nest(path.slice(i + 1), value);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return insertEntry(text, node, String(seg), rest, order, eol);
      if (!pair.value) throw new EditError(`the entry ${path.slice(0, i + 1).join('.')} has no value to replace`);
      parent = node;
      node = pair.value as Node;
    } else if (isSeq(node) && typeof seg === 'number') {
      if (seg < node.items.length) {
        parent = node;
        node = node.items[seg] as Node;
      } else if (seg === node.items.length) {
        return appendItem(text, node, rest, eol);
      } else {
        throw new EditError(`list at ${path.slice(0, i).join('.')} has ${node.items.length} entries, not ${seg}`);
      }
    } else if (isScalar(node) && (node.value === null || node.value === '') && node.range) {
      // `labels: null`, `text:` … — the null becomes the collection that holds the rest.
      return replaceNode(text, { node, parent }, nest(path.slice(i), value), eol);
    } else {
      throw new EditError(`cannot set ${path.join('.')}: ${path.slice(0, i).join('.') || 'the file'} is not a map or list`);
    }
  }
  if (!node?.range) throw new EditError('the report file is empty');
  return replaceNode(text, { node, parent }, value, eol);
}

/** Removes the map entry or list item at `path`; a path that does not exist leaves the text as is. */
export function deleteIn(text: string, path: YamlPath): string {
  if (path.length === 0) throw new EditError('cannot delete the whole file');
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new EditError('the report file does not parse as YAML');
  const container = doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1]!;
  if (isMap(container)) {
    const index = container.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === String(last));
    if (index < 0) return text;
    return removeItem(text, container, index);
  }
  if (isSeq(container) && typeof last === 'number') {
    if (last >= container.items.length) return text;
    return removeItem(text, container, last);
  }
  return text;
}

/** `['a', 0]` and a value → `{a: [value]}`: what a missing part of a path is created as. */
function nest(path: YamlPath, value: EditValue): EditValue {
  return path.reduceRight<EditValue>((v, seg) => (typeof seg === 'number' ? [...new Array<EditValue>(seg).fill(null), v] : { [seg]: v }), value);
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const columnOf = (text: string, offset: number): number => offset - lineStart(text, offset);

function replaceNode(text: string, { node, parent }: Located, value: EditValue, eol: string): string {
  const [start, end, nodeEnd] = node.range!;
  const inFlow = parent !== undefined && parent.flow === true;
  if (inFlow) return splice(text, start, end, flowValue(value));
  const style = isScalar(node) ? node.type : undefined;
  const wasBlock = style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED';
  // A block value's text sits two columns right of its key (or of its `- ` in a list).
  const keyColumn = columnOf(text, isSeq(parent) ? start - 2 : keyStart(text, start));
  const written = blockValue(value, keyColumn, eol, style);
  const comment = wasBlock ? (/^[|>][-+0-9]*([ \t]+#.*)?/.exec(text.slice(start, end))?.[1] ?? '') : text.slice(end, nodeEnd).replace(/\r?\n$/, '');
  if (written.startsWith('|')) {
    // A new literal block: a comment that followed the old value moves onto the `|` line, or it
    // would become part of the text.
    const [header, ...body] = written.split(eol);
    return splice(text, start, wasBlock ? end : nodeEnd, [`${header}${comment}`, ...body].join(eol));
  }
  if (wasBlock) return splice(text, start, end, `${written}${comment}${eol}`);
  const before = start > 0 && /[:\-]/.test(text[start - 1]!) ? ' ' : '';
  const after = end === start && text[end] === '#' ? ' ' : '';
  return splice(text, start, end, before + written + after);
}

/** Offset of the key whose value starts at `valueStart` (the line's first non-space character). */
function keyStart(text: string, valueStart: number): number {
  let s = lineStart(text, valueStart);
  // A block value on the line after its key: the key is on the line above.
  if (text.slice(s, valueStart).trim() === '' && s > 0) s = lineStart(text, s - 1);
  while (text[s] === ' ' || text[s] === '-') s++;
  return s;
}

function insertEntry(text: string, map: YAMLMap, key: string, value: EditValue, order: readonly string[], eol: string): string {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  // After the last existing key that the order puts before the new one (else at the end).
  let index = keys.length;
  if (order.includes(key)) {
    const later = keys.findIndex((k) => order.includes(k) && rank(k) > rank(key));
    if (later >= 0) index = later;
  }
  if (map.flow) {
    const close = map.range![1] - 1;
    if (map.items.length === 0) return splice(text, close, close, `${flowValue(key)}: ${flowValue(value)}`);
    const at = index < map.items.length ? itemStart(map.items[index]!) : itemEnd(map.items[map.items.length - 1]!);
    return index < map.items.length
      ? splice(text, at, at, `${flowValue(key)}: ${flowValue(value)}, `)
      : splice(text, at, at, `, ${flowValue(key)}: ${flowValue(value)}`);
  }
  const indent = columnOf(text, map.range![0]);
  const entry = blockEntry(key, value, indent, eol);
  if (index === 0) return splice(text, map.range![0], map.range![0], entry.slice(indent) + ' '.repeat(indent));
  const at = lineEndAfter(text, itemNodeEnd(map.items[index - 1]!));
  return splice(text, at, at, (at > 0 && text[at - 1] !== '\n' ? eol : '') + entry);
}

function appendItem(text: string, seq: YAMLSeq, value: EditValue, eol: string): string {
  if (seq.flow) {
    if (seq.items.length === 0) return splice(text, seq.range![1] - 1, seq.range![1] - 1, flowValue(value));
    const at = (seq.items[seq.items.length - 1] as Node).range![1];
    return splice(text, at, at, `, ${flowValue(value)}`);
  }
  const indent = columnOf(text, seq.range![0]);
  const at = lineEndAfter(text, ((seq.items[seq.items.length - 1] as Node).range ?? seq.range!)[2]);
  return splice(text, at, at, `${at > 0 && text[at - 1] !== '\n' ? eol : ''}${' '.repeat(indent)}- ${blockValue(value, indent + 2, eol)}${eol}`);
}

function removeItem(text: string, coll: YAMLMap | YAMLSeq, index: number): string {
  const items = coll.items as unknown[];
  const item = items[index]!;
  if (coll.flow) {
    if (index > 0) return splice(text, itemEnd(items[index - 1]!), itemEnd(item), '');
    if (items.length > 1) return splice(text, itemStart(item), itemStart(items[1]!), '');
    return splice(text, itemStart(item), itemEnd(item), '');
  }
  // A block entry: its whole lines, from the line of its key (or `-`) to the end of its value.
  const from = lineStart(text, itemStart(item));
  const lead = text.slice(from, itemStart(item)).trim();
  if (lead !== '' && !(lead === '-' && !isPair(item))) throw new EditError('cannot remove an entry that shares its line with another');
  return splice(text, from, lineEndAfter(text, itemNodeEnd(item)), '');
}

const nodeOf = (item: unknown): Node => (isPair(item) ? ((item as Pair).key as Node) : (item as Node));
const itemStart = (item: unknown): number => nodeOf(item).range![0];
const itemEnd = (item: unknown): number => (isPair(item) ? (((item as Pair).value as Node | null)?.range ?? ((item as Pair).key as Node).range!)[1] : (item as Node).range![1]);
const itemNodeEnd = (item: unknown): number => (isPair(item) ? (((item as Pair).value as Node | null)?.range ?? ((item as Pair).key as Node).range!)[2] : (item as Node).range![2]);

/** The offset just past the line break ending the line that `offset` is on (or the text's end). */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}
