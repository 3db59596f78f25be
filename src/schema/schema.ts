import * as z from 'zod';
import { getEdition, type Edition } from '../editions/index.js';
import type { EditionId } from '../model/report.js';
import { figureRows, flat, type FigureColumnDef, type FigureRowDef } from '../editions/rows.js';

/** Money written with its unit, as reports do (`0万元`, `7.463万元`, `251000元`) — spec §2.1. */
export const MONEY_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(万元|元)?\s*$/;

const prose = (title: string, description: string) =>
  z
    .union([
      z.string(),
      z.array(
        z.union([
          z.string(),
          z.object({ heading: z.string().meta({ title: '小标题' }) }).strict(),
          z.object({ lead: z.string().meta({ title: '段首小标题' }), text: z.string().meta({ title: '段落正文' }) }).strict(),
          z.object({ text: z.string().meta({ title: '段落（不识别小标题）' }) }).strict(),
        ]),
      ),
    ])
    .meta({
      title,
      description: `${description}。段落之间空一行；以“（一）”“1.”开头的段落自动识别为小标题。也可写成列表，逐段标明 heading / lead / text。`,
    });

/** Prose that may be left out: the title and description sit on the field itself, where an editor looks. */
const optionalProse = (title: string, description: string) => {
  const inner = prose(title, description);
  return inner.nullable().optional().meta(inner.meta() ?? { title });
};

/** What an editor shows for the three table sections (their keys are English), from the edition's labels. */
function tableSectionDescriptions(edition: Edition): Record<'proactive' | 'applications' | 'review', string> {
  const names = (cols: { label: string }[]) => cols.map((c) => flat(c.label)).join('、');
  return {
    proactive: `第二十条规定的主动公开事项，每项一组：${edition.proactive.items.map((i) => i.title).join('；')}`,
    applications: `依申请公开的统计表，每行按列填写：${names(edition.applications.columns)}（总计可省略，省略时自动计算）`,
    review: `行政复议、行政诉讼的统计表，每组按列填写：${names(edition.review.columns)}（总计可省略，省略时自动计算）`,
  };
}

/**
 * One schema per column (kind and label), shared by every row of its table: zod builds each schema
 * eagerly, and a cell's schema per row and column was 200-odd of them per edition, a third of a
 * one-report process's validation time (issue 18). Zod schemas are immutable, so sharing is safe.
 */
const cellSchemas = new Map<string, ReturnType<typeof newCellSchema>>();

function cellSchema(col: FigureColumnDef) {
  const key = `${col.kind}\u0000${col.label}`;
  let s = cellSchemas.get(key);
  if (!s) cellSchemas.set(key, (s = newCellSchema(col)));
  return s;
}

function newCellSchema(col: FigureColumnDef) {
  const meta = { title: col.label };
  switch (col.kind) {
    case 'count':
      return z.number().int().nonnegative().nullable().meta({ ...meta, description: `${col.label}：非负整数；null 表示空白（按 0 计）` });
    case 'signed':
      return z.number().int().nullable().meta({ ...meta, description: `${col.label}：整数，可为负数（减少用负值，如 -8）；null 表示空白` });
    case 'money':
      return z
        .union([z.number().nonnegative(), z.string().regex(MONEY_PATTERN), z.null()])
        .meta({ ...meta, description: `${col.label}：金额，可写小数，保留所写的小数位；可带单位（如 "7.463万元"、"251000元"）；null 表示空白` });
  }
}

