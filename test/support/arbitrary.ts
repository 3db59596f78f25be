import fc from 'fast-check';
import { stringify } from 'yaml';
import { problemsEmpty } from '../../src/check/proseWords.js';
import { tableLabelIds } from '../../src/compose/tables.js';
import { getEdition } from '../../src/editions/index.js';
import { figureRows, resultRowKeys, type FigureColumnDef, type FigureRowDef } from '../../src/editions/rows.js';
import type { EditionId } from '../../src/model/report.js';
import { parseProse } from '../../src/schema/prose.js';

/** A generated report: its YAML text and the figures it should print. */
export interface GeneratedReport {
  edition: EditionId;
  yaml: string;
  /** Printed figures of the official rows, by row key, in column order ('' for a blank). */
  printed: Record<string, string[]>;
  /**
   * Every value cell of each table as it should be printed, row by row in table order: local
   * sub-rows in place of their row, extra rows at the end of their item (spec §5).
   */
  figures: { proactive: string[]; applications: string[]; review: string[] };
}

// ---------------------------------------------------------------------------------------------
// Prose: what real reports mix — CJK, CJK Extension B, full- and half-width punctuation, Latin
// words, digits, URLs — in paragraphs from a few characters to a few thousand, with many
// （一）/1. sub-headings. Never `{`, `}` or `\` (prose is a handlebars template) and never the
// scaffold's TODO marker (check reports it).

const WORDS = [
  '政务公开', '信息', '平台建设', '监督保障', '依法依规', '主动回应社会关切', '𠀀𠀁', '𠀂', '𪚥', '〇',
  '“三安全一稳定”', '《条例》', '「试点」', '（试行）', '(试行)', '——', '……', '·', '%', '％',
  'App', 'PDF', 'Wi-Fi', 'e-mail', 'No.5', 'App Store', 'Ａ类', '１２３', '12345', '3.5%', '2021年', '0',
  '；', '，', '、', '：', '？', '！', ',', ';', ':', '?', '!', ' ',
];
/** An unbreakable Latin/digit run: a URL, a document number, a phone number, a long figure. */
const longRun = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./:_-'), { minLength: 8, maxLength: 120 })
  .map((cs) => cs.join(''));
/** A lone glyph before a run wider than a line (a URL after `见`): it once stood alone on a line. */
const gluedRun = fc.tuple(fc.constantFrom('见', '𠀀', '：', '（'), fc.array(fc.constantFrom(...'abcdefghij0123456789./'), { minLength: 60, maxLength: 140 })).map(([g, cs]) => `${g}${cs.join('')}`);
const word = fc.oneof({ weight: 60, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: longRun }, { weight: 1, arbitrary: gluedRun });
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom('。', '。', '；', '.', '！', '……', '”。'))
  .map(([ws, end]) => `${ws.join('').trim() || '无'}${end}`);
const typicalParagraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((ss) => ss.join(''));
const paragraphText = fc.oneof(
  { weight: 12, arbitrary: typicalParagraph },
  // A few thousand characters: page breaks inside a paragraph.
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 60, maxLength: 160 }).map((ss) => ss.join('')) },
);

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
type ProsePart = { kind: 'p'; text: string } | { kind: 'h2' | 'h3'; text: string; runIn: boolean };
const prosePartOf = (paragraph: fc.Arbitrary<string>): fc.Arbitrary<ProsePart> =>
  fc.oneof(
    { weight: 5, arbitrary: paragraph.map((text): ProsePart => ({ kind: 'p', text })) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom<'h2' | 'h3'>('h2', 'h3'), fc.constantFrom('组织领导', '主动公开', 'App建设', '𠀀𠀁专栏', '2021年重点', 'e-mail回复'), fc.boolean(), paragraph)
        .map(([kind, head, runIn, body]): ProsePart => ({ kind, text: runIn ? `${head}。${body}` : head, runIn })),
    },
  );
/** Prose as the clerk writes it: paragraphs separated by blank lines, numbered headings in sequence. */
const proseOf = (paragraph: fc.Arbitrary<string>, minParts: number) => fc.array(prosePartOf(paragraph), { minLength: minParts, maxLength: 12 }).map((parts) => {
  let n2 = 0;
  let n3 = 0;
  return parts
    .map((p) => {
      if (p.kind === 'p') return p.text;
      if (p.kind === 'h2') {
        n3 = 0;
        return `（${CN[n2++ % CN.length]}）${p.text}`;
      }
      return `${++n3}.${p.text}`;
    })
    .join('\n\n');
});
const prose = proseOf(paragraphText, 1);
/** What real reports have (the examples run 3–7 pages): several paragraphs of a few sentences. */
const typicalProse = proseOf(typicalParagraph, 4);
const shortProse = fc.constantFrom('无。', '本年度无其他需要报告的事项。', '无', '𠀀。');

