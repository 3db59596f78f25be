import type { Edition } from '../editions/index.js';
import { flat } from '../editions/rows.js';
import { markUnsure, type Draft } from './draft.js';
import { fitValues, parseFigure, splitRow } from './figures.js';
import { matchLabel } from './match.js';
import type { SourceRow } from './source.js';

interface RowTarget {
  key: string;
  label: string;
  /** The （三）–（六） group an item belongs to. */
  group: string | null;
}

/** The rows of the 三 table an edition has, with their official labels (src/editions). */
function targets(edition: Edition): { singles: RowTarget[]; items: RowTarget[]; groups: RowTarget[] } {
  const app = edition.applications;
  const singles: RowTarget[] = [
    { key: 'newlyReceived', label: app.newlyReceived, group: null },
    { key: 'carriedOver', label: app.carriedOver, group: null },
    { key: 'results.total', label: app.total, group: null },
    { key: 'carriedForward', label: app.carriedForward, group: null },
  ];
  const items: RowTarget[] = [];
  const groups: RowTarget[] = [];
  for (const e of app.results) {
    if (e.items) {
      groups.push({ key: e.key, label: e.label, group: null });
      for (const it of e.items) items.push({ key: `results.${e.key}.${it.key}`, label: it.label, group: e.key });
    } else singles.push({ key: `results.${e.key}`, label: e.label, group: null });
  }
  return { singles, items, groups };
}

/**
 * The 三 table (spec §2.2 / §3.2): each data row is named by its last label cell; an item
 * (`1.属于国家秘密`) is looked up inside the （三）–（六） group seen last, so items with the same
 * text in different groups (`3.其他`) land in the right row.
 */
export function readApplications(rows: SourceRow[], edition: Edition, draft: Draft): void {
  const { singles, items, groups } = targets(edition);
  const columns = edition.applications.columns;
  let group: string | null = null;
  let started = false;
  const seen = new Set<string>();
  for (const row of rows) {
    const { labels, values } = splitRow(row);
    if (labels.length === 0) continue;
    for (const l of labels) {
      const g = matchLabel(l.text, groups, (t) => t.label);
      if (g && g.kind !== 'fuzzy') group = g.item.key;
    }
    const last = labels[labels.length - 1]!.text;
    const inGroup = group ? items.filter((t) => t.group === group) : [];
    let hit =
      matchLabel(last, inGroup, (t) => t.label) ?? matchLabel(last, singles, (t) => t.label) ?? matchLabel(last, items, (t) => t.label);
    const asGroup = !hit && values.some((v) => v.text !== '') ? matchLabel(last, groups, (t) => t.label) : null;
    if (asGroup && asGroup.kind !== 'fuzzy') {
      // A group printed as one row with figures (（六）其他处理 of the 2019 tables in a 2021
      // report): its figures go to the group's catch-all item (3.其他), flagged.
      const catchAll = items.filter((t) => t.group === asGroup.item.key).pop();
      if (catchAll) {
        hit = { item: catchAll, kind: 'exact' };
        markUnsure(draft, `applications.${catchAll.key}`, `原表“${last.replace(/\n/g, '')}”只有一行（2019 年版式的写法），数字记入“${catchAll.label}”`);
      }
    }
    if (!hit) {
      if (started && values.some((v) => v.text !== '')) draft.notes.push(`三、收到和处理政府信息公开申请情况：不认识的行“${last.replace(/\n/g, '')}”，未导入`);
      continue;
    }
    started = true;
    if (hit.item.group === null) group = null;
    const key = `applications.${hit.item.key}`;
    if (hit.kind !== 'exact') draft.labels[key] = flat(last);
    if (seen.has(key)) markUnsure(draft, key, '这一行在原表中出现了不止一次，取了最后一次');
    seen.add(key);
    let fitted = fitValues(values, columns.length);
    if (values.length === columns.length - 1) {
      // No 总计 column printed: leave it to be computed.
      fitted = { cells: values.map((v) => v.text) };
      markUnsure(draft, key, '原表这一行没有“总计”列，总计由程序计算');
    }
    if (fitted.unsure) markUnsure(draft, key, fitted.unsure);
    draft.rows[key] = fitted.cells.map((text, i) => {
      const f = parseFigure(text, 'count');
      if (f.unsure) markUnsure(draft, key, `${columns[i]?.label.replace(/\n/g, '') ?? ''}：${f.unsure}`);
      return f.printed;
    });
  }
  for (const t of [...singles, ...items]) {
    const key = `applications.${t.key}`;
    if (!seen.has(key) && t.key !== 'results.total') {
      markUnsure(draft, key, '原表中没有找到这一行，按空白导入');
      draft.rows[key] = columns.map(() => null);
    }
  }
}

/** The 四 table (spec §2.3): the row of 15 figures (三组各 5 列). */
export function readReview(rows: SourceRow[], edition: Edition, draft: Draft): void {
  const groups = edition.review.groups;
  const width = edition.review.columns.length;
  const dataRows = rows.map(splitRow).filter((r) => r.values.filter((v) => v.text !== '').length > 0 && r.values.length >= groups.length * (width - 1));
  const data = dataRows.pop();
  if (!data) {
    for (const g of groups) {
      draft.rows[`review.${g.key}`] = new Array<null>(width).fill(null);
      markUnsure(draft, `review.${g.key}`, '原文中没有找到行政复议、行政诉讼表的数字，按空白导入');
    }
    return;
  }
  const perGroup = data.values.length === groups.length * (width - 1) ? width - 1 : width;
  const fitted = fitValues(data.values, groups.length * perGroup);
  groups.forEach((g, gi) => {
    const key = `review.${g.key}`;
    if (fitted.unsure) markUnsure(draft, key, fitted.unsure);
    if (perGroup < width) markUnsure(draft, key, '原表没有“总计”列，总计由程序计算');
    draft.rows[key] = fitted.cells.slice(gi * perGroup, (gi + 1) * perGroup).map((text, i) => {
      const f = parseFigure(text, 'count');
      if (f.unsure) markUnsure(draft, key, `${edition.review.columns[i]!.label}：${f.unsure}`);
      return f.printed;
    });
  });
}
