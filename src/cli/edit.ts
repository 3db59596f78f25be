import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative } from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { defaultEditionForYear } from '../editions/index.js';
import type { EditionId } from '../model/report.js';
import { DEFAULT_FORMATS, type RenderOptions } from '../render/types.js';
import { nextYear } from '../schema/nextYear.js';
import { scaffold } from '../schema/scaffold.js';
import { RenderService } from '../server/renderService.js';
import { newToken } from '../server/security.js';
import { startEditorServer } from '../server/server.js';
import { ABSENT, EditSession, SessionError } from '../server/session.js';
import { decodeYamlBytes } from '../source/decode.js';
import { parseArgs, UsageError } from './args.js';
import { DEFAULT_RENDERERS_MODULE, loadRendererTable } from './batch/renderers.js';
import { readChecked } from './check.js';
import { CLI_DIR } from './dir.js';
import type { Io } from './io.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const TEST_RENDERERS_ENV = 'NIANBAO_TEST_RENDERERS';

export async function runEdit(argv: string[], io: Io, until: Promise<void> = stopSignal()): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['new', 'blank', 'no-open', 'allow-remote'],
    options: ['agency', 'year', 'edition', 'from', 'previous', 'o', 'host', 'port', 'jobs'],
  });
  const host = args.options.get('host') ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !args.flags.has('allow-remote')) {
    throw new UsageError(`拒绝监听 ${host}：编辑页面可以写文件，默认只允许本机访问。确需让其他电脑访问，请同时给出 --allow-remote`);
  }
  const port = intOption(args.options.get('port'), '--port', 0, 65535) ?? 0;
  const jobs = intOption(args.options.get('jobs'), '--jobs', 1, 64) ?? availableParallelism();

  const opened = await openSession(args, io);
  if (typeof opened === 'number') return opened;
  const { session, previous, notes } = opened;

  const renderersModule = process.env[TEST_RENDERERS_ENV] ?? DEFAULT_RENDERERS_MODULE;
  const table = await loadRendererTable(renderersModule);
  // "写入 output/" writes what `render` writes when no format is chosen.
  const formats = DEFAULT_FORMATS.filter((f) => table[f]);
  const renderOptions: RenderOptions = {};
  if (Object.keys(process.env).some((k) => k.startsWith('NIANBAO_FONT_'))) {
    const { explicitFonts } = await import('./fonts.js');
    renderOptions.fonts = explicitFonts(undefined, process.env);
  }
  const renders = new RenderService({ renderersModule, workers: jobs, maxInFlight: 2 * jobs, options: renderOptions });
  const running = await startEditorServer({
    host,
    port,
    token: newToken(),
    renders,
    editor: { session, ...(previous ? { previous } : {}), notes, outDir: 'output', formats, renderersModule, renderOptions },
    assetsDir: new URL('../editor/', CLI_DIR),
  });
  io.out(running.url);
  // Renders for the download buttons come from warm workers: started now, on an `init` report.
  renders.warmUp(scaffold({ agency: '预热', year: 2021, edition: '2021', blank: false, schemaPath: 'x' }));
  if (args.flags.has('allow-remote')) io.err(`警告：编辑服务监听 ${host}，其他电脑也能访问（仍须带上地址中的令牌）；不用时请按 Ctrl+C 结束`);
  io.err(`正在编辑 ${session.file}${previous ? `（上一年度：${previous.file}）` : ''}。按 Ctrl+C 结束。`);
  if (!args.flags.has('no-open')) openBrowser(running.url, io);
  await until;
  await running.close();
  return 0;
}

type Opened = { session: EditSession; previous?: { file: string; text: string }; notes: string[] };

