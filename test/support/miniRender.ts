import { strToU8, zipSync } from 'fflate';
import type { Block, Document, TableBlock } from '../../src/model/document.js';
import { resolveGrid } from '../../src/model/grid.js';

/**
 * Minimal DOCX and HTML writers for testing the importer's readers before (and independently
 * of) the real renderers: the real merge structure (gridSpan / vMerge, rowspan / colspan) from
 * resolveGrid, and nothing else.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function blockTexts(b: Block): string[] {
  switch (b.type) {
    case 'title':
      return b.lines;
    case 'byline':
    case 'heading':
      return [b.text];
    case 'paragraph':
      return [(b.lead?.text ?? '') + b.text];
    default:
      return [];
  }
}

const wp = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

function docxTable(t: TableBlock): string {
  const grid = resolveGrid(t);
  const rows = grid.slots.map((row) => {
    const cells: string[] = [];
    for (const slot of row) {
      if (slot.kind === 'merged' && slot.ownerRow === slot.row) continue; // covered by a gridSpan
      const owner = slot.kind === 'cell' ? slot : grid.slots[slot.ownerRow]![slot.ownerCol]!;
      const cell = owner.kind === 'cell' ? owner.cell : null;
      if (!cell) continue;
      const pr = [cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '', cell.rowSpan > 1 ? (slot.kind === 'cell' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : ''].join('');
      const body = slot.kind === 'cell' ? cell.text.split('\n').map(wp).join('') : '<w:p/>';
      cells.push(`<w:tc><w:tcPr>${pr}</w:tcPr>${body}</w:tc>`);
    }
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblGrid>${t.columnWidths.map(() => '<w:gridCol/>').join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

export function miniDocx(doc: Document, extraXml = ''): Uint8Array {
  const body = doc.blocks.map((b) => (b.type === 'table' ? docxTable(b) : blockTexts(b).map(wp).join(''))).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${extraXml}${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
}

function htmlTable(t: TableBlock): string {
  const rows = t.rows.map(
    (r) =>
      `<tr>${r.cells
        .map((c) => {
          const tag = c.kind === 'header' ? 'th' : 'td';
          const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
          return `<${tag}${span}>${c.text === '' ? '&nbsp;' : c.text.split('\n').map(esc).join('<br>')}</${tag}>`;
        })
        .join('')}</tr>`,
  );
  return `<table border="1"><tbody>${rows.join('')}</tbody></table>`;
}

/** A portal-style page: navigation, a header with the title, the body in a div, a footer. */
export function miniHtml(doc: Document, portal = true): string {
  const body = doc.blocks
    .map((b) => (b.type === 'table' ? htmlTable(b) : blockTexts(b).map((t) => `<p>${esc(t)}</p>`).join('\n')))
    .join('\n');
  if (!portal) return `<!DOCTYPE html><html><body>${body}</body></html>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(doc.meta.title)}_某某区人民政府门户网站</title></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li>政府信息公开年报</li></ul></div>
<div class="main"><div class="article">${body}</div></div>
<div class="footer">主办：某某区人民政府办公室 &nbsp; 网站标识码 1234567890 &nbsp;<table><tr><td>友情链接</td><td>信息内容</td></tr></table></div>
</body></html>`;
}
