import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { addNote, cleanText, ImportError, stripNoise, type SourceBlock, type SourceDocument, type SourceRow } from './source.js';

type El = T.Element;
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'blockquote', 'center', 'header', 'footer', 'main', 'form', 'dl', 'dt', 'dd', 'pre', 'address', 'figure', 'caption']);
const LAYOUT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'button', 'svg', 'head']);
/** Text that marks one of the report's own tables (spec §2: the 二, 三, 四 tables). */
const isReportTable = (text: string) => /第二十条|申请人情况|本年新收政府信息公开申请/.test(text) || (/行政复议/.test(text) && /结果维持/.test(text));

/**
 * Reads an HTML page as portals publish it. parse5 builds the tree the way browsers do, so the
 * unclosed `<td>`s, stray `</p>`s and tables inside `<p>` that portal editors produce come out
 * as a browser shows them. The report's body is the innermost element holding 总体情况 and the
 * report's tables; site navigation, headers and footers around it are left out.
 */
export function readHtml(input: string): SourceDocument {
  const notes: string[] = [];
  const doc = parse(input);
  const all: El[] = [];
  const collect = (n: T.ParentNode) => {
    for (const c of n.childNodes) if ('tagName' in c) (all.push(c), collect(c));
  };
  collect(doc);
  const body = all.find((e) => e.tagName === 'body');
  if (!body) throw new ImportError('这个 HTML 文件没有正文，无法导入');
  const text = memo((e: El) => cleanText(plainText(e)).replace(SPACES_ALL, ''));
  // The report's own tables: innermost tables carrying the 二/三/四 table headers.
  const reportTables = all.filter((e) => e.tagName === 'table' && tables(e).length === 0 && isReportTable(text(e)));
  const contains = (e: El, inner: El) => {
    for (let p: T.ParentNode | null = inner; p; p = 'parentNode' in p ? p.parentNode : null) if (p === e) return true;
    return false;
  };
  const qualifies = (e: El) => text(e).includes('总体情况') && reportTables.length > 0 && reportTables.every((t) => contains(e, t));
  const container = all.filter(qualifies).pop() ?? all.filter((e) => /总体情况/.test(text(e)) && /主动公开|存在的主要问题|其他需要报告/.test(text(e))).pop() ?? body;
  if (container !== body) addNote(notes, `只读取了网页中的年报正文（<${container.tagName}${classOf(container)}>），网站导航等其他内容已忽略`);

  const blocks: SourceBlock[] = [];
  flatten(container, blocks, notes);
  const titleLike = (t: string) => [...t].length <= 80 && /报告/.test(t) && !/。/.test(t);
  // A title may be split over lines (unit name above, seeds 003/004): look at the first few.
  if (!blocks.slice(0, 3).some((b) => b.type === 'paragraph' && titleLike(b.text))) {
    // Portals often print the title in a header element outside the article body.
    const before = all.slice(0, all.indexOf(container)).filter((e) => /^(h[1-6]|p|div|td|span|title)$/.test(e.tagName) && /政府信息公开.*报告/.test(text(e)) && titleLike(text(e)));
    const heading = before.filter((e) => e.tagName !== 'title').pop() ?? before.pop();
    if (heading) {
      blocks.unshift({ type: 'paragraph', text: cleanText(plainText(heading)).replace(/\s*[-_|｜].*$/, '').trim() });
      addNote(notes, `标题取自正文之外的<${heading.tagName}${classOf(heading)}>`);
    }
  }
  if (!blocks.some((b) => b.type === 'table')) addNote(notes, '网页中没有找到表格');
  return { format: 'html', blocks, notes };
}

const SPACES_ALL = /\s+/g;

function classOf(e: El): string {
  const id = e.attrs.find((a) => a.name === 'id')?.value;
  const cls = e.attrs.find((a) => a.name === 'class')?.value;
  return id ? ` id="${id}"` : cls ? ` class="${cls}"` : '';
}

function memo<R>(f: (e: El) => R): (e: El) => R {
  const m = new Map<El, R>();
  return (e) => {
    if (!m.has(e)) m.set(e, f(e));
    return m.get(e)!;
  };
}

function tables(e: El): El[] {
  const out: El[] = [];
  const visit = (n: El) => {
    for (const c of n.childNodes) if ('tagName' in c) (c.tagName === 'table' ? out.push(c) : visit(c));
  };
  visit(e);
  return out;
}

const plainCache = new WeakMap<T.ParentNode, string>();

/** Text of an element with line breaks at block boundaries and `<br>` (memoised: linear on a whole page). */
function plainText(n: T.ParentNode): string {
  const hit = plainCache.get(n);
  if (hit !== undefined) return hit;
  const out = plainTextOf(n);
  plainCache.set(n, out);
  return out;
}

function plainTextOf(n: T.ParentNode): string {
  let out = '';
  for (const c of n.childNodes) {
    if (c.nodeName === '#text') out += (c as T.TextNode).value.replace(/[\r\n]+/g, ' ');
    else if ('tagName' in c) {
      if (SKIP.has(c.tagName)) continue;
      if (c.tagName === 'br') out += '\n';
      else if (BLOCK.has(c.tagName) || c.tagName === 'tr' || c.tagName === 'table') out += `\n${plainText(c)}\n`;
      else if (c.tagName === 'td' || c.tagName === 'th') out += ` ${plainText(c)} `;
      else out += plainText(c);
    }
  }
  return out;
}

function flatten(root: El, blocks: SourceBlock[], notes: string[]): void {
  let buffer = '';
  const flush = () => {
    for (const line of cleanText(stripNoise(buffer, notes)).split('\n')) if (line.trim() !== '') blocks.push({ type: 'paragraph', text: line.trim() });
    buffer = '';
  };
  const visit = (n: T.ParentNode) => {
    for (const c of n.childNodes) {
      if (c.nodeName === '#text') buffer += (c as T.TextNode).value.replace(/[\r\n]+/g, ' ');
      else if ('tagName' in c) {
        if (SKIP.has(c.tagName)) continue;
        if (c.tagName === 'table' && tables(c).length === 0) {
          flush();
          blocks.push({ type: 'table', rows: readTable(c, notes) });
        } else if (c.tagName === 'br') buffer += '\n';
        else if (BLOCK.has(c.tagName) || LAYOUT.has(c.tagName)) {
          // A table holding other tables is page layout: its cells are read as blocks.
          flush();
          visit(c);
          flush();
        } else visit(c);
      }
    }
  };
  visit(root);
  flush();
}

function readTable(table: El, notes: string[]): SourceRow[] {
  const rows: SourceRow[] = [];
  const visit = (n: El) => {
    for (const c of n.childNodes) {
      if (!('tagName' in c)) continue;
      if (c.tagName === 'tr') {
        rows.push(
          c.childNodes
            .filter((d): d is El => 'tagName' in d && (d.tagName === 'td' || d.tagName === 'th'))
            .map((td) => ({
              text: cleanText(stripNoise(plainText(td), notes)).replace(/\n+/g, '\n'),
              colSpan: spanOf(td, 'colspan'),
              rowSpan: spanOf(td, 'rowspan'),
              continuation: 'no' as const,
            })),
        );
      } else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows.filter((r) => r.length > 0);
}

function spanOf(td: El, name: string): number {
  const v = Number(td.attrs.find((a) => a.name === name)?.value ?? '1');
  return Number.isInteger(v) && v >= 1 && v <= 1000 ? v : 1;
}
