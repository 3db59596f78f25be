import { defaultEditionForYear, getEdition, SECTION_KEYS } from '../editions/index.js';
import type { SectionKey } from '../editions/types.js';
import { SECTION_TITLES } from '../editions/common.js';
import type { EditionId } from '../model/report.js';
import { readApplications, readReview } from './applications.js';
import { emptyDraft, markUnsure, type Draft } from './draft.js';
import { pageFurniture, readHead } from './head.js';
import { headingOf, officialNumber, SECTION_BODIES } from './headings.js';
import { norm } from './match.js';
import { readProactive, shorten } from './proactive.js';
import { readFees } from './fees.js';
import { ImportError, type SourceBlock, type SourceDocument, type SourceRow } from './source.js';

type TableKind = 'proactive' | 'applications' | 'review';

/** Which report table a source table is, from its header text (spec §2). */
function tableKind(rows: SourceRow[]): TableKind | null {
  const text = norm(rows.flat().map((c) => c.text).join(''));
  if (/申请人情况|本年新收政府信息公开申请/.test(text)) return 'applications';
  // `结果维持` may be cut in two by a layout text's wrapped header (`结果⏎维持`).
  if (/行政复议/.test(text) && /(结果维持|行政诉讼.*维持)/.test(text)) return 'review';
  if (/第二十条/.test(text)) return 'proactive';
  return null;
}

