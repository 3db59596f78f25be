import type { EditionId } from '../model/report.js';

/** A printed figure as text (`0`, `-8`, `7.463万元`, `77.0690`), or null for a blank cell. */
export type Printed = string | null;

export interface DraftRow {
  label: string;
  values: Printed[];
}

export interface DraftFees {
  noticesIssued: Printed;
  amountNotified: Printed;
  amountCollected: Printed;
}

export type TableSection = 'proactive' | 'applications' | 'review';

/**
 * A report as import and merge produce it, before it becomes YAML: the same fields as the
 * report file, figures kept as printed, plus what the producer was unsure of.
 */
export interface Draft {
  agency: string;
  year: number;
  edition: EditionId;
  title: string[];
  unitLine: string | null;
  dateLine: string | null;
  date: string | null;
  /** Paragraphs, one string each; null leaves the field out (null in YAML). */
  preamble: string[] | null;
  overview: string[];
  problems: string[];
  other: string[] | null;
  tableText: Record<TableSection, string[]>;
  /** Figure rows by dotted key (`proactive.item1.rules`), every column including 总计. */
  rows: Record<string, Printed[]>;
  extraRows: Record<string, DraftRow[]>;
  subRows: Record<string, DraftRow[]>;
  labels: Record<string, string>;
  fees: DraftFees | null;
  /** Set by import: the file is a transcription of a published report (source, 发布日期). */
  published: { source: string; date: string | null } | null;
  /** Dotted path of a value → why it needs checking; written as `# 待核对：…` on its line. */
  unsure: Record<string, string>;
  /** What the producer did (moved sections, cleaned noise), written as comments at the top. */
  notes: string[];
}

export function emptyDraft(edition: EditionId, year: number): Draft {
  return {
    agency: '',
    year,
    edition,
    title: [],
    unitLine: null,
    dateLine: null,
    date: null,
    preamble: null,
    overview: [],
    problems: [],
    other: null,
    tableText: { proactive: [], applications: [], review: [] },
    rows: {},
    extraRows: {},
    subRows: {},
    labels: {},
    fees: null,
    published: null,
    unsure: {},
    notes: [],
  };
}

export function markUnsure(draft: Draft, path: string, reason: string): void {
  draft.unsure[path] = draft.unsure[path] ? `${draft.unsure[path]}；${reason}` : reason;
}
