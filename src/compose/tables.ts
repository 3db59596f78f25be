import type { Edition } from '../editions/index.js';
import type { ProactiveItemDef } from '../editions/types.js';
import type { SourcePos, TableBlock, TableCell, TableRow } from '../model/document.js';
import type { Figure, Report, YamlPath } from '../model/report.js';

/** Maps a YAML path to its source position (compose is pure: the caller supplies this). */
export type Locate = (path: YamlPath) => SourcePos | undefined;

/** Figures and local labels a table is built from; a subset of Report so label ids can be listed. */
export type TableInput = Pick<Report, 'rows' | 'extraRows' | 'subRows' | 'labels'> & Partial<Pick<Report, 'published'>>;

interface Ctx {
  input: TableInput;
  locate: Locate;
  /** Called for every label cell: the label id and its official text; returns the printed text. */
  label: (id: string, official: string) => string;
}

const cell = (
  text: string,
  kind: TableCell['kind'],
  opts: { rowSpan?: number; colSpan?: number; align?: TableCell['align']; pos?: SourcePos | undefined } = {},
): TableCell => {
  const c: TableCell = { text, kind, rowSpan: opts.rowSpan ?? 1, colSpan: opts.colSpan ?? 1, align: opts.align ?? 'center' };
  if (opts.pos) c.pos = opts.pos;
  return c;
};

/** A transcription (`published:`) prints what the original printed: a 总计 it left out stays blank, nothing is computed into it. */
const valueCell = (ctx: Ctx, fig: Figure | undefined, colSpan = 1): TableCell =>
  cell(fig && !(fig.computed && ctx.input.published) ? fig.text : '', 'value', { colSpan, pos: fig ? ctx.locate(fig.path) : undefined });

function figuresOf(ctx: Ctx, key: string): Figure[] {
  return ctx.input.rows[key]?.cells ?? [];
}

function makeCtx(input: TableInput, locate: Locate, label?: Ctx['label']): Ctx {
  return {
    input,
    locate,
    label: label ?? ((id, official) => input.labels[id] ?? official),
  };
}

/** Section 二 table, spec §2.1 (2019) / §3.1 (2021), with the §5 local rows. */
export function proactiveTable(edition: Edition, input: TableInput, locate: Locate, label?: Ctx['label']): TableBlock {
  const ctx = makeCtx(input, locate, label);
  const items = edition.proactive.items;
  // Sub-rows (seed 004) give the label area a second grid column; every other label spans both.
  const hasSubRows = items.some((it) => it.rows.some((r) => (input.subRows[`proactive.${it.key}.${r.key}`]?.length ?? 0) > 0));
  const labelCols = hasSubRows ? 2 : 1;
  const valueCols = 3;
  const rows: TableRow[] = [];
  const rowGroups: NonNullable<TableBlock['rowGroups']> = [];

  for (const item of items) {
    const base = `proactive.${item.key}`;
    const first = rows.length;
    rows.push({ cells: [cell(ctx.label(`${base}.title`, item.title), 'header', { colSpan: labelCols + valueCols })] });
    rows.push({
      cells: [
        cell(ctx.label(`${base}.header`, item.header), 'header', { colSpan: labelCols }),
        ...item.columns.map((c) => cell(ctx.label(`${base}.${c.key}`, c.label), 'header', { colSpan: c.span })),
      ],
    });
    for (const row of item.rows) {
      const key = `${base}.${row.key}`;
      const text = ctx.label(key, row.label);
      const subRows = input.subRows[key] ?? [];
      if (subRows.length > 0) {
        subRows.forEach((sub, i) => {
          const cells: TableCell[] = [];
          if (i === 0) cells.push(cell(text, 'label', { rowSpan: subRows.length }));
          cells.push(cell(sub.label, 'label'));
          rows.push({ cells: [...cells, ...valueCells(ctx, item, sub.cells)] });
        });
      } else {
        rows.push({ cells: [cell(text, 'label', { colSpan: labelCols }), ...valueCells(ctx, item, figuresOf(ctx, key))] });
      }
    }
    for (const extra of input.extraRows[base] ?? []) {
      rows.push({ cells: [cell(extra.label, 'label', { colSpan: labelCols }), ...valueCells(ctx, item, extra.cells)] });
    }
    rowGroups.push({ first, last: rows.length - 1, headerRows: 2 });
  }
  return {
    type: 'table',
    id: 'proactive',
    caption: edition.sectionTitles.proactive,
    columnWidths: hasSubRows ? [1.1, 0.9, 1, 1, 1] : [1, 1, 1, 1],
    headerRows: 0,
    rowGroups,
    rows,
  };
}

function valueCells(ctx: Ctx, item: ProactiveItemDef, figures: Figure[]): TableCell[] {
  return item.columns.map((c, i) => valueCell(ctx, figures[i], c.span));
}

