import { readdirSync, readFileSync } from 'node:fs';
import { parse, parseDocument, type Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deleteIn, EditError, RawScalar, setIn } from './edit.js';

const getIn = (value: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);

/** Lines that differ between two texts of the same line count. */
const changedLines = (a: string, b: string): string[] => {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return y.filter((l, i) => l !== x[i]);
};

const FILE = `# head comment
agency: "某某局"   # 机关全称
year: 2021
proactive:
  item1:  # 列
    rules: [0, 0, 0]
    normativeDocuments: [2,  1, 15]  # aligned
  item5: { licensing: 120 }
applications:
  newlyReceived: [5, 2, 0, 0, 0, 1]
  results:
    other:
      - 1
      - 2   # two
overview: |  # 一、总体情况
  （一）主动公开。

  （二）依申请公开。
other: null  # 六（null 时为“无。”）
labels:
`;

describe('setIn: a splice of the value that changes, nothing else', () => {
  it('replaces a figure inside a flow list keeping the digits typed and every other byte', () => {
    const out = setIn(FILE, ['proactive', 'item1', 'normativeDocuments', 1], new RawScalar('77.0690'));
    expect(changedLines(FILE, out)).toEqual(['    normativeDocuments: [2,  77.0690, 15]  # aligned']);
  });

  it('a blank is null; a money string is quoted only when YAML needs it', () => {
    expect(changedLines(FILE, setIn(FILE, ['proactive', 'item1', 'rules', 0], null))).toEqual(['    rules: [null, 0, 0]']);
    expect(changedLines(FILE, setIn(FILE, ['proactive', 'item5', 'licensing'], '7.463万元'))).toEqual(['  item5: { licensing: 7.463万元 }']);
    expect(parse(setIn(FILE, ['proactive', 'item5', 'licensing'], 'a, b')).proactive.item5.licensing).toBe('a, b');
  });

  it('appends a left-out 总计 to a flow list, and removes it again', () => {
    const withTotal = setIn(FILE, ['applications', 'newlyReceived', 6], new RawScalar('8'));
    expect(changedLines(FILE, withTotal)).toEqual(['  newlyReceived: [5, 2, 0, 0, 0, 1, 8]']);
    expect(deleteIn(withTotal, ['applications', 'newlyReceived', 6])).toBe(FILE);
  });

  it('keeps the quoting style of a string it replaces', () => {
    expect(changedLines(FILE, setIn(FILE, ['agency', ], '某某县科学技术局'))).toEqual(['agency: "某某县科学技术局"   # 机关全称']);
  });

  it('rewrites a literal block as a literal block, keeping the comment on its | line', () => {
    const out = setIn(FILE, ['overview'], '（一）主动公开。全年……\n\n（二）依申请公开。\n');
    expect(out).toContain('overview: |  # 一、总体情况\n  （一）主动公开。全年……\n\n  （二）依申请公开。\nother: null');
    expect(parse(out).overview).toBe('（一）主动公开。全年……\n\n（二）依申请公开。\n');
    expect(parse(setIn(FILE, ['overview'], 'one line')).overview).toBe('one line');
  });

  it('turns null into a literal block with the trailing comment moved onto the | line', () => {
    const out = setIn(FILE, ['other'], '本年度无其他事项。\n第二行');
    expect(out).toContain('other: |-  # 六（null 时为“无。”）\n  本年度无其他事项。\n  第二行\nlabels:');
    expect(parse(out).other).toBe('本年度无其他事项。\n第二行');
  });

  it('creates missing keys in the official order, in block style, and through null or empty values', () => {
    const out = setIn(FILE, ['unitLine'], '某某局办公室', ['agency', 'year', 'edition', 'title', 'unitLine', 'dateLine', 'proactive']);
    expect(out).toContain('year: 2021\nunitLine: 某某局办公室\nproactive:');
    const fees = setIn(FILE, ['fees', 'noticesIssued'], 2, ['overview', 'fees', 'other']);
    expect(fees).toContain('  （二）依申请公开。\nfees:\n  noticesIssued: 2\nother: null');
    const labels = setIn(FILE, ['labels', 'sections.problems'], '五、问题');
    expect(parse(labels).labels).toEqual({ 'sections.problems': '五、问题' });
    const total = setIn(FILE, ['applications', 'results', 'total'], [1, 2, 3].map((n) => new RawScalar(String(n))), ['other', 'total']);
    expect(parse(total).applications.results.total).toEqual([1, 2, 3]);
    expect(changedLines(FILE, setIn(FILE, ['applications', 'results', 'other', 1], 5))).toEqual(['      - 5   # two']);
    const appended = setIn(FILE, ['applications', 'results', 'other', 2], 3);
    expect(parse(appended).applications.results.other).toEqual([1, 2, 3]);
  });

  it('keeps CRLF line ends', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    const out = setIn(crlf, ['overview'], 'a\n\nb\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(parse(out).overview).toBe('a\n\nb\n');
  });

  it('refuses what it cannot do instead of guessing', () => {
    expect(() => setIn(FILE, ['year', 'x'], 1)).toThrow(EditError);
    expect(() => setIn('a: [', ['a'], 1)).toThrow(EditError);
    expect(deleteIn(FILE, ['nothing', 'here'])).toBe(FILE);
  });

  it('removes a block entry with its lines', () => {
    const out = deleteIn(FILE, ['applications', 'results']);
    expect(parse(out).applications).toEqual({ newlyReceived: [5, 2, 0, 0, 0, 1] });
    expect(out).toContain('  newlyReceived: [5, 2, 0, 0, 0, 1]\noverview: |');
  });

  it('on every figure of every example: one changed line, and the file reads back with only that figure changed', () => {
    const dir = new URL('../../data/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const value = parse(text) as Record<string, unknown>;
      const paths: (string | number)[][] = [];
      const walk = (v: unknown, p: (string | number)[]) => {
        if (typeof v === 'number') paths.push(p);
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
      };
      for (const key of ['proactive', 'applications', 'review']) walk(value[key], [key]);
      expect(paths.length).toBeGreaterThan(20);
      for (const p of paths.filter((_, i) => i % 3 === 0)) {
        const out = setIn(text, p, new RawScalar('4321'));
        expect(changedLines(text, out), `${name} ${p.join('.')}`).toHaveLength(1);
        const back = parse(out) as Record<string, unknown>;
        expect(getIn(back, p)).toBe(4321);
        const spelling = (parseDocument(text).getIn(p, true) as Scalar).source as string;
        expect(setIn(out, p, new RawScalar(spelling))).toBe(text); // and back, byte for byte
      }
    }
  });
});