/** A row of figures: a list in column order; the 总计 column may be left out (computed). */
function rowSchema(def: FigureRowDef) {
  const title = flat(def.labels[def.labels.length - 1]!);
  const fullName = def.labels.map(flat).join(' ');
  const cells = def.columns.map(cellSchema);
  const columns = def.columns.map((c) => c.label).join('、');
  if (def.columns.length === 1) {
    // Single-value rows of the 2021 二 table are written as a bare number.
    return cells[0]!.meta({ title, description: `${fullName}：${columns}` });
  }
  const description = `${fullName}，按列填写：${columns}`;
  // A tuple, so that an editor names each column (hovering the third figure says 科研机构).
  if (def.totalColumn !== null) {
    // The trailing 总计 may be left out and is then computed.
    const [total, ...rest] = [cells[cells.length - 1]!, ...cells.slice(0, -1)];
    return z
      .tuple([...rest, total.optional()] as unknown as [z.ZodTypeAny, ...z.ZodTypeAny[]])
      .meta({ title, description: `${description}（最后的“总计”可省略，省略时自动计算；填写时会核对）` });
  }
  return z.tuple(cells as unknown as [z.ZodTypeAny, ...z.ZodTypeAny[]]).meta({ title, description });
}

/**
 * The longest table label or title a report may set. Official labels run to about 35 characters
 * and the longest local annotations seen (Hubei) to about 60; at 200 a label still fits a page in
 * the narrowest label column of the 依申请 table (a longer one made a row taller than a page).
 */
export const MAX_LABEL_CHARS = 200;

function labelledRowSchema(def: FigureRowDef) {
  return z
    .object({
      label: z.string().min(1).max(MAX_LABEL_CHARS).meta({ title: '行名称' }),
      values: rowSchema(def),
    })
    .strict();
}