/** The edition the tables were printed in (spec §3.4 lists the differences). */
function editionOfTables(text: string): EditionId | null {
  const t = norm(text);
  const score = (words: string[]) => words.filter((w) => t.includes(norm(w))).length;
  const old = score(['本年新制作数量', '对外公开总数量', '上一年项目数量', '其他对外管理服务事项', '第二十条第（九）项', '采购项目数量']);
  const rev = score(['本年制发件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '逾期未按收费通知', '行政规范性文件']);
  return old === 0 && rev === 0 ? null : old > rev ? '2019' : '2021';
}

/** A read document → a draft report (pure). */
export function interpret(doc: SourceDocument): Draft {
  const sections = new Map<SectionKey, string[]>();
  const head: string[] = [];
  const tables: { kind: TableKind; rows: SourceRow[] }[] = [];
  const notes: string[] = [...doc.notes];
  const headingLabels: Record<string, string> = {};
  let current: SectionKey | null = null;
  let merged = false;
  let after = -1;
  let publishedOn: string | null = null;
  for (const block of doc.blocks) {
    const furniture = block.type === 'paragraph' ? pageFurniture(block.text) : null;
    if (furniture && block.type === 'paragraph') {
      if (furniture.date && !publishedOn) {
        publishedOn = furniture.date;
        notes.push(`发布日期 ${furniture.date} 取自原文的“${shorten(block.text, 40)}”（published.date）`);
      } else notes.push(`网页上的“${shorten(block.text, 40)}”不是年报的内容，未导入`);
      continue;
    }
    if (block.type === 'table') {
      const kind = tableKind(block.rows);
      if (kind) tables.push({ kind, rows: block.rows });
      else notes.push(`有一个表格不是年报的统计表（开头为“${block.rows.flat().find((c) => c.text)?.text.slice(0, 20) ?? ''}”），未导入`);
      continue;
    }
    const h = headingOf(block.text, after);
    if (h) {
      current = h.keys[0]!;
      after = SECTION_KEYS.indexOf(h.keys[h.keys.length - 1]!);
      noteHeading(h.text, h.keys, h.number, notes, headingLabels);
      merged ||= h.keys.length > 1;
      for (const k of h.keys) sections.set(k, sections.get(k) ?? []);
      continue;
    }
    if (current === null) head.push(block.text);
    else sections.get(current)!.push(block.text);
  }
  if (sections.size === 0 && tables.length === 0) {
    throw new ImportError('没有在文件中找到年报的内容：既没有“一、总体情况”等章节标题，也没有统计表。请确认这是政府信息公开工作年度报告');
  }
  if (merged) notes.push('原文把三、四两部分合并为一节（五部分结构）：两张表分别导入三、四，合并一节中的文字放在三的表格前；原文的四、五两节依次作为五、六');

  const yearHint = yearFromText([...head, ...(sections.get('overview') ?? [])]);
  const tablesText = tables.map((t) => t.rows.flat().map((c) => c.text).join('')).join('');
  const printed = editionOfTables(tablesText);
  const probe = emptyDraft('2021', 0);
  readHead(head, probe, yearHint);
  const edition: EditionId = printed ?? defaultEditionForYear(probe.year);
  const draft: Draft = { ...probe, edition, notes: [...notes, ...probe.notes], labels: headingLabels, published: publishedOn ? { source: '', date: publishedOn } : null };
  if (!printed) markUnsure(draft, 'edition', '没有从表格认出格式版本，按年度确定');
  else if (edition !== defaultEditionForYear(draft.year)) {
    draft.notes.push(`${draft.year}年度的年报使用的是 ${edition} 年版式的表格，已按原文的 ${edition} 年版式导入（edition: "${edition}"）`);
  }
  const ed = getEdition(edition);

  const para = (key: SectionKey) => sections.get(key) ?? [];
  draft.overview = para('overview');
  draft.problems = para('problems');
  draft.tableText = { proactive: para('proactive'), applications: para('applications'), review: para('review') };
  const other = para('other');
  draft.other = sections.has('other') ? other : null;
  if (edition === '2021' && draft.other) {
    const found = readFees(draft.other);
    if (found) {
      draft.fees = found.fees;
      draft.other = found.rest;
    }
  }
  if (draft.other && draft.other.length === 1 && draft.other[0] === '无。') draft.other = null;
  for (const key of SECTION_KEYS) {
    if (!sections.has(key)) {
      draft.notes.push(`原文缺少“${SECTION_TITLES[key]}”一节`);
      if (key === 'overview' || key === 'problems' || key === 'other') markUnsure(draft, key, '原文缺少这一节，请补写');
    }
  }
  readSignature(draft);

  const byKind = (k: TableKind) => tables.filter((t) => t.kind === k).flatMap((t) => t.rows);
  if (tables.some((t) => t.kind === 'proactive')) readProactive(byKind('proactive'), ed, draft);
  if (tables.some((t) => t.kind === 'applications')) readApplications(byKind('applications'), ed, draft);
  readReview(byKind('review'), ed, draft);
  neverSilent(draft, tables, sections);
  return draft;
}

/**
 * Never silent (issue 13): a report whose statistical table is missing, or whose table gave not
 * one figure, is not imported as blanks with "0 个错误" — it is an error naming the section and
 * what the importer saw there.
 */
function neverSilent(draft: Draft, tables: { kind: TableKind; rows: SourceRow[] }[], sections: Map<SectionKey, string[]>): void {
  const problems: string[] = [];
  for (const k of ['proactive', 'applications', 'review'] as const) {
    const found = tables.filter((t) => t.kind === k);
    const prefix = `${k === 'proactive' ? 'proactive.' : k === 'applications' ? 'applications.' : 'review.'}`;
    const figures = Object.entries(draft.rows).filter(([key]) => key.startsWith(prefix)).flatMap(([, v]) => v);
    const subs = Object.entries({ ...draft.subRows, ...draft.extraRows }).filter(([key]) => key.startsWith(prefix)).flatMap(([, v]) => v.flatMap((r) => r.values));
    if (found.length === 0) {
      const text = sections.get(k);
      const saw = text === undefined ? '原文没有这一节' : text.length === 0 ? '这一节没有内容' : `这一节只有 ${text.length} 段文字，开头是“${shorten(text[0]!, 30)}”`;
      problems.push(`${SECTION_TITLES[k]}：没有找到这一节的统计表（${saw}）`);
    } else if ([...figures, ...subs].every((v) => v === null)) {
      const rows = found.flatMap((t) => t.rows);
      const first = rows.flat().find((c) => c.text !== '')?.text ?? '';
      problems.push(`${SECTION_TITLES[k]}：找到了统计表（${rows.length} 行，开头是“${shorten(first, 20)}”），但没有读出一个数字`);
    }
  }
  if (problems.length > 0) {
    throw new ImportError(`读不出这份年报的统计表，没有导入：\n  ${problems.join('\n  ')}\n如果这是 PDF，请确认它有文字层；如果是复制的文字，请连同表格一起复制，或改用 Word 原件（.docx）或网页（另存为 .html）`);
  }
}

/**
 * How a printed section heading is kept. In its place with the official wording but numbered
 * differently (`1、 总体情况`), or with wording that extends the official one
 * (`五、政府信息公开工作存在的主要问题及改进情况`): kept as printed through `labels:`
 * (sections.*), as the data/ transcriptions do. A typo (`六、其他说要报告的事项`) or a section moved
 * by a five-part layout: the official heading, reported.
 */
function noteHeading(text: string, keys: SectionKey[], number: string | null, notes: string[], labels: Record<string, string>): void {
  if (keys.length > 1) return;
  const key = keys[0]!;
  const official = SECTION_TITLES[key];
  const printed = text.trim();
  const body = printed.replace(/^([一二三四五六七八九十]{1,2}|\d{1,2})[、.．，,]?\s*/, '').replace(/\s+/g, '');
  const inPlace = number === null || number === officialNumber(key) || Number(number) === SECTION_KEYS.indexOf(key) + 1;
  if (printed === official) return;
  if (inPlace && body.includes(SECTION_BODIES[key])) {
    labels[`sections.${key}`] = printed;
    notes.push(`章节标题“${printed}”与国家格式的“${official}”写法不同，照原文保留（labels: sections.${key}）`);
  } else if (!inPlace) {
    notes.push(`原文的“${printed}”作为“${official}”导入`);
  } else {
    notes.push(`章节标题“${printed}”与国家格式的“${official}”不同（可能是错别字），按国家格式导入`);
  }
}

const SIGNED_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/**
 * The signature block Word originals end with (机关名称 / 2022年1月20日) is not prose: the date
 * becomes `date` (成文日期), the agency line is dropped.
 */
function readSignature(draft: Draft): void {
  const last = [draft.other, draft.problems].find((p): p is string[] => p !== null && p.length > 0);
  if (!last) return;
  const m = SIGNED_DATE.exec(last[last.length - 1]!.replace(/\s+/g, ''));
  if (!m) return;
  last.pop();
  draft.date ??= `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const before = last[last.length - 1];
  if (before !== undefined && (before === draft.agency || before === draft.unitLine || ([...before].length <= 30 && !/[。，；：]/.test(before) && /(局|委员会|委|办公室|政府|中心|街道|办事处|院|所|厅|部)$/.test(before)))) last.pop();
  draft.notes.push(`文末的落款和日期不作为正文导入，成文日期记为 ${draft.date}`);
}

function yearFromText(paragraphs: string[]): number | null {
  const m = /((?:19|20)\d{2})年/.exec(paragraphs.join(''));
  return m ? Number(m[1]) : null;
}

export type { SourceBlock };
