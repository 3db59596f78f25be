import { Composer, isMap, isScalar, isSeq, Lexer, LineCounter, Parser, YAMLParseError, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { YamlPath } from '../model/report.js';

/** YAML aliases beyond this count are refused: bounds the expansion of alias bombs. */
export const MAX_ALIAS_COUNT = 100;
/** Nesting deeper than this cannot be a report. */
export const MAX_DEPTH = 40;

export interface Position {
  line: number;
  column: number;
}

/** A parsed YAML file and a map from any YAML path to its line:column. */
export interface SourceFile {
  file: string;
  text: string;
  value: unknown;
  /** Position of the node at `path`, or of the nearest ancestor that exists. */
  positionOf(path: YamlPath): Position;
  /** Position of the key of the map entry at `path` (for unknown keys). */
  keyPositionOf(path: YamlPath): Position;
  /**
   * Position of `snippet` inside the scalar at `path` (a paragraph inside a block of prose),
   * or the scalar's own position when it cannot be found.
   */
  positionIn(path: YamlPath, snippet: string, occurrence?: number): Position;
  /** Source spelling of the scalar at `path` (`7.4630`), if it is a scalar. */
  scalarSource(path: YamlPath): string | undefined;
  /** The text of line `line` (1-based), for carets. */
  lineText(line: number): string;
}

export type LoadResult = { ok: true; source: SourceFile } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Every error code of the yaml library, in Chinese: the library's own English text never
 * reaches a clerk (a code it adds later gets the general message, still in Chinese).
 */
const YAML_ERROR_MESSAGES: Record<string, string> = {
  ALIAS_PROPS: '别名（*名称）不能带标签或锚点',
  BAD_ALIAS: '别名（*名称）引用了不存在的锚点',
  BAD_COLLECTION_TYPE: '这里的列表或键值对写法不对',
  BAD_DIRECTIVE: '以 % 开头的指令写法不对（年报文件不需要指令）',
  BAD_DQ_ESCAPE: '双引号里的反斜杠（\\）转义写法不对；要写反斜杠本身请写两个，或改用单引号',
  BAD_INDENT: '缩进错误',
  BAD_PROP_ORDER: '锚点（&）和标签（!）应写在值的前面',
  BAD_SCALAR_START: '值不能以这个符号开头；以 @、`、%、|、> 等开头的文字请加引号',
  BLOCK_AS_IMPLICIT_KEY: '键的写法错误（可能是缺少冒号或缩进错误）',
  BLOCK_IN_FLOW: '方括号或花括号里不能再用分行的写法',
  DUPLICATE_KEY: '键重复：同一个键在这里出现了两次',
  IMPOSSIBLE: '无法读取这里的内容',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）',
  MISSING_CHAR: '缺少字符（例如引号或括号未闭合）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（可能是缺少冒号后的空格或缩进错误）',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&）',
  MULTIPLE_DOCS: '一个文件只能有一份年报（文件中有多个以 --- 分隔的文档）',
  MULTIPLE_TAGS: '一个值只能有一个标签（!）',
  NON_STRING_KEY: '键只能是文字',
  RESOURCE_EXHAUSTION: '文件结构过于庞大，无法读取',
  TAB_AS_INDENT: '不能用制表符缩进，请改用空格',
  TAG_RESOLVE_FAILED: '不支持这个标签（!）',
  UNEXPECTED_TOKEN: '无法识别的内容',
};

/**
 * The tags of YAML's core schema. Any other (`!!binary`, `!!js/function`, `!foo`) is refused
 * at the tag: the yaml library would turn `!!binary` into bytes and keep `!foo` as text.
 */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export function loadYaml(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const parsed = parseGuarded(text, lineCounter);
  if (parsed.refused) return { ok: false, diagnostics: [refusal(parsed.refused.code, file, at(parsed.refused.offset))] };
  const doc = parsed.doc;
  const diagnostics: Diagnostic[] = unsupportedTags(doc.contents as Node | null, text).map((t) => ({
    code: 'yaml/unsupported-tag',
    severity: 'error',
    message: `不支持标签“${t.tag}”（以 ! 开头的写法）：年报文件只用文字、数字、列表和键值对，请去掉这个标签${t.tag === '!!binary' ? '，把内容直接写成文字' : ''}`,
    file,
    ...at(t.offset),
    path: [],
  }));
  // A lone `-` in a flow list (`[0, -, 0]`, a table's "not applicable") is read as a block list
  // and gives three errors; one message says what to write instead.
  const dashes = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'TAG_RESOLVE_FAILED') continue; // reported above, at the tag, naming it
    const dashAt = loneDashAt(text, e.pos[0]);
    if (dashAt >= 0) {
      if (!dashes.has(dashAt)) diagnostics.push({ code: 'yaml/syntax', severity: 'error', message: '写法错误：方括号里单独的“-”不是数字（会被当作列表的开头）。不适用或没有数字的单元格请写“null”（打印为空白）或写 0', file, ...at(dashAt), path: [] });
      dashes.add(dashAt);
      continue;
    }
    diagnostics.push({
      code: e.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
      severity: 'error',
      message: `写法错误：${YAML_ERROR_MESSAGES[e.code] ?? '无法读取这里的内容'}`,
      file,
      ...at(e.pos[0]),
      path: [],
    });
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const depth = nodeDepth(doc.contents as Node | null);
  if (depth > MAX_DEPTH) return { ok: false, diagnostics: [refusal('input/too-deep', file, { line: 1, column: 1 })] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error && /alias/i.test(e.message)
      ? `别名（*名称）展开过多（上限 ${MAX_ALIAS_COUNT} 次），文件可能是恶意构造的`
      : '无法读取这个文件的内容';
    return { ok: false, diagnostics: [{ code: 'yaml/alias-limit', severity: 'error', message, file, line: 1, column: 1, path: [] }] };
  }
  if (value === null || value === undefined) {
    return { ok: false, diagnostics: [{ code: 'input/empty', severity: 'error', message: '文件没有内容', file, line: 1, column: 1, path: [] }] };
  }

  const lines = text.split(/\r?\n/);
  const nearest = (path: YamlPath): { node: Node | null; key: Node | null } => {
    let node: unknown = doc.contents;
    let key: Node | null = null;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        key = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
        key = null;
        node = node.items[seg];
      } else {
        break;
      }
    }
    return { node: (node as Node | null) ?? null, key };
  };
  const posOfNode = (n: Node | null | undefined): Position => (n?.range ? at(n.range[0]) : { line: 1, column: 1 });
  const source: SourceFile = {
    file,
    text,
    value,
    positionOf(path) {
      const { node, key } = nearest(path);
      return node?.range ? posOfNode(node) : posOfNode(key);
    },
    keyPositionOf(path) {
      const { node, key } = nearest(path);
      return key ? posOfNode(key) : posOfNode(node);
    },
    positionIn(path, snippet, occurrence = 0) {
      const { node } = nearest(path);
      const needle = snippet.trim().slice(0, 12);
      if (node?.range && needle) {
        // A block scalar's range opens with its header (`|- # 一、总体情况`): the text starts on the next line.
        const header = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') ? text.indexOf('\n', node.range[0]) + 1 : 0;
        const start = header > 0 && header < node.range[1] ? header : node.range[0];
        const within = text.slice(start, node.range[1]);
        let i = within.indexOf(needle);
        for (let k = 0; k < occurrence && i >= 0; k++) i = within.indexOf(needle, i + needle.length);
        if (i >= 0) return at(start + i);
      }
      return this.positionOf(path);
    },
    scalarSource(path) {
      const node = doc.getIn(path as (string | number)[], true);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
    lineText(line) {
      return lines[line - 1] ?? '';
    },
  };
  return { ok: true, source };
}

