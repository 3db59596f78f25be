import type { Io } from './io.js';

export type Command = (argv: string[], io: Io) => Promise<number>;

/**
 * Every command, its one-line summary, its help text and its module: one place, so that
 * `nianbao --help`, `nianbao help render` and `nianbao render --help` print the same words, and
 * `main` can answer `--help` and `--version` for any command without loading its code.
 */
export interface CommandSpec {
  /** `nianbao …` usage line(s) of the overview. */
  usage: string;
  summary: string;
  /** The command's full help (after its usage line). */
  help: string;
  load(): Promise<Command>;
}

const INPUTS = '文件可以是 YAML 文件、文件夹（其中的 *.yaml）或通配符（如 \'data/**/*.yaml\'，加引号也可以）；- 表示从标准输入读取。';

export const COMMANDS: Record<string, CommandSpec> = {
  init: {
    usage: 'nianbao init --agency 机关全称 --year 年度 [-o 文件.yaml] [--blank]',
    summary: '生成一份填好结构的 YAML 文件',
    help: `生成一份年报数据文件：每一项都带正式名称的中文注释，数字预填 0。
  --agency 机关全称   必填
  --year 年度         四位年份（默认为上一年）
  --edition 2019|2021 格式版本（默认按年度：2020 年及以前为 2019 版）
  --blank             表格数字预填为空白（null）而不是 0
  -o 文件.yaml        写入这个文件（已存在时不覆盖，除非加 --force）；同时在项目根目录（有 package.json 的文件夹，
                      或当前文件夹）写入编辑器用的 nianbao.schema.json（已有时不动），文件第一行指向它
  --force             覆盖已存在的 -o 文件
  --schema 路径       第一行 $schema 注释中写的路径（不加 -o 时默认为 ../nianbao.schema.json）
不加 -o 时输出到标准输出。`,
    load: async () => (await import('./init.js')).runInit,
  },
  check: {
    usage: 'nianbao check [--json] [--previous 上年.yaml] 文件…',
    summary: '检查数据和勾稽关系',
    help: `检查年报数据：格式、表格勾稽关系（A1–A5）、合理性，以及与上一年度的衔接（X1–X3）。
${INPUTS}
  --previous 上年.yaml  同时做跨年度核对（X1–X3）
  --json                在标准输出打印 JSON 结果（格式见 README“JSON 输出”）`,
    load: async () => (await import('./check.js')).runCheck,
  },
  render: {
    usage: 'nianbao render 文件… [-o 文件夹] [--docx] [--pdf] [--html] [--ofd] [--watch] [--jobs N]',
    summary: '生成 DOCX / PDF / HTML / OFD（多个文件并行，显示进度）',
    help: `${INPUTS}
不指定格式时生成 DOCX、PDF 和 HTML；输出文件名为“机关-年度.扩展名”，重名时自动加 -2、-3。
  -o 文件夹     输出到这个文件夹（默认 output/，不存在时自动创建；从标准输入读取时必须给出）
  --docx --pdf --html --ofd  只生成这些格式（--ofd：OFD 版式文件，GB/T 33190，与 PDF 逐页相同，嵌入字体子集）
  --fragment    HTML 只输出正文部分（写入 .fragment.html），用于粘贴到网站编辑器
  --embed-fonts DOCX 嵌入用到的字形（子集），没有公文字体的电脑上也显示一致
  --pdfa        PDF 按 PDF/A-2b 生成（--pdfa-level 1b 可选 PDF/A-1b）
  --font 角色=字体文件[,…]  指定字体文件（也可用环境变量 NIANBAO_FONT_<角色>；nianbao fonts 查看）
  --jobs N      同时生成的进程数（默认为 CPU 核数；1 表示在当前进程中逐个生成）
  --shard K/N   只生成 N 份中的第 K 份（K 从 0 起），用于多台机器分担一批年报：按文件在所给文件夹中的
                相对路径分份，每台机器运行同一条命令、给出不同的 K，每份年报正好生成一次
  --watch       生成后继续监视文件，保存时重新检查并生成；文件有错误时保留上一次的结果
  --json        结束时在标准输出打印 JSON 结果（格式见 README“JSON 输出”）`,
    load: async () => {
      const [{ runRender }, { withoutOptimisingCompiler }] = await Promise.all([import('./render.js'), import('./shortRun.js')]);
      return (argv, io) => runRender(argv, io, { onShortRun: withoutOptimisingCompiler });
    },
  },
  edit: {
    usage: 'nianbao edit 文件.yaml | --new --agency 机关全称 --year 年度 -o 文件.yaml | --from 上一年度.yaml -o 文件.yaml',
    summary: '在浏览器中按正式表格填写、检查、保存和生成',
    help: `  nianbao edit 文件.yaml [--previous 上一年度.yaml]            在浏览器中按正式表格填写、检查、保存和生成
  nianbao edit --new --agency 机关全称 --year 年度 -o 文件.yaml  新建一份年报
  nianbao edit --from 上一年度.yaml -o 文件.yaml               以上一年度为基础新建下一年度（结转数字自动带入）
选项：
  --no-open        不打开浏览器，只在标准输出的第一行打印地址
  --port N         使用这个端口（默认自动选择空闲端口）
  --host 地址      监听的地址（默认 127.0.0.1，只有本机可以访问；其他地址须同时给出 --allow-remote）
  --allow-remote   允许其他电脑访问（会警告；访问仍须带上令牌）
  --jobs N         同时生成文件的线程数（默认为 CPU 核数）
编辑页面只写入这个文件和 output/ 文件夹；按 Ctrl+C 结束。`,
    load: async () => (await import('./edit.js')).runEdit,
  },
  import: {
    usage: 'nianbao import 文件 > data/文件.yaml',
    summary: '把已发布的年报（.pdf / .docx / .html / .txt）导入为 YAML（输出到标准输出）',
    help: `把已发布的年报（PDF、Word .docx、网页 .html，或复制、提取的文本 .txt）导入为 YAML 数据文件，输出到标准输出；- 表示从标准输入读取。
没有把握的值带“# 待核对：…”注释；导入结果的检查问题写在文件末尾，并显示在标准错误输出。
  --quiet   不在标准错误输出显示检查结果
  --json    不输出 YAML，而在标准输出打印导入结果的检查结果（JSON，格式见 README“JSON 输出”）`,
    load: async () => (await import('./import.js')).runImport,
  },
  compare: {
    usage: 'nianbao compare 年度1.yaml 年度2.yaml… [--html|--csv|--json]',
    summary: '同一机关几个年度的关键数字对比和跨年度核对',
    help: `把同一机关几个年度的年报关键数字并排列出，并在相邻年度之间做跨年度核对（X1–X3）。
${INPUTS.replace('；- 表示从标准输入读取', '')}
表格输出到标准输出（--html 网页，--csv 表格文件），核对结果输出到标准错误输出；--json 在标准输出打印核对结果（JSON）。`,
    load: async () => (await import('./compare.js')).runCompare,
  },
  merge: {
    usage: 'nianbao merge 文件… --agency 汇总机关 --year 年度',
    summary: '把多个机关同一年度的年报汇总为一份（表格相加，文字待填写）',
    help: '把多个机关同一年度、同一版式的年报汇总为一份，输出到标准输出：表格数字逐项相加（空白加空白仍为空白），文字部分留作【待填写】由编制机关撰写。',
    load: async () => (await import('./merge.js')).runMerge,
  },
  schema: {
    usage: 'nianbao schema > nianbao.schema.json',
    summary: '输出 JSON Schema（供编辑器自动补全和检查）',
    help: '在标准输出打印年报数据文件的 JSON Schema。放在项目根目录，VS Code（YAML 插件）等编辑器即可自动补全每一项并显示中文说明。',
    load: async () => (await import('./schema.js')).runSchema,
  },
  fonts: {
    usage: 'nianbao fonts [--font 角色=文件] [--json]',
    summary: '列出每个字体角色使用的字体文件',
    help: '列出每个字体角色使用的字体和文件。正版字体放进项目的 fonts/ 文件夹即可（见 fonts/README.md）。',
    load: async () => (await import('./fonts.js')).runFonts,
  },
};

export const EXIT_CODES = '退出码：0 无错误（可有警告），1 数据有错误或文件无法读取/写入，2 用法错误，70 内部错误。';

export function overview(): string {
  // Usage and summary on two lines: CJK text is two columns wide, so padding cannot align them.
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `nianbao — 政府信息公开工作年度报告生成器

用法：
${lines.join('\n')}

  nianbao help 命令      显示某个命令的说明（也可以 nianbao 命令 --help）
  nianbao --version      显示版本号

${EXIT_CODES}`;
}

export function commandHelp(name: string): string {
  const c = COMMANDS[name]!;
  return `用法：${c.usage}\n${c.help}\n${EXIT_CODES}`;
}
