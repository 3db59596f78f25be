import { describe, expect, it } from 'vitest';
import type { TableCell } from './document.js';
import { GridError, resolveGrid } from './grid.js';

const c = (text: string, rowSpan = 1, colSpan = 1): TableCell => ({ text, rowSpan, colSpan, kind: 'value', align: 'center' });

describe('resolveGrid', () => {
  it('places cells after row spans from earlier rows', () => {
    const g = resolveGrid({ columnWidths: [1, 1, 1], rows: [{ cells: [c('a', 2), c('b', 1, 2)] }, { cells: [c('d'), c('e')] }] });
    expect(g.slots[1]![0]).toEqual({ kind: 'merged', row: 1, col: 0, ownerRow: 0, ownerCol: 0 });
    expect(g.slots[1]![1]).toMatchObject({ kind: 'cell', col: 1 });
    expect(g.placed.map((p) => [p.cell.text, p.row, p.col])).toEqual([
      ['a', 0, 0],
      ['b', 0, 1],
      ['d', 1, 1],
      ['e', 1, 2],
    ]);
  });

  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof GridError ? e.code : 'other';
    }
    return 'none';
  };

  it('rejects ragged rows, overflow, overlaps and bad spans', () => {
    expect(code(() => resolveGrid({ columnWidths: [1, 1], rows: [{ cells: [c('a')] }] }))).toBe('grid/ragged');
    expect(code(() => resolveGrid({ columnWidths: [1, 1], rows: [{ cells: [c('a'), c('b'), c('x')] }] }))).toBe('grid/overflow');
    expect(code(() => resolveGrid({ columnWidths: [1], rows: [{ cells: [c('a', 2)] }] }))).toBe('grid/overflow');
    expect(
      code(() => resolveGrid({ columnWidths: [1, 1], rows: [{ cells: [c('a'), c('b', 2)] }, { cells: [c('c', 1, 2)] }] })),
    ).toBe('grid/overlap');
    expect(code(() => resolveGrid({ columnWidths: [1, 1], rows: [{ cells: [c('a', 1, 0), c('b')] }] }))).toBe('grid/bad-span');
  });
});