/** Offset of the lone `-` item of a flow list (`[0, -, 0]`) that a YAML error at `offset` is about, or -1. */
function loneDashAt(text: string, offset: number): number {
  const at = text[offset] === '-' ? offset : text[offset - 1] === '-' && /[,\]]/.test(text[offset] ?? '') ? offset - 1 : -1;
  if (at < 0 || !/^-\s*[,\]]/.test(text.slice(at, at + 8)) || !/[[,]\s*$/.test(text.slice(Math.max(0, at - 8), at))) return -1;
  return at;
}

const refusal = (code: Refused['code'], file: string, pos: Position): Diagnostic => ({
  code,
  severity: 'error',
  message:
    code === 'input/too-deep'
      ? `嵌套层数过深（超过 ${MAX_DEPTH} 层），不是一份年报文件`
      : `文件结构过于庞大（一个列表或一组键值超过 ${MAX_ITEMS} 项，或整个文件超过 ${MAX_LEXEMES} 个词法单元），不是一份年报文件`,
  file,
  ...pos,
  path: [],
});

/**
 * The syntax tree (CST) may be this deep before the file is refused. It runs one or two levels
 * deeper than the value (the document, a compact sequence), so a file within MAX_DEPTH never
 * comes near it.
 */
const MAX_CST_DEPTH = 2 * MAX_DEPTH;
/**
 * Entries of one list or map, and lexemes of the whole file. A report has at most a few dozen
 * entries in any collection and under 2,000 lexemes; within the 2 MB size limit the yaml library
 * took 13 s and 1.1 GB for one flat list of a million numbers, and minutes for a map of 200,000
 * keys (its duplicate-key check compares every pair).
 */
