import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { addNote, cleanText, ImportError, stripNoise, type SourceBlock, type SourceCell, type SourceDocument, type SourceRow } from './source.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Reads a .docx: the body of word/document.xml, tables with their real gridSpan / vMerge. */
export function readDocx(bytes: Uint8Array): SourceDocument {
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
  } catch {
    throw new ImportError('无法打开这个 DOCX 文件：它不是有效的 Word 文档（.docx 是 ZIP 压缩包），可能已损坏，或是旧版 .doc 文件改了扩展名（请用 Word 另存为 .docx）');
  }
  if (!xml) throw new ImportError('这个 DOCX 文件里没有正文（缺少 word/document.xml），无法导入');
  const notes: string[] = [];
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(new TextDecoder().decode(xml), 'text/xml');
  const body = children(doc.documentElement ?? undefined).find((e) => e.localName === 'body');
  if (!body) throw new ImportError('这个 DOCX 文件的正文无法解析（word/document.xml 不是有效的 Word XML）');
  const blocks: SourceBlock[] = [];
  walkBlocks(body, blocks, notes);
  return { format: 'docx', blocks, notes };
}

function walkBlocks(parent: Element, blocks: SourceBlock[], notes: string[]): void {
  for (const el of children(parent)) {
    if (el.localName === 'p') {
      const text = cleanText(stripNoise(paragraphText(el), notes));
      if (text !== '') blocks.push({ type: 'paragraph', text });
    } else if (el.localName === 'tbl') {
      blocks.push({ type: 'table', rows: readTable(el, notes) });
    } else if (el.localName === 'sdt' || el.localName === 'sdtContent' || el.localName === 'customXml') {
      walkBlocks(el, blocks, notes); // content controls wrap ordinary paragraphs and tables
    }
  }
}

function readTable(tbl: Element, notes: string[]): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const tr of children(tbl).filter((e) => e.localName === 'tr')) {
    const row: SourceRow = [];
    for (const tc of children(tr).filter((e) => e.localName === 'tc')) {
      const pr = children(tc).find((e) => e.localName === 'tcPr');
      const span = pr && children(pr).find((e) => e.localName === 'gridSpan');
      const vMerge = pr && children(pr).find((e) => e.localName === 'vMerge');
      const paragraphs = children(tc)
        .filter((e) => e.localName === 'p' || e.localName === 'tbl')
        .map((e) => (e.localName === 'p' ? paragraphText(e) : textOf(e)));
      const text = cleanText(stripNoise(paragraphs.join('\n'), notes)).replace(/\n{2,}/g, '\n');
      const continues = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
      const cell: SourceCell = { text, colSpan: Math.max(1, Number(span ? attr(span, 'val') : 1) || 1), rowSpan: 1, continuation: continues ? 'yes' : 'no' };
      row.push(cell);
    }
    rows.push(row);
  }
  fillRowSpans(rows);
  if (rows.some((r) => r.some((c) => c.continuation === 'yes'))) addNote(notes, '表格的纵向合并单元格（vMerge）已按合并结构读取');
  return rows;
}

/** A vMerge restart cell spans the continuation cells below it in the same grid column. */
function fillRowSpans(rows: SourceRow[]): void {
  const startAt = (row: SourceRow, i: number) => row.slice(0, i).reduce((n, c) => n + c.colSpan, 0);
  rows.forEach((row, r) => {
    row.forEach((cell, i) => {
      if (cell.continuation === 'yes') return;
      const col = startAt(row, i);
      let span = 1;
      for (let below = r + 1; below < rows.length; below++) {
        const next = rows[below]!;
        const j = next.findIndex((_, k) => startAt(next, k) === col);
        if (j < 0 || next[j]!.continuation !== 'yes') break;
        span++;
      }
      cell.rowSpan = span;
    });
  });
}

function paragraphText(p: Element): string {
  let out = '';
  const visit = (n: Node) => {
    const el = n as Element;
    if (n.nodeType !== 1) return;
    if (el.namespaceURI === W) {
      if (el.localName === 't') {
        out += el.textContent ?? '';
        return;
      }
      if (el.localName === 'tab') out += ' ';
      // A w:cr is where nianbao ended a line of a title or label for the page, not a line of the text.
      if (el.localName === 'br') out += '\n';
      if (el.localName === 'del' || el.localName === 'instrText' || el.localName === 'pPr' || el.localName === 'rPr') return;
    }
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(p);
  return out;
}

function textOf(el: Element): string {
  return children(el)
    .map((c) => (c.localName === 'p' ? paragraphText(c) : textOf(c)))
    .filter((t) => t !== '')
    .join('\n');
}

function children(el: Element | undefined): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

function attr(el: Element, name: string): string | null {
  return el.getAttributeNS(W, name) ?? el.getAttribute(`w:${name}`);
}