async function openSession(args: ReturnType<typeof parseArgs>, io: Io): Promise<Opened | number> {
  const out = args.options.get('o');
  const fromFile = args.options.get('from');
  const newReport = args.flags.has('new');
  if (newReport && fromFile) throw new UsageError('--new 和 --from 只能选一个');
  const fail = (message: string) => {
    io.err(message);
    return 1;
  };

  if (newReport || fromFile) {
    if (!out) throw new UsageError(`请用 -o 给出新文件的路径，例如：nianbao edit ${newReport ? '--new --agency 某某县科学技术局 --year 2024' : `--from ${fromFile}`} -o data/新文件.yaml`);
    if (args.positionals.length > 0) throw new UsageError('新建时不要再给出文件名（新文件由 -o 指定）');
    if (existsSync(out)) return fail(`${out} 已经存在，没有覆盖。要修改它，请运行：nianbao edit ${out}`);
    const schemaPath = relative(dirname(out), 'nianbao.schema.json').split('\\').join('/') || 'nianbao.schema.json';
    if (newReport) {
      const agency = args.options.get('agency')?.trim();
      if (!agency) throw new UsageError('请用 --agency 给出机关全称，例如 --agency 某某县科学技术局');
      const yearText = args.options.get('year') ?? String(new Date().getFullYear() - 1);
      if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year 应为四位年份，实际是“${yearText}”`);
      const editionText = args.options.get('edition');
      if (editionText !== undefined && editionText !== '2019' && editionText !== '2021') throw new UsageError('--edition 只能是 2019 或 2021');
      const year = Number(yearText);
      const edition = (editionText as EditionId | undefined) ?? defaultEditionForYear(year);
      const text = scaffold({ agency, year, edition, blank: args.flags.has('blank'), schemaPath });
      return { session: new EditSession(out, text, ABSENT, 'new'), notes: [] };
    }
    const previous = await readChecked(fromFile!);
    if (!previous.report || !previous.source || hasErrors(previous.diagnostics)) {
      for (const d of previous.diagnostics) io.err(formatDiagnostic(d, previous.source?.lineText(d.line)));
      return fail(`${fromFile} 有错误，请先修正（nianbao check ${fromFile}）再以它为基础新建下一年度`);
    }
    const next = nextYear(previous.report, previous.source.text, schemaPath);
    return { session: new EditSession(out, next.text, ABSENT, 'from'), previous: { file: fromFile!, text: previous.source.text }, notes: next.notes };
  }

  if (args.positionals.length !== 1) throw new UsageError('请给出一个要编辑的 YAML 文件，例如：nianbao edit data/kj-2024.yaml（新建请用 --new 或 --from）');
  const file = args.positionals[0]!;
  if (!existsSync(file)) return fail(`${file} 不存在。新建请用：nianbao edit --new --agency 机关全称 --year 年度 -o ${file}`);
  let session: EditSession;
  try {
    session = await EditSession.open(file, decodeYamlBytes);
  } catch (e) {
    return fail(`${file}：${e instanceof SessionError ? e.message : `无法读取（${(e as NodeJS.ErrnoException).code ?? String(e)}）`}`);
  }
  const prevFile = args.options.get('previous');
  if (!prevFile) return { session, notes: [] };
  const previous = await readChecked(prevFile);
  if (!previous.source) return fail(`${prevFile}：${previous.diagnostics[0]?.message ?? '无法读取'}`);
  return { session, previous: { file: prevFile, text: previous.source.text }, notes: [] };
}

function intOption(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`${name} 应为 ${min} 到 ${max} 之间的整数，实际是“${text}”`);
  return Number(text);
}

/** Resolves on Ctrl+C or a termination signal. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

/** The system's way to open an address in the default browser; if it fails the address is on stdout. */
function openBrowser(url: string, io: Io): void {
  const [command, ...args] = process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : process.platform === 'darwin' ? ['open', url] : ['xdg-open', url];
  try {
    const child = spawn(command!, args, { stdio: 'ignore', detached: true });
    child.on('error', () => io.err(`无法自动打开浏览器，请在浏览器中打开上面的地址`));
    child.unref();
  } catch {
    io.err('无法自动打开浏览器，请在浏览器中打开上面的地址');
  }
}
