import { tableLabelIds } from '../compose/tables.js';
import { SECTION_KEYS, type Edition } from '../editions/index.js';
import { figureRows, flat, rowName } from '../editions/rows.js';
import type { YamlPath } from '../model/report.js';

const FIELD_NAMES: Record<string, string> = {
  agency: '机关全称',
  year: '报告年度',
  edition: '格式版本',
  title: '标题',
  unitLine: '署名行',
  dateLine: '日期行',
  date: '成文日期',
  preamble: '导语',
  labels: '地方格式的标签',
  fees: '信息处理费',
  'fees.noticesIssued': '信息处理费 · 发出收费通知的件数',
  'fees.amountNotified': '信息处理费 · 通知收费金额（元）',
  'fees.amountCollected': '信息处理费 · 实际收取金额（元）',
};

const labelsByEdition = new WeakMap<Edition, ReadonlyMap<string, string>>();

/** Every id `labels:` accepts (table labels and `sections.*` titles) with its official text; built once per edition. */
export function knownLabels(edition: Edition): ReadonlyMap<string, string> {
  let known = labelsByEdition.get(edition);
  if (!known) {
    const ids = tableLabelIds(edition);
    for (const k of SECTION_KEYS) ids.set(`sections.${k}`, edition.sectionTitles[k]);
    labelsByEdition.set(edition, (known = ids));
  }
  return known;
}

/**
 * The official name of the field or table cell at a YAML path, for messages:
 * `三、本年度办理结果（三）不予公开1.属于国家秘密 · 科研机构`.
 */
export function fieldName(edition: Edition, path: YamlPath): string {
  const dotted = path.filter((p) => typeof p === 'string').join('.');
  const sections = edition.sectionTitles as Record<string, string>;
  if (path.length === 1 && typeof path[0] === 'string' && sections[path[0]]) return sections[path[0]]!;
  if (FIELD_NAMES[dotted]) return FIELD_NAMES[dotted]!;
  if (path[0] === 'labels' && typeof path[1] === 'string') {
    const official = knownLabels(edition).get(path[1]);
    if (official) return `${FIELD_NAMES.labels}“${official.replace(/\n/g, '')}”`;
  }
  if (path[1] === 'text' && typeof path[0] === 'string' && sections[path[0]]) return `${sections[path[0]]} · 表格前的文字`;

  for (const row of figureRows(edition)) {
    const parts = row.key.split('.');
    if (!parts.every((p, i) => path[i] === p)) continue;
    const rest = path.slice(parts.length);
    const name = rowName(row);
    if (rest.length === 0) return name;
    if (typeof rest[0] === 'number') return `${name} · ${row.columns[rest[0]]?.label ?? `第${rest[0] + 1}列`}`;
    if (rest[0] === 'subRows' && typeof rest[1] === 'number') {
      const col = rest[3];
      return `${name} · 第${rest[1] + 1}个分项${typeof col === 'number' ? ` · ${row.columns[col]?.label ?? `第${col + 1}列`}` : ''}`;
    }
    return name;
  }
  const item = edition.proactive.items.find((i) => path[0] === 'proactive' && path[1] === i.key);
  if (item) {
    if (path[2] === 'extraRows' && typeof path[3] === 'number') {
      const col = path[5];
      const column = typeof col === 'number' ? item.columns.flatMap((c) => [flat(c.label)])[col] : undefined;
      return `${item.title} · 增加的第${path[3] + 1}行${column ? ` · ${column}` : ''}`;
    }
    return item.title;
  }
  if (path[0] === 'applications' && path[1] === 'results') {
    const entry = edition.applications.results.find((e) => e.key === path[2]);
    return entry ? `${edition.applications.resultsHeader}${entry.label}` : edition.applications.resultsHeader;
  }
  if (typeof path[0] === 'string' && sections[path[0]]) return sections[path[0]]!;
  return dotted || '文件';
}

