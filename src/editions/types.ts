import type { EditionId, FigureKind } from '../model/report.js';

/** Keys of the six sections, in order (spec §1.2). */
export const SECTION_KEYS = ['overview', 'proactive', 'applications', 'review', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** A value column of a 二-table item: its header label and how many grid columns it spans. */
export interface ProactiveColumn {
  key: string;
  /** Official header text; `\n` marks the template line break. */
  label: string;
  kind: FigureKind;
  span: number;
}

export interface ProactiveRowDef {
  key: string;
  label: string;
  /** The row may be given as labelled sub-rows (spec §5, seed 004 其他对外管理服务事项). */
  allowsSubRows?: boolean;
}

/** One 第二十条第（N）项 block of the 二 table (spec §2.1, §3.1). */
export interface ProactiveItemDef {
  key: string;
  title: string;
  /** The `信息内容` header cell. */
  header: string;
  columns: ProactiveColumn[];
  rows: ProactiveRowDef[];
}

/** One applicant column of the 三 table. */
export interface ApplicantColumn {
  key: string;
  label: string;
}

/** A result row of 三、本年度办理结果: a single row, or a group of numbered items. */
export type ResultEntry =
  | { key: string; label: string; items?: undefined }
  | { key: string; label: string; items: { key: string; label: string }[] };

export interface ReviewGroupDef {
  key: string;
  label: string;
}

export interface Edition {
  id: EditionId;
  /** The issuing document, for help texts. */
  source: string;
  sectionTitles: Record<SectionKey, string>;
  proactive: { items: ProactiveItemDef[] };
  applications: {
    note: string;
    applicantsHeader: string;
    legalPersonsHeader: string;
    columns: ApplicantColumn[];
    newlyReceived: string;
    carriedOver: string;
    resultsHeader: string;
    results: ResultEntry[];
    total: string;
    carriedForward: string;
  };
  review: {
    reconsiderationHeader: string;
    litigationHeader: string;
    groups: ReviewGroupDef[];
    columns: ApplicantColumn[];
  };
}
