import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (the machine cannot download a browser of its own; .ci/apt-packages installs it). */
export const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';

/**
 * One headless Chromium for a test file, on a fresh profile folder (Playwright takes it as
 * `userDataDir`, not as a `--user-data-dir` argument), with everything that would reach the
 * network at start-up switched off. `close` also removes the profile.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
