/**
 * One measurement of seed 004 in a fresh process, printed as JSON on stdout (bench/typst.ts runs it):
 *   node dist-bench/bench/seed004.js typst <root>     Typst 0.14 on bench/report-004.typ
 *   node dist-bench/bench/seed004.js cold <root>      nianbao: modules, fonts, check, first PDF
 *   node dist-bench/bench/seed004.js warm <root>      nianbao: first PDF of seed 004 after other reports, then again
 *                                                    (jobs through the content memo, as the editor and --watch run them)
 * A fresh process each time, so "nothing of this report cached" holds for both tools.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SEED_004 = 'daxing-kw-2020.yaml';

/** The fonts the Typst typesetting names (bench/report-004.typ), from Debian fonts-noto-cjk and fonts-lxgw-wenkai. */
export const TYPST_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf',
];

const REPEAT = 20;

interface TypstCompiler {
  compile(o: { mainFilePath: string }): { result: unknown };
  pdf(result: unknown, o: { creationTimestamp: number }): Uint8Array;
  evictCache(n: number): void;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function typst(root: string): Promise<object> {
  const start = performance.now();
  const { NodeCompiler } = (await import('@myriaddreamin/typst-ts-node-compiler')) as unknown as { NodeCompiler: { create(o: object): TypstCompiler } };
  const fontBlobs = TYPST_FONTS.map((f) => readFileSync(f));
  const main = join(root, 'bench', 'report-004.typ');
  const compiler = NodeCompiler.create({ workspace: join(root, 'bench'), fontArgs: [{ fontBlobs }] });
  const once = () => compiler.pdf(compiler.compile({ mainFilePath: main }).result, { creationTimestamp: 0 });
  const bytes = once().length;
  const coldMs = performance.now() - start;
  const full: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    compiler.evictCache(0);
    const t = performance.now();
    once();
    full.push(performance.now() - t);
  }
  once();
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    once();
    again.push(performance.now() - t);
  }
  return { coldMs, fullMs: median(full), againMs: median(again), bytes };
}

type Render = (doc: unknown, o: object) => Promise<{ bytes: Uint8Array }>;
type RunJob = (spec: object, table: unknown, emit: (e: { type: string; outputs?: { bytes: Uint8Array }[] }) => void, memo?: unknown) => Promise<void>;

async function nianbao(root: string, mode: 'cold' | 'warm'): Promise<object> {
  const start = performance.now();
  const dist = (p: string) => import(pathToFileURL(join(root, 'dist', p)).href);
  if (mode === 'cold') {
    const { checkText, composeChecked } = (await dist('pipeline.js')) as { checkText(t: string, f: string): unknown; composeChecked(c: unknown): unknown };
    const { renderPdf } = (await dist('render/pdf/index.js')) as { renderPdf: Render };
    const bytes = (await renderPdf(composeChecked(checkText(readFileSync(join(root, 'data', SEED_004), 'utf8'), SEED_004)), {})).bytes.length;
    return { coldMs: performance.now() - start, bytes };
  }
  // A warm process as the editor and `render --watch` run it: jobs (read → check → compose → PDF)
  // through the content memo, fonts loaded and the code compiled on the other examples, never on seed 004.
  const { runJob } = (await dist('cli/batch/job.js')) as { runJob: RunJob };
  const { jobMemo } = (await dist('cli/batch/memo.js')) as { jobMemo(): unknown };
  const { RENDERERS } = (await dist('render/index.js')) as { RENDERERS: unknown };
  const memo = jobMemo();
  let id = 0;
  const job = async (file: string, kept?: unknown): Promise<number> => {
    let bytes = 0;
    const spec = { id: ++id, file, bytes: readFileSync(join(root, 'data', file)), formats: ['pdf'], options: {} };
    await runJob(spec, RENDERERS, (e) => e.type === 'done' && (bytes = e.outputs![0]!.bytes.length), kept);
    return bytes;
  };
  // The warm-up renders every time (no memo), so the code is as compiled as before.
  for (let i = 0; i < 3; i++) for (const f of readdirSync(join(root, 'data')).filter((n) => n.endsWith('.yaml') && n !== SEED_004)) await job(f);
  let t = performance.now();
  const bytes = await job(SEED_004, memo);
  const fullMs = performance.now() - t;
  const again: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    t = performance.now();
    await job(SEED_004, memo);
    again.push(performance.now() - t);
  }
  return { fullMs, againMs: median(again), bytes };
}

const [mode, root] = process.argv.slice(2) as ['typst' | 'cold' | 'warm', string];
if (mode && root) {
  const result = mode === 'typst' ? await typst(root) : await nianbao(root, mode);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
