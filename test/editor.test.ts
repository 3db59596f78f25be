import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../src/pipeline.js';
import { CHROMIUM, launchChromium } from './support/browser.js';
import { startEditor, type EditorProcess } from './support/editor.js';
import { pdfTableCells } from './support/pdf.js';

/**
 * `nianbao edit` worked like a clerk works it (issue 14 "Done when"): the built CLI serves the
 * page, Debian's Chromium drives it through the names a screen reader uses, and the files on
 * disk and the PDF downloaded are read back. NIANBAO_SCREENSHOTS=1 also writes the README's
 * screenshot (test/visual/editor.png).
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const data = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
const NATURAL = '一、本年新收政府信息公开申请数量 · 自然人';

/** The 2022 example as a clerk's file: a comment on the row, and 自然人 mistyped (120 for 102). */
const ORIGINAL = data('jiangzhou-sthjj-2022.yaml').replace('  newlyReceived: [102, 9, 1, 0, 2, 5, 119]', '  # 每行：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计\n  newlyReceived: [120, 9, 1, 0, 2, 5, 119]  # 一、本年新收');

describe('nianbao edit in Chromium', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let dir: string;
  const running: EditorProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`没有找到 Chromium（${CHROMIUM}）：请运行 apt-get install -y chromium`);
    const launched = await launchChromium();
    context = launched.context;
    close = launched.close;
    dir = mkdtempSync(join(tmpdir(), 'nianbao-editor-'));
  }, 60_000);
  afterAll(async () => {
    for (const p of running) await p.stop();
    await close?.();
  });

  const open = async (args: string[]): Promise<Page> => {
    const editor = await startEditor(args, {}, dir);
    running.push(editor);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(editor.url);
    await page.getByRole('region', { name: '检查结果' }).locator('#nb-summary:not(:empty)').waitFor();
    return page;
  };
  const cell = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
  const results = (page: Page) => page.getByRole('region', { name: '检查结果' });

  it('a wrong figure is flagged on its cell and in the list; fixed and saved, only that figure changes; the PDF has it', async () => {
    const file = join(dir, 'kj-2022.yaml');
    writeFileSync(file, ORIGINAL);
    const page = await open(['kj-2022.yaml']); // as a clerk types it, in the folder of the file
    const natural = cell(page, NATURAL);
    await expect.poll(() => natural.inputValue()).toBe('120');

    await natural.fill('103');
    const suspect = results(page).locator('button[data-code="identity/suspect-cell"]');
    await expect.poll(() => suspect.textContent()).toContain(NATURAL);
    expect(await natural.getAttribute('aria-invalid')).toBe('true');
    // The cell's own message is its accessible description.
    const described = await natural.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain(NATURAL);
    expect(described).toContain('103');

    // Choosing the message moves focus to its cell; arrows and Enter move like a spreadsheet.
    await page.getByRole('button', { name: '保存', exact: true }).focus();
    await suspect.click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(NATURAL);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('二、上年结转政府信息公开申请数量 · 自然人');
    await page.keyboard.press('Shift+Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(NATURAL);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('一、本年新收政府信息公开申请数量 · 商业企业');

    if (process.env.NIANBAO_SCREENSHOTS) {
      await natural.focus();
      await page.waitForTimeout(400);
      mkdirSync(new URL('./visual/', import.meta.url), { recursive: true });
      await page.screenshot({ path: new URL('./visual/editor.png', import.meta.url).pathname });
    }

    await natural.fill('102');
    await expect.poll(() => page.locator('#nb-summary').textContent()).toBe('没有发现问题');
    expect(await natural.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已保存');
    const saved = readFileSync(file, 'utf8');
    const before = ORIGINAL.split('\n');
    const after = saved.split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual(['  newlyReceived: [102, 9, 1, 0, 2, 5, 119]  # 一、本年新收']);
    expect(checkText(saved, file).diagnostics).toEqual([]);
    expect(saved.split('\n').filter((l) => l.startsWith('#') || l.includes('  # '))).toEqual(ORIGINAL.split('\n').filter((l) => l.startsWith('#') || l.includes('  # ')).map((l) => l.replace('[120,', '[102,')));

    // A second save of the unchanged form changes no byte.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('没有修改');
    expect(readFileSync(file, 'utf8')).toBe(saved);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('江州市生态环境局-2022.pdf');
    const pdf = readFileSync((await download.path())!);
    const cells = await pdfTableCells(pdf);
    const row = cells.findIndex((c) => c.text === '一、本年新收政府信息公开申请数量');
    expect(row).toBeGreaterThan(0);
    expect(cells.slice(row + 1, row + 8).map((c) => c.text)).toEqual(['102', '9', '1', '0', '2', '5', '119']);
  });

  it('--new: from the scaffold to a clean report, computed 总计 shown as placeholders', async () => {
    const file = join(dir, 'new-2024.yaml');
    const page = await open(['--new', '--agency', '某某县科学技术局', '--year', '2024', '-o', file]);
    expect(existsSync(file)).toBe(false);
    await expect.poll(() => results(page).locator('button[data-code="prose/todo"]').count()).toBeGreaterThan(0);
    await page.getByRole('textbox', { name: '导语', exact: true }).fill('本报告根据《中华人民共和国政府信息公开条例》第五十条规定编制。');
    await page.getByRole('textbox', { name: '一、总体情况', exact: true }).fill('（一）主动公开。全年主动公开政府信息120条。\n\n（二）依申请公开。全年新收申请{{applications.newlyReceived.total}}件。');
    await page.getByRole('textbox', { name: '五、存在的主要问题及改进情况', exact: true }).fill('（一）主要问题\n\n栏目更新不够及时。\n\n（二）改进措施\n\n建立栏目责任制。');
    await cell(page, NATURAL).fill('3');
    await cell(page, '三、本年度办理结果（一）予以公开 · 自然人').fill('2');
    await cell(page, '四、结转下年度继续办理 · 自然人').fill('1');
    expect(await cell(page, '一、本年新收政府信息公开申请数量 · 总计').getAttribute('placeholder')).toBe('3');
    expect(await cell(page, '三、本年度办理结果（七）总计 · 自然人').getAttribute('placeholder')).toBe('2');
    await expect.poll(() => page.locator('#nb-summary').textContent()).toBe('没有发现问题');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => existsSync(file)).toBe(true);
    const checked = checkText(readFileSync(file, 'utf8'), file);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.report!.rows['applications.newlyReceived']!.cells.map((c) => c.value)).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(readFileSync(file, 'utf8')).toContain('# yaml-language-server: $schema=nianbao.schema.json');
  });

  it('--from last year: carried-over figures filled in, checked against last year as they type', async () => {
    const last = join(dir, 'jz-2021.yaml');
    writeFileSync(last, data('jiangzhou-sthjj-2021.yaml'));
    const file = join(dir, 'jz-2022.yaml');
    const page = await open(['--from', last, '-o', file]);
    const prev = checkText(data('jiangzhou-sthjj-2021.yaml'), last).report!;
    const forward = prev.rows['applications.carriedForward']!.cells.slice(0, 6).map((c) => String(c.value ?? ''));
    const columns = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
    for (const [i, col] of columns.entries()) expect(await cell(page, `二、上年结转政府信息公开申请数量 · ${col}`).inputValue()).toBe(forward[i]);
    expect(await cell(page, '第二十条第（一）项 行政规范性文件 · 现行有效件数').inputValue()).toBe(String(prev.rows['proactive.item1.normativeDocuments']!.cells[2]!.value));
    expect(await cell(page, '第二十条第（一）项 行政规范性文件 · 本年制发件数').inputValue()).toBe('0');
    await expect.poll(() => results(page).locator('button[data-code^="identity/"]').count()).toBeGreaterThan(0);
    expect(await results(page).locator('button[data-code^="crossyear/"]').count()).toBe(0);
    // A carried figure changed: the cross-year rule (X1) speaks at once, naming last year's file.
    await cell(page, '二、上年结转政府信息公开申请数量 · 自然人').fill('9');
    const x1 = results(page).locator('button[data-code="crossyear/carried-over"]');
    await expect.poll(() => x1.textContent()).toContain('jz-2021.yaml');
    await cell(page, '二、上年结转政府信息公开申请数量 · 自然人').fill(forward[0]!);
    await expect.poll(() => x1.count()).toBe(0);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => existsSync(file)).toBe(true);
    const next = checkText(readFileSync(file, 'utf8'), file).report!;
    expect(next.year).toBe(2022);
    expect(next.rows['applications.carriedOver']!.cells.slice(0, 6).map((c) => String(c.value))).toEqual(forward);
  });

  it('local rows (sub-rows) are shown and editable; the preview follows; output/ is written as render does', async () => {
    writeFileSync(join(dir, 'daxing.yaml'), data('daxing-kw-2020.yaml'));
    const page = await open(['daxing.yaml']);
    const sub = '第二十条第（五）项 其他对外管理服务事项 · 第1个分项';
    await page.getByRole('textbox', { name: `${sub} · 行名称`, exact: true }).fill('行政检查（含抽查）');
    await cell(page, `${sub} · 处理决定数量`).fill('5');
    await expect.poll(() => page.locator('#nb-preview').getAttribute('srcdoc'), { timeout: 5000 }).toContain('行政检查（含抽查）');
    await page.getByRole('button', { name: '生成到 output 文件夹' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 }).toContain('已生成');
    const saved = parseYaml(readFileSync(join(dir, 'daxing.yaml'), 'utf8')) as { proactive: { item5: { otherServices: { subRows: { label: string; values: number[] }[] } } } };
    expect(saved.proactive.item5.otherServices.subRows[0]).toEqual({ label: '行政检查（含抽查）', values: [0, 0, 5] });
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['北京市大兴区科学技术委员会-2020.docx', '北京市大兴区科学技术委员会-2020.html', '北京市大兴区科学技术委员会-2020.pdf']);
    expect(readFileSync(join(dir, 'output', '北京市大兴区科学技术委员会-2020.html'), 'utf8')).toContain('行政检查（含抽查）');
  });

  it('a file changed on disk since it was opened is not overwritten: saving offers to reload', async () => {
    const file = join(dir, 'conflict.yaml');
    writeFileSync(file, ORIGINAL);
    const page = await open(['conflict.yaml']);
    await cell(page, NATURAL).fill('102');
    const other = ORIGINAL.replace('[120, 9,', '[121, 9,');
    writeFileSync(file, other); // another program saves the file meanwhile
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '文件已被修改' });
    await dialog.waitFor();
    expect(readFileSync(file, 'utf8')).toBe(other);
    await dialog.getByRole('button', { name: '重新载入磁盘上的文件' }).click();
    await expect.poll(() => cell(page, NATURAL).inputValue()).toBe('121');
  });

  it('importing a published Word file fills a new report, its 待核对 notes on the cells they concern', async () => {
    const file = join(dir, 'imported.yaml');
    const page = await open(['--new', '--agency', '临时', '--year', '2021', '-o', 'imported.yaml']);
    await page.locator('#nb-import').setInputFiles(new URL('./fixtures/import/shijianju-2021.docx', import.meta.url).pathname);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('已导入');
    const licensing = cell(page, '第二十条第（五）项 行政许可 · 本年处理决定数量');
    expect(await licensing.inputValue()).toBe('3');
    const described = await licensing.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain('待核对');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => existsSync(file)).toBe(true);
    expect(checkText(readFileSync(file, 'utf8'), file).report?.agency).not.toBe('临时');
  });

  it('the edition follows the year: 2020 in a file that does not set one shows the 2019 tables', async () => {
    writeFileSync(join(dir, 'no-edition.yaml'), data('jiangzhou-sthjj-2021.yaml').replace(/^edition:.*\n/m, ''));
    const page = await open(['no-edition.yaml']);
    expect(await cell(page, '第二十条第（一）项 行政规范性文件 · 本年制发件数').count()).toBe(1);
    const year = page.getByRole('textbox', { name: '报告年度', exact: true });
    await year.fill('2020');
    await cell(page, '第二十条第（一）项 规范性文件 · 本年新制作数量').waitFor();
    expect(await cell(page, '第二十条第（一）项 行政规范性文件 · 本年制发件数').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id') && (document.activeElement as HTMLInputElement).value)).toBe('2020');
    await year.fill('2021');
    await cell(page, '第二十条第（一）项 行政规范性文件 · 本年制发件数').waitFor();
  });

  for (const [label, width, height] of [['desktop', 1400, 1000], ['phone', 390, 844]] as const) {
    it(`axe-core: no violations at ${label} width, with an error shown`, async () => {
      const file = join(dir, `axe-${label}.yaml`);
      writeFileSync(file, ORIGINAL);
      const page = await open([file]);
      await page.setViewportSize({ width, height });
      await cell(page, NATURAL).fill('103');
      await cell(page, NATURAL).focus();
      await page.evaluate(axeSource); // by the devtools protocol: the page's own policy allows no inline script
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
      });
      expect(violations).toEqual([]);
    });
  }
});