// ---------------------------------------------------------------------------------------------
// Figures.

const MAX = Number.MAX_SAFE_INTEGER;
/** Mostly single digits (sparse, like real reports), some large, a few up to ~1e12. */
const typicalMagnitude = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 2, arbitrary: fc.integer({ min: 10, max: 2_000 }) });
const magnitude = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 9 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10, max: 1_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000_000, max: 1_000_000_000_000 }) },
);
/** Money: integer part, decimals as written (trailing zeros kept), unit, and YAML spelling. */
const money = fc.record({
  int: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 99_999 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000_000_000 }) }),
  decimals: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 4 }),
  unit: fc.constantFrom('', '', '万元', '元'),
  blank: fc.boolean(),
});

const EXTRA_LABELS = [
  '其他主动公开文件（含以本单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件，可参考本单位政府信息公开平台“其他主动公开文件”栏目数据）',
  '其他文件',
  '𠀀𠀁类文件（App、e-mail）',
];
const SUB_LABELS = ['行政检查', '行政确认', '行政奖励', '行政裁决𠀀', '公共服务事项（含App办理）'];
const ANNOTATIONS = ['（指2019年事项数）', '\n（指2020年办件量）', '（万元，保留四位小数）', '\n（设区的市、自治州人民政府应提供相关数据，减用负值表示，如-8）', '（𠀀𠀁）'];

const AGENCIES = ['某某县科学技术局', '某某市生态环境局江州分局', '某某区人民政府办公室'];

/**
 * Valid reports of both editions with random but consistent figures (spec §4 identities hold).
 * By default they stress the renderers (figures up to 2^53−1, paragraphs of thousands of
 * characters); `typical` keeps prose and figures the size real reports have, for the benchmark.
 */
export function reportArbitrary(options: { typical?: boolean } = {}): fc.Arbitrary<GeneratedReport> {
  const t = options.typical === true;
  const body = t ? typicalProse : prose;
  return fc
    .record({
      edition: fc.constantFrom<EditionId>('2019', '2021'),
      agency: fc.constantFrom(...AGENCIES),
      /** How blanks are used: never, for every zero, or for some zeros (spec §4.4). */
      blankMode: fc.constantFrom('none', 'zeros', 'some'),
      writeTotals: fc.boolean(),
      numbers: fc.array(t ? typicalMagnitude : magnitude, { minLength: 64, maxLength: 64 }),
      blanks: fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
      /** One 三- or 四-table figure near 2^53−1 (the largest integer the format accepts exactly). */
      huge: t ? fc.constant(null) : fc.option(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { freq: 6 }),
      money: fc.array(money, { minLength: 1, maxLength: 4 }),
      extraRows: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...EXTRA_LABELS)), { maxLength: 3 }),
      subRows: fc.option(fc.uniqueArray(fc.constantFrom(...SUB_LABELS), { minLength: 1, maxLength: 4 }), { freq: 3 }),
      labels: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ANNOTATIONS)), { maxLength: 6 }),
      overview: body,
      problems: body,
      preamble: fc.option(t ? typicalParagraph : prose, { freq: 2 }),
      other: fc.option(fc.oneof(shortProse, body), { freq: 2 }),
      tableText: t ? fc.constant(null) : fc.option(prose, { freq: 3 }),
      title: fc.option(fc.constantFrom<string[]>(['某某县科学技术局', '2021年政府信息公开工作年度报告'], ['𠀀𠀁局（App）年度报告']), { freq: 3 }),
    })
    .map((r) => build(r));
}

interface Choices {
  edition: EditionId;
  agency: string;
  blankMode: 'none' | 'zeros' | 'some';
  writeTotals: boolean;
  numbers: number[];
  blanks: boolean[];
  huge: [number, number, boolean] | null;
  money: { int: number; decimals: number[]; unit: string; blank: boolean }[];
  extraRows: [number, string][];
  subRows: string[] | null;
  labels: [number, string][];
  overview: string;
  problems: string;
  preamble: string | null;
  other: string | null;
  tableText: string | null;
  title: string[] | null;
}

