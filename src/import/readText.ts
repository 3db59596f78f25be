import { addNote, cleanText, stripNoise, type SourceBlock, type SourceCell, type SourceDocument, type SourceRow } from './source.js';

const isBlank = (line: string) => !line.startsWith('\t') && cleanText(line) === '';
const isCell = (line: string) => line.startsWith('\t');

/**
 * Reads text extracted from Word by Apache Tika (the seeds' format, spec §5.1): a cell is a
 * line starting with a TAB, further paragraphs of the cell follow without a TAB, a row ends
 * with an empty line, a table with two or more. A cell continuing a vertical merge is a bare
 * TAB, which is also how a blank cell looks: such cells are marked `maybe`.
 */
export function readText(input: string): SourceDocument {
  const notes: string[] = [];
  const lines = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: SourceBlock[] = [];
  let rows: SourceRow[] | null = null;
  let row: SourceRow = [];
  let cell: string[] | null = null;

  const endCell = () => {
    if (!cell) return;
    const text = cleanText(stripNoise(cell.join('\n'), notes)).replace(/\n{2,}/g, '\n');
    const c: SourceCell = { text, colSpan: 1, rowSpan: 1, continuation: text === '' ? 'maybe' : 'no' };
    row.push(c);
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (rows && row.length > 0) rows.push(row);
    row = [];
  };
  const endTable = () => {
    endRow();
    if (rows && rows.length > 0) blocks.push({ type: 'table', rows });
    rows = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isCell(line)) {
      rows ??= [];
      endCell();
      cell = [line.slice(1)];
      continue;
    }
    if (rows === null) {
      const text = cleanText(stripNoise(line, notes));
      if (text !== '') blocks.push({ type: 'paragraph', text });
      continue;
    }
    if (!isBlank(line)) {
      // A further paragraph of the current cell.
      if (cell) cell.push(line);
      else {
        endTable();
        i--;
      }
      continue;
    }
    // Blank lines inside a table: count them and look at what follows.
    let j = i;
    while (j < lines.length && isBlank(lines[j]!)) j++;
    const blanks = j - i;
    if (j >= lines.length || blanks >= 2) {
      endTable();
      i = j - 1;
      continue;
    }
    if (isCell(lines[j]!)) {
      endRow();
      i = j - 1;
      continue;
    }
    // One blank line, then text: an empty paragraph inside the cell (seed 004 `（三）不予` / `` /
    // `公开`) when the text runs straight into the next cell; otherwise the table has ended.
    let k = j;
    while (k < lines.length && !isBlank(lines[k]!) && !isCell(lines[k]!)) k++;
    if (cell && k < lines.length && isCell(lines[k]!)) {
      i = j - 1;
      addNote(notes, '表格单元格中的空段落已合并');
      continue;
    }
    endTable();
    i = j - 1;
  }
  if (rows) endTable();
  else endCell();
  return { format: 'text', blocks, notes };
}
