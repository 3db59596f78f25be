import fc from 'fast-check';
import { stringify } from 'yaml';
import { getEdition } from '../../src/editions/index.js';
import { figureRows, resultRowKeys } from '../../src/editions/rows.js';
import type { EditionId } from '../../src/model/report.js';

/** A generated report: its YAML text and the figures it should print, by row key. */
export interface GeneratedReport {
  edition: EditionId;
  yaml: string;
  /** Printed figures per row key, in column order ('' for a blank). */
  printed: Record<string, string[]>;
}

// Text with what real reports mix: CJK, CJK Extension B, full- and half-width punctuation, Latin and digits.
const WORDS = ['政务公开', '信息', '平台建设', '监督保障', '𠀀𠀁', '“三安全一稳定”', 'App', 'PDF', '12345', '（试行）', '2021年', 'e-mail', '；', '，', '、'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((ws) => `${ws.join('')}。`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((ss) => ss.join(''));
const prose = fc
  .array(fc.oneof({ weight: 4, arbitrary: paragraph }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('（一）', '（二）', '1.', '2.'), fc.constantFrom(...WORDS.slice(0, 4))).map(([n, w]) => `${n}${w}`) }), { minLength: 1, maxLength: 6 })
  .map((ps) => ps.join('\n\n'));

const small = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) });
const maybeBlank = (n: number, blank: boolean): number | null => (blank && n === 0 ? null : n);

/** Valid reports of both editions with random but consistent figures (spec §4 identities hold). */
export function reportArbitrary(): fc.Arbitrary<GeneratedReport> {
  return fc
    .record({
      edition: fc.constantFrom<EditionId>('2019', '2021'),
      blank: fc.boolean(),
      writeTotals: fc.boolean(),
      seed: fc.array(small, { minLength: 400, maxLength: 400 }),
      money: fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('', '万元')),
      overview: prose,
      problems: prose,
    })
    .map(({ edition, blank, writeTotals, seed, money, overview, problems }) => {
      const ed = getEdition(edition);
      let k = 0;
      const next = () => seed[k++ % seed.length]!;
      const data: Record<string, unknown> = { agency: '某某县科学技术局', year: edition === '2019' ? 2020 : 2022, edition, overview, problems };
      const printed: Record<string, string[]> = {};
      const set = (key: string, value: unknown) => {
        const parts = key.split('.');
        let o = data as Record<string, unknown>;
        for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
        o[parts[parts.length - 1]!] = value;
      };
      const defs = figureRows(ed);
      const moneyValue = money[1] === 0 ? String(money[0]) : `${money[0]}.${'7'.repeat(money[1])}`;
      for (const def of defs.filter((d) => d.table === 'proactive')) {
        const values = def.columns.map((c) => (c.kind === 'money' ? `${moneyValue}${money[2]}` : c.kind === 'signed' ? next() - 5 : maybeBlank(next(), blank)));
        printed[def.key] = values.map((v) => (v === null ? '' : String(v)));
        set(def.key, def.columns.length === 1 ? values[0] : values);
      }
      // 三 table: pick result rows and carry-over, derive 新收 so that A1 holds in every column.
      const results = resultRowKeys(ed);
      const cols = 6;
      const table: Record<string, (number | null)[]> = {};
      for (const key of [...results, 'applications.carriedOver', 'applications.carriedForward']) {
        table[key] = Array.from({ length: cols }, () => maybeBlank(next() % 4 === 0 ? next() : 0, blank));
      }
      const colSum = (keys: string[], c: number) => keys.reduce((s, key) => s + (table[key]![c] ?? 0), 0);
      table['applications.newlyReceived'] = Array.from({ length: cols }, (_, c) => {
        const n = colSum(results, c) + (table['applications.carriedForward']![c] ?? 0) - (table['applications.carriedOver']![c] ?? 0);
        if (n < 0) {
          table['applications.carriedOver']![c] = (table['applications.carriedOver']![c] ?? 0) + n; // keep it non-negative
          return maybeBlank(0, blank);
        }
        return maybeBlank(n, blank);
      });
      table['applications.results.total'] = Array.from({ length: cols }, (_, c) => {
        const any = results.some((key) => table[key]![c] !== null);
        return any ? colSum(results, c) : null;
      });
      for (const [key, row] of Object.entries(table)) {
        const anyCell = row.some((v) => v !== null);
        const total = anyCell ? row.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
        const full = [...row, total];
        printed[key] = full.map((v) => (v === null ? '' : String(v)));
        if (key === 'applications.results.total' && !writeTotals) continue;
        set(key, writeTotals ? full : row);
      }
      for (const def of defs.filter((d) => d.table === 'review')) {
        const row = Array.from({ length: 4 }, () => next() % 3);
        const full = [...row, row.reduce((s, v) => s + v, 0)];
        printed[def.key] = full.map(String);
        set(def.key, writeTotals ? full : row);
      }
      if (edition === '2021') {
        const unpaid = colSum(['applications.results.other.unpaidFee'], 0);
        data.fees = { noticesIssued: unpaid > 0 ? unpaid : 0, amountNotified: 100, amountCollected: 100 };
      }
      return { edition, yaml: stringify(data, { lineWidth: 0 }), printed };
    });
}
