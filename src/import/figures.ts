import type { FigureKind } from '../model/report.js';
import type { Printed } from './draft.js';
import type { SourceCell, SourceRow } from './source.js';
import { isValueText } from './match.js';

export interface ParsedFigure {
  printed: Printed;
  /** Why the value needs a look (the cell did not hold a plain figure). */
  unsure?: string;
}

/**
 * A printed cell as a figure of the given kind, kept as printed (`7.463万元`, `77.0693`, `-8`).
 * Blank stays blank; `-`, `/`, `无` are read as blank and flagged.
 */
export function parseFigure(raw: string, kind: FigureKind): ParsedFigure {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').replace(/[−–]/g, '-');
  if (text === '') return { printed: null };
  if (/^(-|—|——|\/|无)$/.test(text)) return { printed: null, unsure: `原文为“${raw}”，按空白导入` };
  let t = text;
  const notes: string[] = [];
  if (/\d[,，]\d{3}/.test(t)) {
    t = t.replace(/[,，]/g, '');
    notes.push(`原文为“${raw}”，已去掉千位分隔符`);
  }
  if (kind === 'money') {
    if (/^\d+(\.\d+)?(万元|元)?$/.test(t)) return notes.length ? { printed: t, unsure: notes.join('；') } : { printed: t };
    const m = /^(\d+(?:\.\d+)?)/.exec(t);
    return { printed: m ? m[1]! : null, unsure: `原文为“${raw}”，不是金额的标准写法` };
  }
  const unit = /^(-?\d+)(件|个|项|条|次)$/.exec(t);
  if (unit) return { printed: unit[1]!, unsure: `原文为“${raw}”，已去掉单位` };
  if (/^-?\d+$/.test(t)) {
    if (kind === 'count' && t.startsWith('-')) return { printed: t, unsure: `原文为负数“${raw}”` };
    // No table prints `00` or `01`: two figures run together (a text extractor merged two rows).
    if (/^-?0\d/.test(t)) return { printed: t, unsure: `原文为“${raw}”，以 0 开头，可能是两个数字连在一起` };
    return notes.length ? { printed: t, unsure: notes.join('；') } : { printed: t };
  }
  if (/^-?\d+\.\d+$/.test(t)) return { printed: t, unsure: `原文为小数“${raw}”，这一栏应为整数` };
  return { printed: null, unsure: `原文为“${raw}”，不是数字，按空白导入` };
}

export interface SplitRow {
  /** Non-empty label cells, in order. */
  labels: SourceCell[];
  /** The cells after the last label: the row's figures. */
  values: SourceCell[];
  /** The row starts with an empty cell before its first label (a merge continuation in text). */
  leadingEmpty: boolean;
}

/** Splits a row into its label cells and its value cells (merge continuations dropped). */
export function splitRow(row: SourceRow): SplitRow {
  const cells = row.filter((c) => c.continuation !== 'yes');
  let last = -1;
  cells.forEach((c, i) => {
    if (c.text !== '' && !isValueText(c.text)) last = i;
  });
  const labels = cells.slice(0, last + 1).filter((c) => c.text !== '');
  const leadingEmpty = row[0] !== undefined && row[0].text === '' && last > 0;
  return { labels, values: cells.slice(last + 1), leadingEmpty };
}

/**
 * Fits a row's value cells to the expected count: empty extra cells (Word artifacts of split
 * columns) are dropped; a short row is padded with blanks. Returns a note when it had to guess.
 */
export function fitValues(values: SourceCell[], expected: number): { cells: string[]; unsure?: string } {
  let cells = values.map((c) => c.text);
  if (cells.length > expected) {
    const filled = cells.filter((t) => t !== '');
    if (filled.length <= expected && cells.length - filled.length >= cells.length - expected) {
      // Keep blanks in place where possible: drop empty cells from the end first.
      while (cells.length > expected) {
        const i = cells.lastIndexOf('');
        if (i < 0) break;
        cells.splice(i, 1);
      }
      return { cells };
    }
    return { cells: cells.slice(0, expected), unsure: `这一行有 ${cells.length} 个数字，应为 ${expected} 个，只取了前 ${expected} 个` };
  }
  if (cells.length < expected) {
    const n = cells.length;
    cells = [...cells, ...new Array<string>(expected - n).fill('')];
    return { cells, unsure: `这一行只有 ${n} 个数字，应为 ${expected} 个，缺少的按空白导入` };
  }
  return { cells };
}
