import { describe, expect, it } from 'vitest';
import { checkBytes, checkText } from '../pipeline.js';
import { reportYaml } from '../../test/support/reports.js';
import { loadYaml } from './load.js';

const enc = (s: string) => new TextEncoder().encode(s);
const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe('bad input gets a clear diagnostic, never an exception', () => {
  it('YAML syntax errors carry a position', () => {
    const c = checkText('agency: a\nyear: [2021\n', 'x.yaml');
    expect(codes(c.diagnostics)).toContain('yaml/syntax');
    expect(c.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('duplicate keys', () => {
    const c = checkText('agency: a\nagency: b\nyear: 2021\n', 'x.yaml');
    expect(codes(c.diagnostics)).toEqual(['yaml/duplicate-key']);
    expect(c.diagnostics[0]!.line).toBe(2);
  });

  it('empty file, whitespace-only file, a scalar instead of a report', () => {
    expect(codes(checkBytes(enc(''), 'x').diagnostics)).toEqual(['input/empty']);
    expect(codes(checkBytes(enc('  \n\n'), 'x').diagnostics)).toEqual(['input/empty']);
    expect(codes(checkBytes(enc('# only a comment\n'), 'x').diagnostics)).toEqual(['input/empty']);
    expect(codes(checkText('just text', 'x').diagnostics)).toEqual(['schema/not-a-report']);
  });

  it('files that are not UTF-8 (GBK, UTF-16) and binary files', () => {
    const gbk = new Uint8Array([0x61, 0x67, 0x65, 0x6e, 0x63, 0x79, 0x3a, 0x20, 0xc4, 0xb3, 0xbe, 0xd6]); // "agency: 某局" in GBK
    expect(codes(checkBytes(gbk, 'x').diagnostics)).toEqual(['input/not-utf8']);
    expect(codes(checkBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'x').diagnostics)).toEqual(['input/not-utf8']);
    expect(codes(checkBytes(new Uint8Array([0x61, 0x00, 0x62]), 'x').diagnostics)).toEqual(['input/not-utf8']);
  });

  it('a UTF-8 BOM is accepted', () => {
    const c = checkBytes(enc(`\ufeff${reportYaml('2021')}`), 'x');
    expect(codes(c.diagnostics)).toEqual([]);
  });

  it('files over the size limit are refused before parsing', () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x61);
    const t0 = performance.now();
    expect(codes(checkBytes(big, 'x').diagnostics)).toEqual(['input/too-large']);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('alias bombs are bounded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${new Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const t0 = performance.now();
    const c = checkText(lines.join('\n'), 'bomb.yaml');
    expect(codes(c.diagnostics)).toEqual(['yaml/alias-limit']);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('deep nesting is refused', () => {
    const deep = `a: ${'['.repeat(200)}${']'.repeat(200)}`;
    expect(codes(checkText(deep, 'x').diagnostics)).toEqual(['input/too-deep']);
  });

  it('wrong types, negative and fractional counts, quoted numbers', () => {
    const c = checkText(
      reportYaml('2021', [
        [['applications', 'newlyReceived'], [0, 1.5, -1, 'abc', '3', 0]],
        [['year'], '2021年'],
      ]),
      'x.yaml',
    );
    expect(codes(c.diagnostics).sort()).toEqual(['schema/negative', 'schema/not-a-number', 'schema/not-a-number', 'schema/not-an-integer', 'schema/not-a-number'].sort());
    const frac = c.diagnostics.find((d) => d.code === 'schema/not-an-integer')!;
    expect(frac.path).toEqual(['applications', 'newlyReceived', 1]);
    expect(frac.message).toContain('一、本年新收政府信息公开申请数量 · 商业企业');
  });

  it('wrong types, bad dates and empty names', () => {
    expect(codes(checkText(reportYaml('2021', [[['title'], { a: 1 }]]), 'x').diagnostics)).toEqual(['schema/wrong-type']);
    expect(codes(checkText(reportYaml('2021', [[['date'], '2022年1月']]), 'x').diagnostics)).toEqual(['schema/bad-format']);
    expect(codes(checkText(reportYaml('2021', [[['agency'], '']]), 'x').diagnostics)).toEqual(['schema/empty']);
  });

  it('figures beyond the safe integer range', () => {
    const c = checkText(reportYaml('2021', [[['applications', 'newlyReceived'], [2 ** 60, 0, 0, 0, 0, 0]]]), 'x');
    expect(codes(c.diagnostics)).toEqual(['schema/out-of-range']);
  });

  it('unknown keys get the closest valid key', () => {
    const c = checkText(reportYaml('2021', [[['applications', 'newlyRecieved'], [0, 0, 0, 0, 0, 0]], [['overvew'], 'x']]), 'x.yaml');
    const unknown = c.diagnostics.filter((d) => d.code === 'schema/unknown-key');
    expect(unknown.map((d) => d.message).join('\n')).toMatch(/newlyReceived[\s\S]*overview|overview[\s\S]*newlyReceived/);
  });

  it('a missing required section is named by its official title', () => {
    const c = checkText(reportYaml('2021', [[['review'], undefined]]), 'x.yaml');
    expect(codes(c.diagnostics)).toEqual(['schema/missing']);
    expect(c.diagnostics[0]!.message).toContain('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('rows of the wrong length', () => {
    const c = checkText(reportYaml('2021', [[['applications', 'carriedOver'], [0, 0, 0]]]), 'x.yaml');
    expect(codes(c.diagnostics)).toEqual(['schema/row-length']);
  });

  it('money cells accept units and decimals, reject nonsense', () => {
    const ok = checkText(reportYaml('2019', [[['proactive', 'item9', 'procurement'], [3, '7.463万元']]]), 'x');
    expect(codes(ok.diagnostics)).toEqual([]);
    expect(ok.report!.rows['proactive.item9.procurement']!.cells[1]!.text).toBe('7.463万元');
    const bad = checkText(reportYaml('2019', [[['proactive', 'item9', 'procurement'], [3, '7.4.6万元']]]), 'x');
    expect(codes(bad.diagnostics)).toEqual(['schema/bad-money']);
  });

  it('editions must be 2019 or 2021', () => {
    expect(codes(checkText(reportYaml('2021', [[['edition'], '2020']]), 'x').diagnostics)).toEqual(['schema/bad-edition']);
  });

  it('fees belong to the 2021 edition only', () => {
    const c = checkText(reportYaml('2019', [[['fees'], { noticesIssued: 0, amountNotified: 0, amountCollected: 0 }]]), 'x');
    expect(codes(c.diagnostics)).toEqual(['schema/unknown-key']);
  });
});

describe('figures keep their printed form', () => {
  it('decimal precision, signs and blanks survive', () => {
    const text = reportYaml('2019', [[['proactive', 'item5', 'licensing'], [10, -8, 3]]]).replace(/procurement: \[ 0, 0 \]/, 'procurement: [9, 77.0690]');
    const c = checkText(text, 'x');
    expect(codes(c.diagnostics)).toEqual([]);
    expect(c.report!.rows['proactive.item9.procurement']!.cells[1]!.text).toBe('77.0690');
    expect(c.report!.rows['proactive.item5.licensing']!.cells[1]!.text).toBe('-8');
  });

  it('computed totals are marked computed, blank + blank stays blank', () => {
    const c = checkText(reportYaml('2019', [[['applications', 'newlyReceived'], [1, null, null, null, null, null]]], { blank: true }), 'x');
    const row = c.report!.rows['applications.newlyReceived']!;
    expect(row.cells[6]).toMatchObject({ value: 1, text: '1', computed: true });
    const total = c.report!.rows['applications.results.total']!;
    expect(total.cells[1]).toMatchObject({ value: null, text: '', computed: true });
  });
});

describe('SourceFile.positionIn', () => {
  it('finds text inside a block scalar, not in the comment of its header', () => {
    const loaded = loadYaml('overview: |- # 一、总体情况\n  第一段。\n\n  收到申请一件，其中一件予以公开。\n', 'r.yaml');
    if (!loaded.ok) throw new Error('parse');
    expect(loaded.source.positionIn(['overview'], '一')).toEqual({ line: 2, column: 4 });
    expect(loaded.source.positionIn(['overview'], '一', 1)).toEqual({ line: 4, column: 7 });
    expect(loaded.source.positionIn(['overview'], '一', 2)).toEqual({ line: 4, column: 12 });
    expect(loaded.source.positionIn(['overview'], '第一段')).toEqual({ line: 2, column: 3 });
  });
});

describe('a figure cell written “/” or “—” (issue 15)', () => {
  const base = reportYaml('2021');
  const run = (from: string, to: string) => {
    const text = base.replace(from, to);
    expect(text).not.toBe(base);
    const c = checkText(text, 'r.yaml');
    return { c, lines: text.split('\n') };
  };
  it('is one clear error at the cell, saying to leave it blank (null) or write 0', () => {
    for (const [from, to, written] of [
      ['penalty: 0', 'penalty: /', '/'],
      ['penalty: 0', 'penalty: —', '—'],
      ['penalty: 0', 'penalty: "-"', '"-"'],
      ['fees: 0', 'fees: ——', '——'],
      ['rules: [ 0, 0, 0 ]', 'rules: [ 0, ／, 0 ]', '／'],
      ['noticesIssued: 0', 'noticesIssued: 无', '无'],
      ['amountNotified: 0', 'amountNotified: —', '—'],
    ] as const) {
      const { c, lines } = run(from, to);
      expect(codes(c.diagnostics), to).toEqual(['schema/dash-cell']);
      const d = c.diagnostics[0]!;
      expect(d.severity).toBe('error');
      expect(d.message).toContain('null');
      expect(d.message).toContain('0');
      expect(lines[d.line - 1]!.slice(d.column - 1).startsWith(written), to).toBe(true);
    }
    const { c } = run('reconsideration: [ 0, 0, 0, 0 ]', 'reconsideration: [ 0, /, —, 0 ]');
    expect(c.diagnostics.map((d) => [d.code, d.path.join('.')])).toEqual([
      ['schema/dash-cell', 'review.reconsideration.1'],
      ['schema/dash-cell', 'review.reconsideration.2'],
    ]);
    expect(c.diagnostics[0]!.message).toContain('行政复议 · 结果纠正');
  });
  it('a lone - inside [ ] (a YAML syntax error) gets one Chinese message at the dash', () => {
    const { c, lines } = run('reconsideration: [ 0, 0, 0, 0 ]', 'reconsideration: [ 0, -, 0, 0 ]');
    expect(codes(c.diagnostics)).toEqual(['yaml/syntax']);
    const d = c.diagnostics[0]!;
    expect(d.message).toContain('null');
    expect(lines[d.line - 1]!.slice(d.column - 1)).toMatch(/^-, 0, 0 \]/);
  });
  it('other text in a cell keeps its own message', () => {
    expect(codes(run('penalty: 0', 'penalty: 三').c.diagnostics)).toEqual(['schema/not-a-number']);
  });
});
