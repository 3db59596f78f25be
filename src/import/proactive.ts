import type { Edition } from '../editions/index.js';
import { flat } from '../editions/rows.js';
import type { ProactiveItemDef } from '../editions/types.js';
import { markUnsure, type Draft, type DraftRow, type Printed } from './draft.js';
import { fitValues, parseFigure, splitRow } from './figures.js';
import { matchLabel, norm } from './match.js';
import type { SourceRow } from './source.js';

/**
 * The 二 table (spec §2.1 / §3.1) into the draft: items by their 第二十条第（N）项 title rows,
 * header annotations and annotated row labels as `labels:` overrides, unknown rows of an item as
 * extra rows (Hubei 其他主动公开文件), two-label rows as sub-rows (Beijing 行政检查/行政确认).
 */
export function readProactive(rows: SourceRow[], edition: Edition, draft: Draft): void {
  let item: ProactiveItemDef | null = null;
  let subParent: string | null = null;
  let skipping = false;
  for (let r = 0; r < rows.length; r++) {
    const split = splitRow(rows[r]!);
    const { values, leadingEmpty } = split;
    let labels = split.labels;
    // A flattened row (crawler text) carries the item's title and header before its own label:
    // `第二十条第（一）项 信息内容 本年制发件数 … 规章 0 0 0`.
    const inner = values.some((v) => v.text !== '') ? labels.findIndex((l, i) => i < labels.length - 1 && /第二十条第（[一二三四五六七八九十]+）项/.test(norm(l.text))) : -1;
    if (inner >= 0) {
      const t = /第二十条第（[一二三四五六七八九十]+）项/.exec(norm(labels[inner]!.text))![0];
      item = edition.proactive.items.find((i) => norm(i.title) === t) ?? null;
      subParent = null;
      skipping = item === null;
      labels = labels.slice(inner + 1);
      if (item && labels.length > item.columns.length && matchLabel(labels[0]!.text, [item.header], (h) => h)) {
        readHeader(labels.slice(1, 1 + item.columns.length).map((l) => l.text), item, draft);
        labels = labels.slice(1 + item.columns.length);
      }
    }
    const joined = norm(labels.map((l) => l.text).join(''));
    const title = /第二十条第（([一二三四五六七八九十]+)）项/.exec(joined);
    if (title && values.every((v) => v.text === '')) {
      item = edition.proactive.items.find((i) => norm(i.title) === norm(title[0])) ?? null;
      subParent = null;
      skipping = item === null;
      if (!item) draft.notes.push(`二、主动公开政府信息情况：${edition.id}年版式没有“${title[0]}”，这一部分未导入`);
      else if (norm(labels[0]!.text) !== norm(item.title)) draft.labels[`proactive.${item.key}.title`] = labels[0]!.text;
      continue;
    }
    if (!item || skipping || labels.length === 0) continue;
    const base = `proactive.${item.key}`;
    if (matchLabel(labels[0]!.text, [item.header], (h) => h)) {
      const header = wrappedHeader(labels.map((l) => l.text), rows.slice(r + 1), item);
      r += header.rows;
      readHeader(header.cells.slice(1), item, draft);
      continue;
    }
    const def = matchLabel(labels[0]!.text, item.rows, (r) => r.label);
    const figures = (path: string): Printed[] => {
      const fitted = fitValues(values, item!.columns.length);
      if (fitted.unsure) markUnsure(draft, path, fitted.unsure);
      return fitted.cells.map((text, i) => {
        const f = parseFigure(text, item!.columns[i]!.kind);
        if (f.unsure) markUnsure(draft, path, `${flat(item!.columns[i]!.label)}：${f.unsure}`);
        return f.printed;
      });
    };
    if (def && !(subParent && leadingEmpty)) {
      const key = `${base}.${def.item.key}`;
      // A row label's line breaks are the column's, not the text's (labels are wrapped evenly).
      if (def.kind !== 'exact') draft.labels[key] = flat(labels[0]!.text);
      if (def.kind === 'fuzzy') markUnsure(draft, 'labels', `“${labels[0]!.text}”按“${def.item.label}”导入`);
      if (labels.length >= 2 && def.item.allowsSubRows) {
        const sub: DraftRow = { label: flat(labels[1]!.text), values: [] };
        sub.values = figures(key);
        draft.subRows[key] = [sub];
        subParent = key;
      } else {
        draft.rows[key] = figures(key);
        subParent = null;
      }
      continue;
    }
    // A line of labels with no figure cells at all (a header wrapped over lines in copied text) is not a row.
    if (values.length === 0) continue;
    if (subParent) {
      draft.subRows[subParent]!.push({ label: flat(labels[labels.length - 1]!.text), values: figures(subParent) });
      continue;
    }
    const extra = (draft.extraRows[base] ??= []);
    extra.push({ label: flat(labels.map((l) => l.text).join('')), values: figures(`${base}.extraRows`) });
    draft.notes.push(`二、主动公开政府信息情况 ${item.title}：“${shorten(labels[0]!.text)}”不是国家格式的行，作为本项增加的行（extraRows）导入`);
  }
}

/**
 * A header whose cells wrap onto the next lines, as a copied page has it (`信息内容⏎本年新` /
 * `制作数量⏎本年新` / `公开数量⏎对外公开总数量`, an annotation under a column's name): the rows
 * after the header row that hold no figures and name no row continue it, the last cell of each in
 * the first cell of the next, until the header has its columns and the lines stop adding to it.
 */
function wrappedHeader(cells: string[], after: SourceRow[], item: ProactiveItemDef): { cells: string[]; rows: number } {
  const out = [...cells];
  let used = 0;
  for (const row of after) {
    const { labels, values } = splitRow(row);
    const texts = labels.map((l) => l.text);
    if (labels.length === 0 || values.some((v) => v.text !== '') || out.length - 1 > item.columns.length) break;
    if (out.length - 1 === item.columns.length && texts.length > 1) break;
    if (/第二十条/.test(norm(texts[0]!)) || matchLabel(texts[0]!, item.rows, (x) => x.label) || matchLabel(texts[0]!, [item.header], (h) => h)) break;
    out[out.length - 1] = `${out[out.length - 1]}\n${texts[0]}`;
    out.push(...texts.slice(1));
    used++;
  }
  return out.length - 1 === item.columns.length ? { cells: out, rows: used } : { cells, rows: 0 };
}

/** Header cells that differ from the official text beyond line breaks become `labels:` overrides. */
function readHeader(printed: string[], item: ProactiveItemDef, draft: Draft): void {
  if (printed.length !== item.columns.length) {
    markUnsure(draft, `proactive.${item.key}`, `表头有 ${printed.length} 列，应为 ${item.columns.length} 列（${item.columns.map((c) => flat(c.label)).join('、')}）`);
    return;
  }
  item.columns.forEach((col, i) => {
    const text = printed[i]!;
    if (norm(text) !== norm(col.label)) draft.labels[`proactive.${item.key}.${col.key}`] = text;
  });
}

export function shorten(text: string, n = 24): string {
  const chars = [...text.replace(/\n/g, '')];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}
