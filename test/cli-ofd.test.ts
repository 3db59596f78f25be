import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { runRender } from '../src/cli/render.js';
import { BUILT_WORKER, captureIo, reportFor, tempDir, writeInputs } from './support/batch.js';
import { ofdParts, validateOfd } from './support/ofd.js';
import { reportYaml } from './support/reports.js';

/** The built renderers, which a pool's workers (JavaScript in dist/) load. */
const BUILT_RENDERERS = new URL('../dist/render/index.js', import.meta.url).href;

/** `nianbao render` with the real renderers, built, as the binary runs them (vitest runs TypeScript). */
async function render(argv: string[]) {
  const io = captureIo();
  const code = await runRender(argv, io, { workerUrl: BUILT_WORKER, renderersModule: BUILT_RENDERERS });
  return { code, stderr: io.lines.join('\n'), stdout: io.stdout.join('\n') };
}

describe('nianbao render --ofd', () => {
  const dir = tempDir('ofdcli');

  it('is in render --help', async () => {
    const io = captureIo();
    expect(await main(['render', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('--ofd');
    expect(io.stdout.join('\n')).toContain('GB/T 33190');
  });

  it('writes <机关>-<年度>.ofd beside the PDF in one batch with the worker pool, the same bytes as --jobs 1', async () => {
    const files = writeInputs(join(dir, 'in'), { 'a.yaml': reportFor('某某县科学技术局'), 'b.yaml': reportFor('某某县教育局') });
    const pooled = join(dir, 'pooled');
    const r = await render([...files, '--pdf', '--ofd', '--jobs', '2', '-o', pooled, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { outputs: string[] }[] }).files.flatMap((f) => f.outputs)).toHaveLength(4);
    expect(readdirSync(pooled).sort()).toEqual(['某某县教育局-2021.ofd', '某某县教育局-2021.pdf', '某某县科学技术局-2021.ofd', '某某县科学技术局-2021.pdf']);
    const ofd = readFileSync(join(pooled, '某某县科学技术局-2021.ofd'));
    expect(validateOfd(ofdParts(ofd)).failures).toEqual([]);
    const single = join(dir, 'single');
    expect((await render([files[0]!, '--ofd', '--jobs', '1', '-o', single])).code).toBe(0);
    expect(readdirSync(single)).toEqual(['某某县科学技术局-2021.ofd']);
    expect(readFileSync(join(single, '某某县科学技术局-2021.ofd')).equals(ofd)).toBe(true);
  });

  it('reports a character the fonts lack once, though both the PDF and the OFD are set from the layout that found it', async () => {
    const [file] = writeInputs(join(dir, 'missing'), { 'd.yaml': reportYaml('2021', [[['problems'], ['人员不足𠀀，仍须加强。']]]) });
    const r = await render([file!, '--pdf', '--ofd', '--jobs', '1', '-o', join(dir, 'missing-out')]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/\[font\/missing-glyph\]/g)).toHaveLength(1);
  });

  it('is not among the formats written when none is chosen', async () => {
    const [file] = writeInputs(join(dir, 'all'), { 'c.yaml': reportYaml('2021') });
    const out = join(dir, 'all-out');
    expect((await render([file!, '--jobs', '1', '-o', out])).code).toBe(0);
    expect(readdirSync(out).map((n) => n.split('.').pop()).sort()).toEqual(['docx', 'html', 'pdf']);
  });
});
