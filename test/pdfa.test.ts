import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../src/render/pdf/index.js';
import { docOf } from './support/pdf.js';
import { reportYaml } from './support/reports.js';

/** Apache PDFBox Preflight from Debian (libpdfbox2-java; see .ci/apt-packages). */
const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);
const hasJava = spawnSync('java', ['-version']).status === 0;

describe.skipIf(!hasJava)('PDF/A', () => {
  it('--pdfa-level 1b passes Apache PDFBox Preflight', async () => {
    const missing = JARS.filter((j) => !existsSync(j));
    expect(missing, 'install the Debian packages in .ci/apt-packages').toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdfa-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, (await renderPdf(docOf(reportYaml('2021')), { pdfa: '1b' })).bytes);
    const out = execFileSync('java', ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' });
    expect(out).toContain('is a valid PDF/A-1b file');
  });

  it('--pdfa writes PDF/A-2b identification and an sRGB output intent', async () => {
    const text = Buffer.from((await renderPdf(docOf(reportYaml('2019')), { pdfa: '2b' })).bytes).toString('latin1');
    expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(text).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(text).toContain('/OutputIntents');
  });
});
