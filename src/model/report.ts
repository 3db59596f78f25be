/**
 * The validated, normalised report: what `validate` produces from the YAML and what `check`
 * and `compose` read. Field names are the stable English keys of the YAML file.
 */

export type YamlPath = readonly (string | number)[];

export type EditionId = '2019' | '2021';

/** Value kinds of spec §4.2 A5: counts ≥ 0, signed 本年增/减, decimal money amounts. */
export type FigureKind = 'count' | 'signed' | 'money';

/** One table figure. `null` is a blank cell: printed empty, counted as 0 (spec §4.4). */
export interface Figure {
  value: number | null;
  /** Printed text: the source's own spelling (`7.4630`, `0万元`, `-8`), '' for a blank. */
  text: string;
  kind: FigureKind;
  /** YAML path of the value, or of the row when the value was computed. */
  path: YamlPath;
  /** True when the YAML left the figure out and it was computed (totals only). */
  computed: boolean;
}

/** A row of figures with the YAML path of the row itself. */
export interface FigureRow {
  cells: Figure[];
  path: YamlPath;
}

/** A local extra row with its own label (spec §5: Hubei 其他主动公开文件, Beijing sub-rows). */
export interface LabelledRow extends FigureRow {
  label: string;
}

/** Prose: paragraphs and headings as the clerk wrote them, already split. */
export type ProseItem =
  | { kind: 'paragraph'; text: string; path: YamlPath }
  | { kind: 'heading'; level: 2 | 3; text: string; path: YamlPath }
  | { kind: 'lead'; level: 2 | 3; lead: string; text: string; path: YamlPath };

export type Prose = ProseItem[];

export interface FeeFigures {
  /** 发出收费通知的件数 */
  noticesIssued: Figure;
  /** 收费通知金额（元） */
  amountNotified: Figure;
  /** 实际收取信息处理费金额（元） */
  amountCollected: Figure;
  path: YamlPath;
}

/** A transcription of a published report (`published:`): rendered as printed, its own errors listed as warnings. */
export interface Published {
  /** The published file's name or the page's address. */
  source: string;
  /** 发布日期 (YYYY-MM-DD), when known. */
  date: string | null;
}

export interface Report {
  agency: string;
  year: number;
  edition: EditionId;
  /** Title lines (default `<agency><year>年政府信息公开工作年度报告` on one line). */
  title: string[];
  unitLine: string | null;
  dateLine: string | null;
  /** 成文日期 (YYYY-MM-DD); used for document metadata. */
  date: string | null;
  preamble: Prose;
  overview: Prose;
  problems: Prose;
  other: Prose;
  fees: FeeFigures | null;
  /** Text before each table (sections 二, 三, 四). */
  tableText: { proactive: Prose; applications: Prose; review: Prose };
  /**
   * Every row of figures, keyed by the dotted YAML path of the row
   * (`proactive.item1.rules`, `applications.results.refused.stateSecret`, `review.reconsideration`).
   */
  rows: Record<string, FigureRow>;
  /** Extra rows appended to a 二-table item, keyed by item (`proactive.item1`). */
  extraRows: Record<string, LabelledRow[]>;
  /** Sub-rows replacing one row's own figures, keyed by row (`proactive.item5.otherServices`). */
  subRows: Record<string, LabelledRow[]>;
  /** Local label overrides by label id (spec §5 annotations); `\n` is a line break. */
  labels: Record<string, string>;
  /** Set when the file transcribes a published report. */
  published: Published | null;
}
