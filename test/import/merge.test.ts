import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { runCli, tempFile } from '../support/runCli.js';
import { figuresOf, reportOf } from '../support/importCompare.js';
import { reportYaml } from '../support/reports.js';

const data = (f: string) => readFileSync(new URL(`../../data/${f}`, import.meta.url), 'utf8');

describe('nianbao merge', () => {
  it('sums every figure, keeps blank + blank blank, blank + n = n, identities hold, prose left to write', async () => {
    const a = reportYaml('2019', [[['applications', 'newlyReceived'], [2, 1, null, null, null, null]], [['applications', 'results', 'granted'], [2, 1, null, null, null, null]], [['proactive', 'item9', 'procurement'], [1, '7.463万元']]], { blank: true, year: 2019 });
    const b = reportYaml('2019', [[['applications', 'newlyReceived'], [1, null, null, 4, null, null]], [['applications', 'results', 'granted'], [1, null, null, 4, null, null]], [['proactive', 'item9', 'procurement'], [2, '0.12万元']]], { blank: true, year: 2019 });
    const c = data('changle-kjj-2019.yaml');
    const r = await runCli(['merge', tempFile('a.yaml', a), tempFile('b.yaml', b), tempFile('c.yaml', c), '--agency', '某某县人民政府', '--year', '2019']);
    expect(r.code).toBe(0);
    const merged = reportOf(r.stdout, 'merged.yaml');
    const f = figuresOf(merged);
    // changle 2019 prints 1 / blank … / 1 in 一、本年新收.
    expect(f['applications.newlyReceived']).toEqual(['4', '1', null, '4', null, null, '9']);
    expect(f['applications.results.granted']).toEqual(['4', '1', null, '4', null, null, '9']);
    expect(f['applications.results.refused.stateSecret']).toEqual([null, null, null, null, null, null, null]);
    expect(f['proactive.item9.procurement']![1]).toBe('7.583万元');
    expect(merged.agency).toBe('某某县人民政府');
    expect(r.stdout).toContain('【待填写】');
    expect(r.stdout).toMatch(/# 说明：汇总了 3 个机关的年报：某某县科学技术局、某某县科学技术局、昌乐县科学技术局/);
    expect(merged.other.map((p) => p.kind === 'paragraph' ? p.text : '').join()).toContain('昌乐县科学技术局');
    expect(r.stderr).toContain('0 个错误');
  });

  it('money keeps the largest printed precision and sums exactly', async () => {
    const money = (v: string) => reportYaml('2021', [[['proactive', 'item8', 'fees'], v]]);
    const r = await runCli(['merge', tempFile('m1.yaml', money('0.1')), tempFile('m2.yaml', money('0.2')), tempFile('m3.yaml', money('1.0005')), '--agency', '某局', '--year', '2021']);
    expect(figuresOf(reportOf(r.stdout))['proactive.item8.fees']).toEqual(['1.3005']);
  });

  it('the two 2021 examples of different years are rejected naming the files', async () => {
    const a = tempFile('jz-2021.yaml', data('jiangzhou-sthjj-2021.yaml'));
    const b = tempFile('jz-2022.yaml', data('jiangzhou-sthjj-2022.yaml'));
    const r = await runCli(['merge', a, b, '--agency', 'X', '--year', '2021']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(a);
    expect(r.stderr).toContain(b);
    expect(r.stderr).toMatch(/年度不同/);
  });

  it('mixed editions of one year are rejected', async () => {
    const doc = parseDocument(data('jiangzhou-sthjj-2021.yaml'));
    const late = tempFile('late.yaml', reportYaml('2019', [], { year: 2021 }));
    const r = await runCli(['merge', tempFile('jz.yaml', doc.toString()), late, '--agency', 'X', '--year', '2021']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/格式版本不同：2021（.*jz\.yaml）；2019（.*late\.yaml）/);
  });

  it('a file with errors is not merged', async () => {
    const bad = tempFile('bad.yaml', reportYaml('2021', [[['applications', 'newlyReceived'], [1, 0, 0, 0, 0, 0, 5]]]));
    const r = await runCli(['merge', bad, tempFile('ok.yaml', reportYaml('2021')), '--agency', 'X', '--year', '2021']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('修正后才能汇总');
  });
});