/** The zod schema of a report of one edition, built from the edition's row definitions. */
export function reportSchema(edition: Edition) {
  const rows = figureRows(edition);
  const byKey = new Map(rows.map((r) => [r.key, r]));

  // Nest row schemas by their dotted keys.
  type Tree = { [k: string]: Tree | z.ZodTypeAny };
  const tree: Tree = {};
  for (const r of rows) {
    const parts = r.key.split('.');
    let t = tree;
    for (const p of parts.slice(0, -1)) t = (t[p] ??= {}) as Tree;
    let schema: z.ZodTypeAny = rowSchema(r);
    if (r.optional) schema = schema.optional();
    if (r.allowsSubRows) {
      schema = z.union([
        schema,
        z.object({ subRows: z.array(labelledRowSchema(r)).min(1).meta({ title: '分项（如行政检查、行政确认）' }) }).strict(),
      ]);
    }
    t[parts[parts.length - 1]!] = schema;
  }
  const sectionTitles = edition.sectionTitles;
  const sectionDescriptions = tableSectionDescriptions(edition);
  const titleOf = (path: string): string => {
    const itemKey = path.split('.')[1];
    const item = edition.proactive.items.find((i) => i.key === itemKey);
    if (item) return item.title;
    const entry = edition.applications.results.find((e) => `applications.results.${e.key}` === path);
    if (entry) return entry.label;
    if (path === 'applications.results') return edition.applications.resultsHeader;
    return path;
  };
  const toObject = (t: Tree, path: string): z.ZodTypeAny => {
    const shape: Record<string, z.ZodTypeAny> = {};
    for (const [k, v] of Object.entries(t)) {
      shape[k] = v instanceof z.ZodType ? v : toObject(v as Tree, `${path}.${k}`);
    }
    if (path.startsWith('proactive.') && path.split('.').length === 2) {
      const first = rows.find((r) => r.item === path);
      if (first) shape.extraRows = z
          .array(labelledRowSchema(first))
          .optional()
          .meta({ title: '本项增加的行', description: '本项增加的行（地方格式，如湖北 2020 年模板的“其他主动公开文件”）：每行写 label（行名称）和 values（按本项的列填写数字）' });
    }
    return z.object(shape).strict().meta({ title: titleOf(path) });
  };
  const tableSection = (key: 'proactive' | 'applications' | 'review') => {
    const obj = toObject(tree[key] as Tree, key) as z.ZodObject;
    return obj
      .extend({ text: optionalProse('表格前的文字', `${sectionTitles[key]}：表格前的说明文字（可省略）`) })
      .strict()
      .meta({ title: sectionTitles[key], description: sectionDescriptions[key] });
  };
  void byKey;

  const shape = {
    agency: z.string().min(1).meta({ title: '机关全称', description: '发布年报的机关全称，如“某某县科学技术局”' }),
    year: z.number().int().min(2008).max(2100).meta({ title: '报告年度', description: '报告所属年度，如 2021' }),
    edition: z
      .union([z.literal('2019'), z.literal('2021'), z.literal(2019), z.literal(2021)])
      .optional()
      .meta({ title: '格式版本', description: '2019（国办公开办函〔2019〕60号，2020年度及以前）或 2021（国办公开办函〔2021〕30号，2021年度起）；省略时按年度确定' }),
    title: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .optional()
      .meta({ title: '标题', description: '省略时为“<机关全称><年度>年政府信息公开工作年度报告”；写成列表时每项一行（如机关名称单独一行）' }),
    unitLine: z.string().nullable().optional().meta({ title: '署名行', description: '标题下居中的机关名称行（可省略）' }),
    dateLine: z.string().nullable().optional().meta({ title: '日期行', description: '标题下居中的日期行，如“（2021年1月）”（可省略）' }),
    date: z.iso
      .date()
      .nullable()
      .optional()
      .meta({ title: '成文日期', description: '年-月-日，如 2022-01-20；用于文档属性（可省略，省略时取次年1月1日）' }),
    preamble: optionalProse('导语', '标题下、“一、总体情况”之前的导语（编制依据、统计期限、联系方式等，可省略）'),
    overview: prose(sectionTitles.overview, sectionTitles.overview),
    proactive: tableSection('proactive'),
    applications: tableSection('applications'),
    review: tableSection('review'),
    problems: prose(sectionTitles.problems, sectionTitles.problems),
    other: optionalProse(sectionTitles.other, `${sectionTitles.other}（可省略，省略时为“无。”）`),
    published: z
      .object({
        source: z.string().min(1).max(500).meta({ title: '原文出处', description: '已发布年报的文件名或网页地址，如“2024年报.pdf”' }),
        date: z.iso
          .date()
          .nullable()
          .optional()
          .meta({ title: '发布日期', description: '年-月-日，如 2025-01-28：原文的发布日期（已知时）' }),
      })
      .strict()
      .nullable()
      .optional()
      .meta({
        title: '已发布年报的转录',
        description: '这份文件是已发布年报的转录：按原文生成，数字不作改动（空白的总计保持空白）；原文的勾稽关系和正文问题作为警告列出（原文如此），不阻止生成',
      }),
    labels: z
      .record(z.string(), z.string().max(MAX_LABEL_CHARS))
      .nullable()
      .optional()
      .meta({ title: '地方格式的标签', description: '按标签编号替换表格标签或章节标题（如湖北 2020 年模板的注释）；“\\n”表示换行' }),
  };
  const fees = z
    .object({
      noticesIssued: z.number().int().nonnegative().meta({ title: '发出收费通知的件数' }),
      amountNotified: z.union([z.number().nonnegative(), z.string().regex(MONEY_PATTERN)]).meta({ title: '通知收费金额（元）' }),
      amountCollected: z.union([z.number().nonnegative(), z.string().regex(MONEY_PATTERN)]).meta({ title: '实际收取金额（元）' }),
    })
    .strict()
    .meta({ title: '信息处理费', description: '按《政府信息公开信息处理费管理办法》收取信息处理费的情况，写入“六、其他需要报告的事项”' });

  return edition.id === '2021'
    ? z.object({ ...shape, fees: fees.optional() }).strict().meta({ title: `政府信息公开工作年度报告（${edition.id}年版式）` })
    : z.object(shape).strict().meta({ title: `政府信息公开工作年度报告（${edition.id}年版式）` });
}

const schemaCache = new Map<EditionId, ReturnType<typeof reportSchema>>();

/** The schema of an edition, built once per process. */
export function schemaFor(edition: EditionId): ReturnType<typeof reportSchema> {
  let s = schemaCache.get(edition);
  if (!s) schemaCache.set(edition, (s = reportSchema(getEdition(edition))));
  return s;
}