export const MAX_ITEMS = 1000;
const MAX_LEXEMES = 200_000;

class Refused {
  constructor(
    readonly code: 'input/too-deep' | 'input/too-complex',
    readonly offset: number,
  ) {}
}

/**
 * `parseDocument` with guards on the shape of the file. The yaml library composes nested
 * collections recursively: 2 MB of `[` took 22 s and 1.9 GB before it ran out of stack. Watching
 * the parser's stack between lexemes stops such a file after a few hundred bytes.
 */
function parseGuarded(text: string, lineCounter: LineCounter): { doc: Document.Parsed; refused?: undefined } | { refused: Refused } {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0); // the first line, which Parser.parse would register
  function* tokens() {
    let lexemes = 0;
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      const stack = parser.stack;
      if (stack.length > MAX_CST_DEPTH) throw new Refused('input/too-deep', parser.offset);
      const top = stack[stack.length - 1];
      if (++lexemes > MAX_LEXEMES || (top && 'items' in top && Array.isArray(top.items) && top.items.length > MAX_ITEMS)) {
        throw new Refused('input/too-complex', parser.offset);
      }
    }
    yield* parser.end();
  }
  const composer = new Composer({ uniqueKeys: true, prettyErrors: false, strict: true });
  let doc: Document.Parsed | undefined;
  try {
    for (const d of composer.compose(tokens(), true, text.length)) {
      if (!doc) doc = d;
      else {
        // As parseDocument does: a second `---` document is an error, not silently dropped.
        doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
        break;
      }
    }
  } catch (e) {
    if (e instanceof Refused) return { refused: e };
    throw e;
  }
  return { doc: doc! };
}

/** Every node whose tag is not one of the core schema's, with the tag as written and its offset. */
function unsupportedTags(root: Node | null, text: string): { tag: string; offset: number }[] {
  const found: { tag: string; offset: number }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) stack.push(...n.items);
    const node = n as Node | null | undefined;
    if (!node || typeof node !== 'object' || !('tag' in node) || !node.tag || CORE_TAGS.has(node.tag)) continue;
    const written = node.tag.startsWith('tag:yaml.org,2002:') ? `!!${node.tag.slice('tag:yaml.org,2002:'.length)}` : node.tag;
    const start = node.range?.[0] ?? 0;
    const offset = text.lastIndexOf(written, start);
    found.push({ tag: written, offset: offset >= 0 ? offset : start });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Depth of the node tree, computed without following aliases. */
function nodeDepth(root: Node | null): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_DEPTH) return d;
    if (isMap(n)) for (const p of n.items) stack.push([p.value, d + 1]);
    else if (isSeq(n)) for (const it of n.items) stack.push([it, d + 1]);
  }
  return max;
}

