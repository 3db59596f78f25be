import { readFile, stat } from 'node:fs/promises';
import { formatDiagnostic } from '../diagnostics/format.js';
import { ImportError, importFile, MAX_IMPORT_BYTES } from '../import/index.js';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './io.js';

export async function runImport(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['help', 'quiet'], options: [] });
  if (args.flags.has('help')) {
    io.out('用法：nianbao import 文件 > data/文件.yaml\n把已发布的年报（PDF、Word .docx、网页 .html，或复制、提取的文本 .txt）导入为 YAML 数据文件，输出到标准输出。\n没有把握的值带“# 待核对：…”注释；导入结果的检查问题写在文件末尾，并显示在标准错误输出。--quiet：不在标准错误输出显示检查结果。');
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('请给出一个要导入的文件，例如：nianbao import 2020年报.docx > data/kj-2020.yaml');
  const file = args.positionals[0]!;
  let bytes: Uint8Array;
  try {
    const st = await stat(file);
    if (st.isDirectory()) return fail(io, file, '这是一个文件夹，不是年报文件');
    if (st.size > MAX_IMPORT_BYTES) return fail(io, file, `文件太大（超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），不像是一份年报`);
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(io, file, code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取这个文件的权限' : `无法读取文件（${code ?? String(e)}）`);
  }
  try {
    const result = await importFile(bytes, file);
    io.out(result.yaml.replace(/\n$/, ''));
    const unsure = Object.keys(result.draft.unsure).length;
    if (!args.flags.has('quiet')) {
      for (const d of result.diagnostics) io.err(formatDiagnostic(d));
      io.err(`导入完成：${file}（${result.draft.edition}年版式，${result.draft.year}年度）；${unsure > 0 ? `${unsure} 处带“待核对”注释` : '没有需要核对的值'}；检查发现 ${result.diagnostics.filter((d) => d.severity === 'error').length} 个错误、${result.diagnostics.filter((d) => d.severity === 'warning').length} 个警告`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ImportError) return fail(io, file, e.message);
    throw e;
  }
}

function fail(io: Io, file: string, message: string): number {
  io.err(`${file}: 错误 ${message}`);
  return 1;
}
