import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CODES } from '../src/check/codes.js';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('lists every rule code', () => {
    expect(Object.keys(RULE_CODES).filter((c) => !readme.includes(`\`${c}\``))).toEqual([]);
  });
  it('quick start renders a real example in every format (the first command, run as written but into a temp folder)', () => {
    const line = readme.split('\n').find((l) => l.startsWith('npm install && npx nianbao render '))!;
    const file = /render (\S+\.yaml)/.exec(line)![1]!;
    const out = mkdtempSync(join(tmpdir(), 'nianbao-readme-'));
    execFileSync(process.execPath, ['dist/cli/main.js', 'render', file, '-o', out], { stdio: 'pipe' });
    expect(readdirSync(out).map((f) => f.split('.').at(-1)).sort()).toEqual(['docx', 'html', 'pdf']);
  }, 60_000);

  it('gives the test command that CI runs', () => {
    expect(readme).toContain('npm test');
    expect(readFileSync(join(import.meta.dirname, '..', '.ci', 'run'), 'utf8')).toMatch(/^npm test\b/m);
  });
});

describe('README: the editor\'s names', () => {
  const section = readme.slice(readme.indexOf('### 页面元素的名称'), readme.indexOf('### 安全'));
  const row = (first: string) => [...(section.split('\n').find((l) => l.startsWith(`| ${first} |`)) ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

  it('every figure name it gives is a name the form gives a cell (2021 and 2019 examples)', async () => {
    const { formTables } = await import('../src/editor/form/figures.js');
    const { getEdition } = await import('../src/editions/index.js');
    const { editionOf } = await import('../src/schema/validate.js');
    const { loadYaml } = await import('../src/source/load.js');
    const names = new Set<string>();
    for (const name of ['jiangzhou-sthjj-2021.yaml', 'daxing-kw-2020.yaml', 'xisaishan-2020.yaml']) {
      const loaded = loadYaml(readFileSync(join(import.meta.dirname, '..', 'data', name), 'utf8'), name);
      if (!loaded.ok) throw new Error(name);
      const form = formTables(getEdition(editionOf(loaded.source.value)), loaded.source);
      for (const c of form.cells.values()) names.add(c.name);
      for (const l of form.rowLabels) names.add(l.name.replace(/ · 第\d+个分项 · 行名称$/, ' · 第1个分项 · 行名称'));
    }
    const given = [...row('表格中的每个数字').slice(1), ...row('分项和增加的行').filter((n) => !n.startsWith('…'))];
    expect(given.length).toBeGreaterThan(5);
    expect(given.filter((n) => !names.has(n))).toEqual([]);
  });

  it('every button and region it names is on the page', () => {
    const page = readFileSync(join(import.meta.dirname, '..', 'src', 'editor', 'index.html'), 'utf8');
    for (const name of [...row('按钮'), ...row('检查结果').slice(0, 1), '文件已被修改', '重新载入磁盘上的文件']) expect(page, name).toContain(name);
  });
});