/**
 * 2019 第二十条第（一）项 as a clerk fills it: 本年新公开 ≤ 本年新制作 and ≤ 对外公开总数量, else
 * check warns (spec §4.4). The smallest figure goes in the middle; a blank counts as 0.
 */
function plausibleItem1(row: { yaml: unknown; printed: string[] }): void {
  const cells = row.yaml as (number | null)[];
  const order = [0, 1, 2].sort((a, b) => (cells[a] ?? 0) - (cells[b] ?? 0));
  const pick = [order[1]!, order[0]!, order[2]!];
  row.yaml = pick.map((i) => cells[i]!);
  row.printed = pick.map((i) => row.printed[i]!);
}

function build(r: Choices): GeneratedReport {
  const ed = getEdition(r.edition);
  let k = 0;
  let b = 0;
  const next = () => r.numbers[k++ % r.numbers.length]!;
  const blankHere = () => r.blankMode === 'zeros' || (r.blankMode === 'some' && r.blanks[b++ % r.blanks.length]!);
  const maybeBlank = (n: number): number | null => (n === 0 && blankHere() ? null : n);
  const data: Record<string, unknown> = { agency: r.agency, year: r.edition === '2019' ? 2020 : 2022, edition: r.edition };
  if (r.title) data.title = r.title;
  if (r.preamble) data.preamble = r.preamble;
  data.overview = r.overview;
  const printed: Record<string, string[]> = {};
  const figures: GeneratedReport['figures'] = { proactive: [], applications: [], review: [] };
  // Money is written through a placeholder so the YAML keeps the spelling (`77.0700`, a plain
  // number with trailing zeros) that a stringified JS number would lose.
  const literals = new Map<string, string>();
  let m = 0;
  const set = (key: string, value: unknown) => {
    const parts = key.split('.');
    let o = data as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]!] = value;
  };
  const text = (v: number | null) => (v === null ? '' : String(v));
  let hugeProactive = false;

  // 二 table: no identities tie its cells together, so any magnitude (and sign) goes.
  const proactiveValue = (c: FigureColumnDef): { yaml: unknown; printed: string } => {
    if (c.kind === 'money') {
      const mo = r.money[m++ % r.money.length]!;
      if (mo.blank) return { yaml: null, printed: '' };
      const spelled = `${mo.int}${mo.decimals.length ? `.${mo.decimals.join('')}` : ''}`;
      if (mo.unit) return { yaml: `${spelled}${mo.unit}`, printed: `${spelled}${mo.unit}` };
      const token = `MONEYLITERAL${literals.size}X`;
      literals.set(token, spelled);
      return { yaml: token, printed: spelled };
    }
    let n = next();
    if (r.huge?.[2] && !hugeProactive && n === 0) {
      hugeProactive = true;
      n = MAX; // the 二 table may hold 2^53−1 itself: no identity adds it to anything
    }
    if (c.kind === 'signed') {
      const v = n % 2 === 1 ? -n : n;
      return { yaml: v, printed: String(v) };
    }
    const v = maybeBlank(n);
    return { yaml: v, printed: text(v) };
  };
  const proactiveRow = (def: FigureRowDef): { yaml: unknown; printed: string[] } => {
    const cells = def.columns.map(proactiveValue);
    return { yaml: def.columns.length === 1 ? cells[0]!.yaml : cells.map((c) => c.yaml), printed: cells.map((c) => c.printed) };
  };
  const defs = figureRows(ed);
  for (const item of ed.proactive.items) {
    const itemKey = `proactive.${item.key}`;
    const itemDefs = defs.filter((d) => d.item === itemKey);
    for (const def of itemDefs) {
      if (def.allowsSubRows && r.subRows) {
        const subs = r.subRows.map((label) => ({ label, ...proactiveRow(def) }));
        set(def.key, { subRows: subs.map((s) => ({ label: s.label, values: s.yaml })) });
        for (const s of subs) figures.proactive.push(...s.printed);
        continue;
      }
      const row = proactiveRow(def);
      if (r.edition === '2019' && item.key === 'item1') plausibleItem1(row);
      set(def.key, row.yaml);
      printed[def.key] = row.printed;
      figures.proactive.push(...row.printed);
    }
    const extras = r.extraRows.filter(([at]) => ed.proactive.items[at % ed.proactive.items.length] === item);
    if (extras.length > 0) {
      const rows = extras.map(([, label]) => ({ label, ...proactiveRow(itemDefs[0]!) }));
      set(`${itemKey}.extraRows`, rows.map((x) => ({ label: x.label, values: x.yaml })));
      for (const x of rows) figures.proactive.push(...x.printed);
    }
  }

  // 三 table: pick result rows and carry-overs, derive 新收 so that A1 holds in every column.
  const results = resultRowKeys(ed);
  const cols = 6;
  const table: Record<string, (number | null)[]> = {};
  for (const key of [...results, 'applications.carriedOver', 'applications.carriedForward']) {
    table[key] = Array.from({ length: cols }, () => maybeBlank(next() % 4 === 0 ? next() : 0));
  }
  const huge = r.huge && !r.huge[2] ? r.huge : null;
  if (huge) {
    // Everything else in the table adds up to less than the gap, so no sum passes 2^53−1.
    const [row, col] = [results[huge[0] % results.length]!, huge[1] % cols];
    table[row]![col] = 0;
    const rest = Object.values(table).reduce((s, vs) => s + vs.reduce<number>((t, v) => t + (v ?? 0), 0), 0);
    table[row]![col] = MAX - rest;
  }
  const colSum = (keys: string[], c: number) => keys.reduce((s, key) => s + (table[key]![c] ?? 0), 0);
  table['applications.newlyReceived'] = Array.from({ length: cols }, (_, c) => {
    const n = colSum(results, c) + (table['applications.carriedForward']![c] ?? 0) - (table['applications.carriedOver']![c] ?? 0);
    if (n < 0) {
      table['applications.carriedOver']![c] = (table['applications.carriedOver']![c] ?? 0) + n; // keep it non-negative
      return maybeBlank(0);
    }
    return maybeBlank(n);
  });
  table['applications.results.total'] = Array.from({ length: cols }, (_, c) => (results.some((key) => table[key]![c] !== null) ? colSum(results, c) : null));
  const withTotal = (row: (number | null)[]) => [...row, row.some((v) => v !== null) ? row.reduce<number>((s, v) => s + (v ?? 0), 0) : null];
  for (const [key, row] of Object.entries(table)) {
    const full = withTotal(row);
    printed[key] = full.map(text);
    if (key === 'applications.results.total' && !r.writeTotals) continue;
    set(key, r.writeTotals ? full : row);
  }
  for (const def of defs.filter((d) => d.table === 'applications')) figures.applications.push(...printed[def.key]!);

  // 四 table: each group's 总计 is the sum of its four cells (A4).
  const reviewDefs = defs.filter((d) => d.table === 'review');
  reviewDefs.forEach((def, i) => {
    const row = Array.from({ length: 4 }, () => maybeBlank(next() % 3 === 0 ? next() : 0));
    if (r.huge?.[2] && r.huge[0] % reviewDefs.length === i) {
      const c = r.huge[1] % 4;
      row[c] = MAX - row.reduce<number>((s, v, j) => s + (j === c ? 0 : (v ?? 0)), 0);
    }
    const full = withTotal(row);
    printed[def.key] = full.map(text);
    figures.review.push(...printed[def.key]!);
    set(def.key, r.writeTotals ? full : row);
  });

  if (r.tableText) set('applications.text', r.tableText);
  // 五 that says nothing (only headings, only 无) is itself a warning (prose/problems-empty).
  data.problems = problemsEmpty(parseProse(r.problems, ['problems'])) === null ? r.problems : `${r.problems}\n\n政策解读形式较单一。`;
  if (r.other) data.other = r.other;
  if (r.edition === '2021') {
    // Unpaid fees in the 总计 column ask for fee notices in 六 (a plausibility warning otherwise).
    const unpaid = Number(printed['applications.results.other.unpaidFee']?.[cols] || 0);
    data.fees = { noticesIssued: unpaid > 0 ? unpaid : 0, amountNotified: 100, amountCollected: 100 };
  }

  // Local annotations appended to official labels (Hubei 2020, Beijing; spec §5).
  const ids = [...tableLabelIds(ed).entries()];
  const labels: Record<string, string> = {};
  for (const [at, note] of r.labels) {
    const [id, official] = ids[at % ids.length]!;
    labels[id] = `${official}${note}`;
  }
  if (Object.keys(labels).length > 0) data.labels = labels;

  let yaml = stringify(data, { lineWidth: 0 });
  for (const [token, spelled] of literals) yaml = yaml.replace(token, spelled);
  return { edition: r.edition, yaml, printed, figures };
}
