import { availableParallelism } from 'node:os';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from '../render/types.js';
import { parseArgs, UsageError } from './args.js';
import { prepareOutDir, runBatch, type BatchDeps, type BatchPlan } from './batch/batch.js';
import { expandInputs } from './batch/expand.js';
import { DEFAULT_RENDERERS_MODULE, loadRendererTable } from './batch/renderers.js';
import { makeReporter } from './batch/progress.js';
import { runWatch } from './batch/watch.js';
import type { Io } from './io.js';

const HELP = `用法：nianbao render [文件或通配符…] [-o 输出文件夹] [--docx] [--pdf] [--html] [--ofd] [--fragment] [--pdfa] [--watch] [--jobs N]
  文件可以是 YAML 文件、文件夹或通配符（如 'data/**/*.yaml'，加引号也可以）。
  不指定格式时生成 DOCX、PDF 和 HTML；输出文件名为“机关-年度.扩展名”，重名时自动加 -2、-3。
  -o 文件夹     输出到这个文件夹（默认 output/，不存在时自动创建）
  --fragment    HTML 只输出正文部分（写入 .fragment.html），用于粘贴到网站编辑器
  --embed-fonts DOCX 嵌入用到的字形（子集），没有公文字体的电脑上也显示一致
  --pdfa        PDF 按 PDF/A-2b 生成（--pdfa-level 1b 可选 PDF/A-1b）
  --ofd         生成 OFD 版式文件（GB/T 33190），与 PDF 逐页相同，嵌入字体子集
  --font 角色=字体文件[,…]  指定字体文件（也可用环境变量 NIANBAO_FONT_<角色>；nianbao fonts 查看）
  --jobs N      同时生成的进程数（默认为 CPU 核数；1 表示在当前进程中逐个生成）
  --watch       生成后继续监视文件，保存时重新检查并生成；文件有错误时保留上一次的结果
  --json        结束时在标准输出打印 JSON 结果
退出码：0 全部成功，1 有文件失败，2 用法错误。`;

/** Fake renderers for tests only (a module exporting `RENDERERS`); never set by users. */
const TEST_RENDERERS_ENV = 'NIANBAO_TEST_RENDERERS';

export async function runRender(argv: string[], io: Io, seams: Partial<BatchDeps> = {}): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['docx', 'pdf', 'html', 'ofd', 'pdfa', 'embed-fonts', 'fragment', 'json', 'watch', 'help'],
    options: ['o', 'out', 'pdfa-level', 'jobs', 'font'],
  });
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError("请给出要生成的 YAML 文件，例如：nianbao render 'data/**/*.yaml' -o output/");
  const deps: BatchDeps = { ...seams, renderersModule: seams.renderersModule ?? process.env[TEST_RENDERERS_ENV] ?? DEFAULT_RENDERERS_MODULE };
  const registered = await loadRendererTable(deps.renderersModule);
  const chosen = OUTPUT_FORMATS.filter((f) => args.flags.has(f));
  const formats: OutputFormat[] = chosen.length > 0 ? chosen : DEFAULT_FORMATS.filter((f) => registered[f]);
  if (formats.length === 0) throw new UsageError('还没有可用的输出格式（DOCX、PDF、HTML、OFD 的生成器都未安装）');
  for (const f of formats) if (!registered[f]) throw new UsageError(`暂不支持 ${f.toUpperCase()} 格式`);

  const { files, unmatched } = await expandInputs(args.positionals);
  if (files.length === 0) throw new UsageError(`没有找到要生成的 YAML 文件（没有文件匹配“${unmatched.join('”“')}”）`);
  for (const p of unmatched) io.err(`警告：没有文件匹配“${p}”`);
  const plan: BatchPlan = { files, formats, options: await renderOptions(args.flags, args.options), outDir: args.options.get('o') ?? args.options.get('out') ?? 'output', jobs: jobsOption(args.options.get('jobs')) };

  const outDirProblem = await prepareOutDir(plan.outDir);
  if (outDirProblem) {
    io.err(outDirProblem);
    return 1;
  }
  if (args.flags.has('watch')) return runWatch(plan, deps, io, args.positionals);
  const summary = await runBatch(plan, deps, makeReporter(io));
  if (args.flags.has('json')) io.out(JSON.stringify(summary, null, 2));
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
