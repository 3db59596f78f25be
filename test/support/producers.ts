import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser.js';

/**
 * PDFs made by the programs agencies publish with, from documents given as bytes: LibreOffice
 * (`soffice --headless --convert-to pdf`, on its own profile so parallel runs do not collide) and
 * Chromium's print (`page.pdf`, what "print to PDF" gives). Each call converts a whole batch in
 * one process, so a test file pays the start-up once.
 */
export function libreOfficePdfs(files: { name: string; bytes: Uint8Array }[]): Map<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  try {
    const inputs = files.map((f) => {
      const p = join(dir, f.name);
      writeFileSync(p, f.bytes);
      return p;
    });
    const out = join(dir, 'pdf');
    mkdirSync(out);
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...inputs], { stdio: 'pipe', timeout: 240_000 });
    const result = new Map<string, Uint8Array>();
    for (const f of files) {
      const pdf = f.name.replace(/\.[^.]+$/, '.pdf');
      if (readdirSync(out).includes(pdf)) result.set(f.name, new Uint8Array(readFileSync(join(out, pdf))));
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PrintOptions {
  /** Chromium's own header and footer (date, title, address, `1/5`), as a user printing with them on gets. */
  headerFooter?: boolean;
}

export async function chromiumPdfs(files: { name: string; html: string }[], options: PrintOptions = {}): Promise<Map<string, Uint8Array>> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-print-'));
  const browser = await launchChromium();
  try {
    const result = new Map<string, Uint8Array>();
    const page = await browser.context.newPage();
    for (const f of files) {
      const p = join(dir, f.name);
      writeFileSync(p, f.html);
      await page.goto(pathToFileURL(p).href);
      const pdf = await page.pdf({ format: 'A4', displayHeaderFooter: options.headerFooter ?? false, margin: options.headerFooter ? { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' } : undefined });
      result.set(f.name, new Uint8Array(pdf));
    }
    return result;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
