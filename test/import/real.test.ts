import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.js';
import { documentOf, figuresOf, printedProse, reportOf } from '../support/importCompare.js';
import { fillTemplate, type FillOptions } from '../support/fillTemplate.js';
import { libreOfficePdfs } from '../support/producers.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url)));
const zeros = (n: number) => new Array<string>(n).fill('0');
const row7 = (natural: string, total = natural) => [natural, '0', '0', '0', '0', '0', total];

/**
 * 洪泽区人民政府 2023 (test/fixtures/real/hongze-2023.pdf), transcribed by hand from its page
 * images (pdftoppm -r 130): every figure of the three tables as printed. Its （六）其他处理 is the
 * single row of the 2019 tables (all 0): it is imported into 3.其他 with a 待核对 note.
 */
const HONGZE: Record<string, string[]> = {
  'proactive.item1.rules': ['0', '0', '0'],
  'proactive.item1.normativeDocuments': ['0', '5', '5'],
  'proactive.item5.licensing': ['550'],
  'proactive.item6.penalty': ['4119'],
  'proactive.item6.enforcement': ['195'],
  'proactive.item8.fees': ['7730.28'],
  'applications.newlyReceived': row7('21'),
  'applications.carriedOver': zeros(7),
  'applications.results.granted': zeros(7),
  'applications.results.partiallyGranted': row7('4'),
  'applications.results.refused.stateSecret': row7('1'),
  'applications.results.refused.prohibitedByLaw': zeros(7),
  'applications.results.refused.endangersSecurity': zeros(7),
  'applications.results.refused.thirdPartyRights': zeros(7),
  'applications.results.refused.internalAffairs': zeros(7),
  'applications.results.refused.processInformation': row7('1'),
  'applications.results.refused.enforcementFiles': row7('1'),
  'applications.results.refused.queryMatters': zeros(7),
  'applications.results.unableToProvide.notHeld': row7('10'),
  'applications.results.unableToProvide.needsCreation': row7('3'),
  'applications.results.unableToProvide.stillUnclear': zeros(7),
  'applications.results.notProcessed.complaints': row7('1'),
  'applications.results.notProcessed.repeated': zeros(7),
  'applications.results.notProcessed.publications': zeros(7),
  'applications.results.notProcessed.massRepeated': zeros(7),
  'applications.results.notProcessed.confirmation': zeros(7),
  'applications.results.other.other': zeros(7),
  'applications.results.total': row7('21'),
  'applications.carriedForward': zeros(7),
  'review.reconsideration': ['10', '1', '0', '0', '0'],
  'review.litigationDirect': zeros(5),
  'review.litigationAfterReconsideration': ['5', '0', '0', '0', '0'],
};

describe('a real WPS-made PDF: 洪泽区人民政府 2023', () => {
  let yaml = '';
  beforeAll(async () => {
    yaml = (await importFile(fixture('hongze-2023.pdf'), 'hongze-2023.pdf')).yaml;
  });

  it('imports every printed figure right (186 figures)', () => {
    const got = figuresOf(reportOf(yaml, 'hongze.yaml'));
    const expected = Object.values(HONGZE).flat().length;
    expect(expected).toBe(186);
    for (const [key, values] of Object.entries(HONGZE)) expect(got[key], key).toEqual(values);
    expect(got['applications.results.other.noCorrection']).toEqual(new Array(7).fill(null));
    expect(yaml).toMatch(/other: \[0, 0, 0, 0, 0, 0, 0\]  # 待核对：原表“（六）其他处理”只有一行/);
  });

  it('reads the head, the six sections and the printed label as printed', () => {
    const r = reportOf(yaml, 'hongze.yaml');
    expect(r.agency).toBe('洪泽区人民政府');
    expect(r.year).toBe(2023);
    expect(r.edition).toBe('2021');
    expect(r.title).toEqual(['洪泽区人民政府', '2023年政府信息公开工作年度报告']);
    expect(r.preamble).toHaveLength(1);
    // 一 as printed: an opening paragraph, （一）（二） run in, （三） alone on its line, its text, （四）（五） run in.
    expect(r.overview.map((p) => p.kind)).toEqual(['paragraph', 'lead', 'lead', 'paragraph', 'paragraph', 'lead', 'lead']);
    expect(r.problems).toHaveLength(1);
    expect(r.labels['applications.results.refused.prohibitedByLaw']).toBe('2.其他法律行政止公开');
    // 六 in its own wording: the fee goes to fees:, the sentence stays as printed, quoting it.
    expect(r.fees?.amountCollected.text).toBe('0');
    expect(yaml).toContain('全年收取政府信息公开信息处理费{{fees.amountCollected}}元。');
    // published: written by import; the original's 四 totals are listed as warnings, not errors.
    expect(r.published?.source).toBe('hongze-2023.pdf');
    // Page numbers `- 1 -` … are not text of the report.
    expect(yaml).not.toMatch(/- \d -/);
  });
});

/** What an archivist gets from `pdftotext -layout 洪泽区.pdf`: text on a character grid, no rules. */
describe('the real WPS PDF as pdftotext -layout text', () => {
  it('imports every printed figure right, and the prose as the PDF reader reads it', async () => {
    const pdf = fixture('hongze-2023.pdf');
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf });
    const result = await importFile(new Uint8Array(text), 'hongze-2023.txt');
    const got = figuresOf(reportOf(result.yaml, 'hongze.yaml'));
    for (const [key, values] of Object.entries(HONGZE)) expect(got[key], key).toEqual(values);
    const fromPdf = (await importFile(pdf, 'hongze-2023.pdf')).yaml;
    expect(printedProse(documentOf(result.yaml, 'a.yaml'))).toEqual(printedProse(documentOf(fromPdf, 'b.yaml')));
  });
});

