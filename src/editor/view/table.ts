import type { TableBlock } from '../../model/document.js';
import { resolveGrid } from '../../model/grid.js';
import { pathKey, type FormTables } from '../form/figures.js';
import { el, type Field } from './dom.js';

/**
 * One of the three tables as the official form: the grid the renderers print (compose/tables.ts
 * through resolveGrid: the same merged cells, the same labels and template line breaks), with an
 * input in every value cell and in the label of each local row the file adds.
 */
export function tableView(table: TableBlock, form: FormTables, fields: Map<string, Field>): HTMLElement {
  const grid = resolveGrid(table);
  const rows: HTMLTableRowElement[] = Array.from({ length: grid.rowCount }, () => el('tr'));
  const labelOfRow = new Map<number, FormTables['rowLabels'][number]>();
  for (const p of grid.placed) {
    const b = p.cell.kind === 'value' && p.cell.pos ? form.cells.get(pathKey(p.cell.pos.path)) : undefined;
    const label = b?.row.labelPath && form.rowLabels.find((l) => l.key === pathKey(b.row.labelPath!));
    if (label) labelOfRow.set(p.row, label);
  }
  for (const p of grid.placed) {
    const { cell } = p;
    const header = cell.kind !== 'value';
    const td = el(header ? 'th' : 'td', { className: `nb-${cell.kind}${cell.align === 'left' ? ' nb-left' : ''}` });
    if (cell.rowSpan > 1) td.rowSpan = cell.rowSpan;
    if (cell.colSpan > 1) td.colSpan = cell.colSpan;
    if (header) td.scope = cell.kind === 'header' ? 'col' : 'row';
    const binding = cell.kind === 'value' && cell.pos ? form.cells.get(pathKey(cell.pos.path)) : undefined;
    const local = cell.kind === 'label' ? labelOfRow.get(p.row) : undefined;
    if (binding) {
      const input = el('input', { type: 'text', className: 'nb-cell', autocomplete: 'off', spellcheck: false, value: binding.text });
      input.inputMode = binding.row.def.columns[binding.column]?.kind === 'money' ? 'text' : 'decimal';
      input.setAttribute('aria-label', binding.name);
      input.placeholder = binding.computed;
      input.dataset.key = binding.key;
      input.dataset.row = String(p.row);
      input.dataset.col = String(p.col);
      input.dataset.span = String(cell.colSpan);
      td.append(input, messageSlot(binding.key, input, fields, 'cell'));
    } else if (local && cell.text === local.text && !fields.has(local.key)) {
      const input = el('input', { type: 'text', className: 'nb-rowlabel', autocomplete: 'off', value: local.text });
      input.setAttribute('aria-label', local.name);
      input.dataset.key = local.key;
      td.append(input, messageSlot(local.key, input, fields, 'label'));
    } else {
      cell.text.split('\n').forEach((line, i) => {
        if (i > 0) td.append(el('br'));
        td.append(line);
      });
    }
    rows[p.row]!.append(td);
  }
  const t = el('table', { className: `nb-form-table nb-table-${table.id}` });
  const caption = el('caption', { className: 'nb-sr', textContent: table.caption });
  const colgroup = el('colgroup');
  const total = table.columnWidths.reduce((a, b) => a + b, 0);
  for (const w of table.columnWidths) colgroup.append(el('col', { style: `width:${((100 * w) / total).toFixed(2)}%` }));
  const thead = el('thead');
  const tbody = el('tbody');
  rows.forEach((r, i) => (i < table.headerRows ? thead : tbody).append(r));
  t.append(caption, colgroup, ...(table.headerRows > 0 ? [thead] : []), tbody);
  const wrap = el('div', { className: 'nb-table-wrap' });
  wrap.append(t);
  return wrap;
}

function messageSlot(key: string, input: HTMLInputElement, fields: Map<string, Field>, kind: Field['kind']): HTMLElement {
  const msg = el('span', { className: 'nb-msg', id: `nb-msg-${fields.size}` });
  msg.hidden = true;
  fields.set(key, { key, kind, input, message: msg });
  return msg;
}