/** Section 三 table, spec §2.2 / §3.2: 10 grid columns, 3 header rows. */
export function applicationsTable(edition: Edition, input: TableInput, locate: Locate, label?: Ctx['label']): TableBlock {
  const ctx = makeCtx(input, locate, label);
  const app = edition.applications;
  const L = (id: string, official: string) => ctx.label(`applications.${id}`, official);
  const cols = app.columns;
  const dataCells = (key: string) => cols.map((_, i) => valueCell(ctx, figuresOf(ctx, `applications.${key}`)[i]));
  const natural = cols[0]!;
  const total = cols[cols.length - 1]!;
  const legal = cols.slice(1, -1);

  const rows: TableRow[] = [
    {
      cells: [
        cell(L('note', app.note), 'header', { rowSpan: 3, colSpan: 3 }),
        cell(L('applicants', app.applicantsHeader), 'header', { colSpan: cols.length }),
      ],
    },
    {
      cells: [
        cell(L(natural.key, natural.label), 'header', { rowSpan: 2 }),
        cell(L('legalPersons', app.legalPersonsHeader), 'header', { colSpan: legal.length }),
        cell(L(total.key, total.label), 'header', { rowSpan: 2 }),
      ],
    },
    { cells: legal.map((c) => cell(L(c.key, c.label), 'header')) },
    { cells: [cell(L('newlyReceived', app.newlyReceived), 'label', { colSpan: 3, align: 'left' }), ...dataCells('newlyReceived')] },
    { cells: [cell(L('carriedOver', app.carriedOver), 'label', { colSpan: 3, align: 'left' }), ...dataCells('carriedOver')] },
  ];

  const resultRowCount = app.results.reduce((n, e) => n + (e.items ? e.items.length : 1), 0) + 1;
  let first = true;
  const resultsHeader = () => {
    if (!first) return [];
    first = false;
    return [cell(L('results', app.resultsHeader), 'label', { rowSpan: resultRowCount })];
  };
  for (const entry of app.results) {
    const id = `results.${entry.key}`;
    if (entry.items) {
      entry.items.forEach((it, i) => {
        const cells = [...resultsHeader()];
        if (i === 0) cells.push(cell(L(id, entry.label), 'label', { rowSpan: entry.items.length }));
        cells.push(cell(L(`${id}.${it.key}`, it.label), 'label', { align: 'left' }));
        rows.push({ cells: [...cells, ...dataCells(`${id}.${it.key}`)] });
      });
    } else {
      rows.push({ cells: [...resultsHeader(), cell(L(id, entry.label), 'label', { colSpan: 2, align: 'left' }), ...dataCells(id)] });
    }
  }
  rows.push({ cells: [cell(L('results.total', app.total), 'label', { colSpan: 2, align: 'left' }), ...dataCells('results.total')] });
  rows.push({ cells: [cell(L('carriedForward', app.carriedForward), 'label', { colSpan: 3, align: 'left' }), ...dataCells('carriedForward')] });

  return {
    type: 'table',
    id: 'applications',
    caption: edition.sectionTitles.applications,
    // Spec §3.5: the circulating template's grid, in twips.
    columnWidths: [754, 921, 3271, ...cols.map(() => 685)],
    headerRows: 3,
    rows,
  };
}

/** Section 四 table, spec §2.3: 15 grid columns, 3 header rows, one data row. */
export function reviewTable(edition: Edition, input: TableInput, locate: Locate, label?: Ctx['label']): TableBlock {
  const ctx = makeCtx(input, locate, label);
  const rv = edition.review;
  const [reconsideration, ...litigation] = rv.groups;
  const L = (id: string, official: string) => ctx.label(`review.${id}`, official);
  const colCount = rv.columns.length;
  const rows: TableRow[] = [
    {
      cells: [
        cell(L('reconsideration', rv.reconsiderationHeader), 'header', { colSpan: colCount }),
        cell(L('litigation', rv.litigationHeader), 'header', { colSpan: colCount * litigation.length }),
      ],
    },
    {
      cells: [
        ...rv.columns.map((c) => cell(L(`${reconsideration!.key}.${c.key}`, c.label), 'header', { rowSpan: 2 })),
        ...litigation.map((g) => cell(L(g.key, g.label), 'header', { colSpan: colCount })),
      ],
    },
    { cells: litigation.flatMap((g) => rv.columns.map((c) => cell(L(`${g.key}.${c.key}`, c.label), 'header'))) },
    { cells: rv.groups.flatMap((g) => rv.columns.map((_, i) => valueCell(ctx, figuresOf(ctx, `review.${g.key}`)[i]))) },
  ];
  return {
    type: 'table',
    id: 'review',
    caption: edition.sectionTitles.review,
    columnWidths: new Array<number>(colCount * rv.groups.length).fill(1),
    headerRows: 3,
    rows,
  };
}

/** Every label id an edition's tables accept in `labels:` with its official text (for validation and init). */
export function tableLabelIds(edition: Edition): Map<string, string> {
  const ids = new Map<string, string>();
  const record = (id: string, official: string) => {
    ids.set(id, official);
    return official;
  };
  const empty: TableInput = { rows: {}, extraRows: {}, subRows: {}, labels: {} };
  const none: Locate = () => undefined;
  proactiveTable(edition, empty, none, record);
  applicationsTable(edition, empty, none, record);
  reviewTable(edition, empty, none, record);
  return ids;
}