/** The Word template filled with the figures of data/jiangzhou-sthjj-2021.yaml, exported to PDF by LibreOffice. */
describe('the circulating Word template, filled in and exported by LibreOffice', () => {
  const source = reportOf(readFileSync(new URL('../../data/jiangzhou-sthjj-2021.yaml', import.meta.url), 'utf8'), 'jiangzhou.yaml');
  const variants: Record<string, FillOptions> = {
    plain: {},
    'blank-totals': { blankTotals: true },
    'spaced-digits': { write: (t) => (t === '' ? t : `\u00a0 ${t} \u00a0`) },
    'letter-spaced': { letterSpacing: 120 },
  };
  const pdfs = new Map<string, Uint8Array>();
  /**
   * What pdftotext -layout loses of these two: with the 总计 column blank, the header's columns do
   * not line up with the figures under them (pdftotext sets each block on its own grid, and splits
   * 自然⏎人), so the blank column cannot be placed and 总计 is computed, flagged; letter-spaced
   * digits come out as separate words (`8 6` for 86) that cannot be told from two columns.
   */
  const LAYOUT_GAPS = new Set(['blank-totals', 'letter-spaced']);
  beforeAll(() => {
    const template = fixture('template-2021-blank.docx');
    const files = Object.entries(variants).map(([name, o]) => ({ name: `${name}.docx`, bytes: fillTemplate(template, source, o) }));
    for (const [name, bytes] of libreOfficePdfs(files)) pdfs.set(name.replace(/\.docx$/, ''), bytes);
  }, 240_000);

  it.each(Object.keys(variants).flatMap((v) => [[v, 'PDF'], [v, 'pdftotext -layout']] as const))('%s (%s): every figure as printed', async (name, as) => {
    const bytes = as === 'PDF' ? pdfs.get(name)! : new Uint8Array(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdfs.get(name)! }));
    const result = await importFile(bytes, `${name}.${as === 'PDF' ? 'pdf' : 'txt'}`);
    const got = figuresOf(reportOf(result.yaml, `${name}.yaml`));
    const want = figuresOf(source);
    if (name === 'blank-totals') {
      for (const [k, v] of Object.entries(want)) if (k.startsWith('applications.') || k.startsWith('review.')) want[k] = v.map((x, i) => (i === v.length - 1 ? null : x));
    }
    if (as === 'PDF' || !LAYOUT_GAPS.has(name)) expect(got).toEqual(want);
    else {
      // Not read exactly from the text, but never silently: each row that differs carries a
      // 待核对 note or is named by a check the import ran (a total that does not add up).
      const wrong = Object.keys(want).filter((k) => JSON.stringify(got[k]) !== JSON.stringify(want[k]));
      expect(wrong.length).toBeGreaterThan(0);
      const named = (k: string) => result.draft.unsure[k] !== undefined || result.diagnostics.some((d) => d.path.join('.').startsWith(k));
      expect(wrong.filter((k) => !named(k))).toEqual([]);
    }
    expect(result.draft.agency).toBe('江州市生态环境局');
    expect(result.draft.year).toBe(2021);
  });
});
