import { getEdition, SECTION_KEYS } from '../editions/index.js';
import { figureRows } from '../editions/rows.js';
import type { Block, Document, SourcePos } from '../model/document.js';
import type { Prose, Report } from '../model/report.js';
import { titleLineWords } from '../model/title.js';
import { applicationsTable, proactiveTable, reviewTable, type Locate } from './tables.js';
import { renderText, TEMPLATES, TemplateError, type TextContext } from './text.js';

/**
 * Report → Document (design.md "compose"): title block, the six sections with their headings,
 * prose with figures quoted from the tables, and the three tables from the edition's definitions.
 */
export function compose(report: Report, locate: Locate = () => undefined): Document {
  const edition = getEdition(report.edition);
  const context = textContext(report);
  const blocks: Block[] = [];
  const pos = (path: readonly (string | number)[]): { pos?: SourcePos } => {
    const p = locate(path);
    return p ? { pos: p } : {};
  };
  const text = (s: string) => {
    try {
      return renderText(s, context);
    } catch (e) {
      if (e instanceof TemplateError) return s; // reported by check; print literally
      throw e;
    }
  };
  const prose = (items: Prose) => {
    for (const it of items) {
      if (it.kind === 'heading') blocks.push({ type: 'heading', level: it.level, text: text(it.text), ...pos(it.path) });
      else if (it.kind === 'lead') blocks.push({ type: 'paragraph', lead: { level: it.level, text: text(it.lead) }, text: text(it.text), ...pos(it.path) });
      else blocks.push({ type: 'paragraph', text: text(it.text), ...pos(it.path) });
    }
  };

  blocks.push({ type: 'title', lines: report.title, words: titleLineWords(report.title, report.agency), ...pos(['title']) });
  if (report.unitLine) blocks.push({ type: 'byline', role: 'unit', text: report.unitLine, ...pos(['unitLine']) });
  if (report.dateLine) blocks.push({ type: 'byline', role: 'date', text: report.dateLine, ...pos(['dateLine']) });
  prose(report.preamble);

  for (const key of SECTION_KEYS) {
    blocks.push({ type: 'heading', level: 1, text: report.labels[`sections.${key}`] ?? edition.sectionTitles[key], ...pos([key]) });
    switch (key) {
      case 'overview':
      case 'problems':
        prose(report[key]);
        break;
      case 'proactive':
        prose(report.tableText.proactive);
        blocks.push({ ...proactiveTable(edition, report, locate), ...pos(['proactive']) });
        break;
      case 'applications':
        prose(report.tableText.applications);
        blocks.push({ ...applicationsTable(edition, report, locate), ...pos(['applications']) });
        break;
      case 'review':
        prose(report.tableText.review);
        blocks.push({ ...reviewTable(edition, report, locate), ...pos(['review']) });
        break;
      case 'other':
        // 六 stating the fees in its own words (quoting {{fees.…}}) gets no standard sentence besides.
        if (report.fees && !quotesFees(report.other)) {
          const f = report.fees;
          const none = [f.noticesIssued, f.amountNotified, f.amountCollected].every((x) => !x.value);
          blocks.push({ type: 'paragraph', text: none ? TEMPLATES.feesNone({}) : TEMPLATES.fees(Object.fromEntries(context)), ...pos(['fees']) });
        }
        if (report.other.length > 0) prose(report.other);
        else if (!report.fees) blocks.push({ type: 'paragraph', text: TEMPLATES.otherEmpty({}), ...pos(['other']) });
        break;
    }
  }

  return {
    meta: {
      title: report.title.join(''),
      author: report.agency,
      subject: `${report.year}年政府信息公开工作年度报告`,
      keywords: ['政府信息公开', '年度报告', String(report.year), report.agency],
      date: report.date ?? report.published?.date ?? `${report.year + 1}-01-01`,
      lang: 'zh-CN',
      ...(report.published ? { source: { from: report.published.source, date: report.published.date } } : {}),
    },
    blocks,
  };
}

/**
 * The names prose may quote (`{{applications.newlyReceived.total}}`): every figure by its row
 * key and column key, plus agency, year and the fee figures. Values are the printed texts.
 */
export function textContext(report: Report): TextContext {
  const ctx = new Map<string, string>([
    ['agency', report.agency],
    ['year', String(report.year)],
  ]);
  for (const def of figureRows(getEdition(report.edition))) {
    const row = report.rows[def.key];
    if (!row) continue;
    def.columns.forEach((c, i) => ctx.set(`${def.key}.${c.key}`, row.cells[i]?.text || '0'));
  }
  if (report.fees) {
    ctx.set('fees.noticesIssued', report.fees.noticesIssued.text || '0');
    ctx.set('fees.amountNotified', report.fees.amountNotified.text || '0');
    ctx.set('fees.amountCollected', report.fees.amountCollected.text || '0');
  }
  return ctx;
}

function quotesFees(other: Prose): boolean {
  return other.some((p) => /\{\{\s*fees\./.test(p.kind === 'lead' ? p.lead + p.text : p.text));
}
