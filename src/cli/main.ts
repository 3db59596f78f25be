#!/usr/bin/env node
import { UsageError } from './args.js';
import { processIo, type Io } from './io.js';

const HELP = `nianbao — 政府信息公开工作年度报告生成器

用法：
  nianbao init --agency 机关全称 --year 年度 [--blank]   生成一份填好结构的 YAML 文件（输出到标准输出）
  nianbao check [--json] [--previous 上年.yaml] 文件…    检查数据和勾稽关系
  nianbao render 文件或通配符… [-o 文件夹] [--docx] [--pdf] [--html] [--watch] [--jobs N]
                                                        生成 DOCX / PDF / HTML（多个文件并行，显示进度）
  nianbao edit 文件.yaml | --new … -o 文件 | --from 上年.yaml -o 文件  在浏览器中按正式表格填写、检查、保存、生成
  nianbao import 文件                                    把已发布的年报（.docx / .html / .txt）导入为 YAML（输出到标准输出）
  nianbao compare 年度1.yaml 年度2.yaml… [--html|--csv]  同一机关几个年度的关键数字对比和跨年度核对
  nianbao merge 文件… --agency 汇总机关 --year 年度      把多个机关同一年度的年报汇总为一份（表格相加，文字待填写）
  nianbao schema                                        输出 JSON Schema（供编辑器自动补全和检查）
  nianbao fonts [--font 角色=文件]                        列出每个字体角色使用的字体文件

退出码：0 无错误（可有警告），1 数据有错误，2 用法错误。`;

type Command = (argv: string[], io: Io) => Promise<number>;
/** Each command loads only its own modules, so `render` never pays for import's HTML parser. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.js')).runCheck,
  init: async () => (await import('./init.js')).runInit,
  schema: async () => (await import('./schema.js')).runSchema,
  render: async () => (await import('./render.js')).runRender,
  fonts: async () => (await import('./fonts.js')).runFonts,
  import: async () => (await import('./import.js')).runImport,
  compare: async () => (await import('./compare.js')).runCompare,
  merge: async () => (await import('./merge.js')).runMerge,
  edit: async () => (await import('./edit.js')).runEdit,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    io.err(`未知命令：${command}\n\n${HELP}`);
    return 2;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`用法错误：${e.message}`);
      return 2;
    }
    // Never a stack trace for the user; the detail goes to NIANBAO_DEBUG.
    io.err(`内部错误：${e instanceof Error ? e.message : String(e)}（设置环境变量 NIANBAO_DEBUG=1 可查看详细信息）`);
    if (process.env.NIANBAO_DEBUG) io.err(e instanceof Error ? (e.stack ?? '') : '');
    return 70;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry || process.argv[1]?.endsWith('/nianbao')) {
  main(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
