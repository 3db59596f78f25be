import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from '../render/types.js';
import { parseArgs, UsageError } from './args.js';
import { prepareOutDir, runBatch, type BatchDeps, type BatchPlan } from './batch/batch.js';
import { MAX_INPUT_BYTES } from '../source/decode.js';
import { summaryJson } from './batch/outcome.js';
import { inputFiles, readInput } from './check.js';
import { STDIN, STDIN_NAME } from './inputs.js';
import { parseShard } from './shard.js';
import { jsonOutput } from '../diagnostics/jsonOutput.js';
import { DEFAULT_RENDERERS_MODULE, loadRendererTable } from './batch/renderers.js';
import { makeReporter } from './batch/progress.js';
import { runWatch } from './batch/watch.js';
import type { Io } from './io.js';
import { isShortRun } from './shortRun.js';

/** Fake renderers for tests only (a module exporting `RENDERERS`); never set by users. */
const TEST_RENDERERS_ENV = 'NIANBAO_TEST_RENDERERS';

/** What the CLI's entry adds to a render (cli/commands.ts): tests and the editor leave it out. */
export interface RenderProcess {
  /** Called once, before the renderers load, when the run is one short job (cli/shortRun.ts). */
  onShortRun?: () => void;
}

export async function runRender(argv: string[], io: Io, seams: Partial<BatchDeps> & RenderProcess = {}): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['docx', 'pdf', 'html', 'ofd', 'pdfa', 'embed-fonts', 'fragment', 'json', 'watch'],
    options: ['o', 'out', 'pdfa-level', 'jobs', 'font', 'shard'],
  });
  const shardText = args.options.get('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shard && args.flags.has('watch')) throw new UsageError('--shard 不能和 --watch 一起用');
  const files = await inputFiles(args.positionals, "nianbao render 'data/**/*.yaml' -o output/", shard);
  if (files.length === 0) {
    // A part of a corpus may hold no report: nothing to do is not an error for that machine.
    io.err(`--shard ${shardText}：这一份没有分到文件，无需生成`);
    if (args.flags.has('json')) io.out(JSON.stringify(jsonOutput([], 0), null, 2));
    return 0;
  }
  const outOption = args.options.get('o') ?? args.options.get('out');
  const contents = new Map<string, Uint8Array>();
  if (files.includes(STDIN)) {
    if (outOption === undefined) throw new UsageError('从标准输入（-）读取时请用 -o 给出输出文件夹，例如：nianbao render - -o output/');
    if (args.flags.has('watch')) throw new UsageError('--watch 不能用于标准输入（-）');
    const read = await readInput(STDIN, MAX_INPUT_BYTES, io);
    if (!read.ok) {
      io.err(`${STDIN_NAME}: 错误 ${read.message} [${read.code}]`);
      return 1;
    }
    contents.set(STDIN, read.bytes);
  }
  if (seams.onShortRun) {
    const sizes = await Promise.all(files.map(async (f) => contents.get(f)?.length ?? (await stat(f).then((s) => s.size, () => Infinity))));
    if (isShortRun(sizes, args.flags.has('watch'))) seams.onShortRun();
  }
  const { onShortRun: _, ...batchSeams } = seams;
  const deps: BatchDeps = { ...batchSeams, renderersModule: batchSeams.renderersModule ?? process.env[TEST_RENDERERS_ENV] ?? DEFAULT_RENDERERS_MODULE };
  const registered = await loadRendererTable(deps.renderersModule);
  const chosen = OUTPUT_FORMATS.filter((f) => args.flags.has(f));
  const formats: OutputFormat[] = chosen.length > 0 ? chosen : DEFAULT_FORMATS.filter((f) => registered[f]);
  if (formats.length === 0) throw new UsageError('还没有可用的输出格式（DOCX、PDF、HTML、OFD 的生成器都未安装）');
  for (const f of formats) if (!registered[f]) throw new UsageError(`暂不支持 ${f.toUpperCase()} 格式`);

  const plan: BatchPlan = { files, formats, options: await renderOptions(args.flags, args.options), outDir: outOption ?? 'output', jobs: jobsOption(args.options.get('jobs')), contents };

  const outDirProblem = await prepareOutDir(plan.outDir);
  if (outDirProblem) {
    io.err(outDirProblem);
    return 1;
  }
  if (args.flags.has('watch')) return runWatch(plan, deps, io, args.positionals);
  const summary = await runBatch(plan, deps, makeReporter(io));
  if (args.flags.has('json')) io.out(JSON.stringify(summaryJson(summary), null, 2));
  return summary.failed > 0 ? 1 : 0;
}

async function renderOptions(flags: Set<string>, options: Map<string, string>): Promise<RenderOptions> {
  const out: RenderOptions = {};
  const level = options.get('pdfa-level');
  if (level !== undefined && level !== '1b' && level !== '2b') throw new UsageError('--pdfa-level 只能是 1b 或 2b');
  if (flags.has('pdfa') || level) out.pdfa = level === '1b' ? '1b' : '2b';
  // The font machinery (fontkit) loads only when fonts are named: `--html` alone never pays for it.
  if (options.has('font') || Object.keys(process.env).some((k) => k.startsWith('NIANBAO_FONT_'))) {
    const { explicitFonts } = await import('./fonts.js');
    const fonts = explicitFonts(options.get('font'), process.env);
    if (Object.keys(fonts).length > 0) out.fonts = fonts;
  }
  if (flags.has('embed-fonts')) out.embedFonts = true;
  if (flags.has('fragment')) out.fragment = true;
  return out;
}

function jobsOption(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new UsageError(`--jobs 应为 1 到 256 之间的整数，实际是“${text}”`);
  return Number(text);
}
