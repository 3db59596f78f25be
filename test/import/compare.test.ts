import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, tempFile } from '../support/runCli.js';

const data = (f: string) => readFileSync(new URL(`../../data/${f}`, import.meta.url), 'utf8');
const y2021 = data('jiangzhou-sthjj-2021.yaml');
const y2022 = data('jiangzhou-sthjj-2022.yaml');

/** The 2022 file with 二、上年结转 changed so that it no longer carries 2021's 四、结转下年度继续办理. */
function broken2022(): string {
  const doc = parseDocument(y2022);
  const row = doc.getIn(['applications', 'carriedOver']) as { toJSON(): number[] };
  const values = row.toJSON();
  values[0] = values[0]! + 2;
  doc.setIn(['applications', 'carriedOver'], doc.createNode(values, { flow: true }));
  return doc.toString();
}

describe('nianbao compare', () => {
  it('prints the key figures side by side in year order and exits 0 when the years agree', async () => {
    const a = tempFile('jz-2021.yaml', y2021);
    const b = tempFile('jz-2022.yaml', y2022);
    const r = await runCli(['compare', b, a]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/项目\s+2021年\s+2022年/);
    expect(lines.find((l) => l.startsWith('一、本年新收'))).toMatch(/\s108\s+119$/);
    expect(r.stderr).toContain('0 个错误');
  });

  it('reports a carried-over mismatch (X1) with both files’ positions and exits 1', async () => {
    const a = tempFile('jz-2021.yaml', y2021);
    const b = tempFile('jz-2022-bad.yaml', broken2022());
    const r = await runCli(['compare', a, b]);
    expect(r.code).toBe(1);
    const head = r.stderr.split('\n').find((l) => l.includes('[crossyear/carried-over]'))!;
    expect(head).toMatch(new RegExp(`^${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ 错误 二、上年结转政府信息公开申请数量 · 自然人`));
    expect(head).toMatch(new RegExp(`${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
  });

  it('--csv gives one line per key figure with a year per column', async () => {
    const r = await runCli(['compare', '--csv', tempFile('a.yaml', y2021), tempFile('b.yaml', y2022)]);
    const rows = r.stdout.replace(/^\ufeff/, '').split('\r\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['项目', '2021年', '2022年']);
    expect(rows.find((x) => x[0] === '（七）总计')).toEqual(['（七）总计', '108', '121']);
    expect(rows.every((x) => x.length === 3)).toBe(true);
  });

  it('keeps money as printed: 5949.088667 stays 5949.088667 in the table, --csv and --html (issue 15)', async () => {
    const money = (text: string, value: string) => text.replace(/^(\s*fees: )0\b/m, `$1${value}`);
    const a = tempFile('m-2021.yaml', money(y2021, '5949.088667'));
    const b = tempFile('m-2022.yaml', money(y2022, '7.4630'));
    const label = '行政事业性收费 · 本年收费金额';
    const text = await runCli(['compare', a, b]);
    expect(text.stdout.split('\n').find((l) => l.startsWith(label))).toMatch(/\s5949\.088667\s+7\.4630$/);
    const csv = await runCli(['compare', '--csv', a, b]);
    expect(csv.stdout.replace(/^\ufeff/, '').split('\r\n').find((l) => l.startsWith(label))!.split(',').slice(1)).toEqual(['5949.088667', '7.4630']);
    expect((await runCli(['compare', '--html', a, b])).stdout).toContain('<td>5949.088667</td>');
  });

  it('--html gives a page with a table and the findings', async () => {
    const r = await runCli(['compare', '--html', tempFile('a.yaml', y2021), tempFile('c.yaml', broken2022())]);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain('<th scope="row">四、结转下年度继续办理</th>');
    expect(r.stdout).toContain('crossyear/carried-over');
  });

  it('across the edition change (2020 → 2021) only X1 applies; two files of one year are a usage error', async () => {
    const r = await runCli(['compare', tempFile('tc.yaml', data('taicang-kjj-2020.yaml')), tempFile('a.yaml', y2021)]);
    expect(r.stdout).toContain('2020年');
    expect(r.stderr).toContain('crossyear/different-agency');
    expect((await runCli(['compare', tempFile('a.yaml', y2021), tempFile('a2.yaml', y2021)])).code).toBe(2);
  });
});
