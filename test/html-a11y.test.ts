import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlString } from '../src/render/html/index.js';
import { CHROMIUM, launchChromium } from './support/browser.js';
import { documentOf, examples } from './support/examples.js';

/**
 * Automated accessibility check (issue 5): axe-core, every rule it runs by default (WCAG 2.x A/AA
 * and best practices), in headless Chromium, for every example page and for a fragment placed in
 * a minimal host page. Zero violations. One browser for the whole file keeps it quick.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function violations(page: Page, html: string): Promise<string[]> {
  await page.setContent(html, { waitUntil: 'load' });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return result.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('accessibility (axe-core in Chromium)', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`没有找到 Chromium（${CHROMIUM}）：请运行 apt-get install -y chromium`);
    const launched = await launchChromium();
    close = launched.close;
    // axe is injected into every document the page loads, once, instead of per page.
    await launched.context.addInitScript({ content: axeSource });
    page = await launched.context.newPage();
    // Phone width: the wide tables overflow, so the scroll regions are checked too (keyboard access).
    await page.setViewportSize({ width: 390, height: 844 });
  }, 60_000);
  afterAll(async () => close?.());

  for (const ex of examples()) {
    it(`${ex.name}: no violations`, async () => {
      expect(await violations(page, renderHtmlString(documentOf(ex)))).toEqual([]);
    });
  }

  it('on a phone the wide tables scroll sideways at a legible size instead of shrinking', async () => {
    const ex = examples().find((e) => e.name === 'scaffold-2021')!;
    await page.setContent(renderHtmlString(documentOf(ex)), { waitUntil: 'load' });
    const regions = await page.$$eval('.nb-scroll', (els) =>
      els.map((el) => ({ scrolls: el.scrollWidth > el.clientWidth, fontPx: parseFloat(getComputedStyle(el.querySelector('table')!).fontSize) })),
    );
    expect(regions.map((r) => r.scrolls)).toEqual([false, true, true]); // 二 fits; 三 and 四 scroll
    for (const r of regions) expect(r.fontPx).toBeGreaterThanOrEqual(14);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390); // the page itself never scrolls sideways
  });

  it('finds violations where there are some (the check can fail)', async () => {
    const bad = '<!DOCTYPE html><html><body><img src="data:,"><table><tr><th></th><td>1</td></tr></table></body></html>';
    expect((await violations(page, bad)).map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'document-title']));
  });

  it('a fragment inside a host page: no violations', async () => {
    const ex = examples().find((e) => e.name === 'variant-2021')!;
    const fragment = renderHtmlString(documentOf(ex), { fragment: true });
    const host = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>门户</title></head><body><main>${fragment}</main></body></html>`;
    expect(await violations(page, host)).toEqual([]);
  });
});
