import { readFile, stat } from 'node:fs/promises';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summaryLine } from '../diagnostics/format.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from '../source/decode.js';
import { checkBytes, type Checked } from '../pipeline.js';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './io.js';

/** Reads one file with the size limit checked before reading (a 50 MB file is refused at once). */
export async function readChecked(file: string, previous?: Checked): Promise<Checked> {
  const fail = (code: string, message: string): Checked => ({ file, diagnostics: [{ code, severity: 'error', message, file, line: 1, column: 1, path: [] }] });
  try {
    const st = await stat(file);
    if (st.isDirectory()) return fail('input/is-directory', '这是一个文件夹，不是 YAML 文件');
    // Refused from its size alone: a 50 MB file is never read, and the message gives its real size.
    if (st.size > MAX_INPUT_BYTES) return fail('input/too-large', tooLargeMessage(st.size));
    return checkBytes(await readFile(file), file, previous);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail('input/unreadable', code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取这个文件的权限' : `无法读取文件（${code ?? String(e)}）`);
  }
}

export function printDiagnostics(results: Checked[], io: Io, json: boolean): { errors: number; warnings: number } {
  const all: Diagnostic[] = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  if (json) {
    io.out(JSON.stringify({ files: results.map((r) => ({ file: r.file, ok: !hasErrors(r.diagnostics), diagnostics: r.diagnostics })), errors, warnings }, null, 2));
  } else {
    for (const r of results) for (const d of r.diagnostics) io.err(formatDiagnostic(d, r.source?.lineText(d.line)));
  }
  return { errors, warnings };
}

export async function runCheck(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'help'], options: ['previous'] });
  if (args.flags.has('help')) {
    io.out('用法：nianbao check [--json] [--previous 上一年度.yaml] 文件.yaml…\n检查年报数据：格式、表格勾稽关系（A1–A5）、合理性，以及与上一年度的衔接（X1–X3）。');
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('请给出要检查的 YAML 文件，例如：nianbao check data/*.yaml');
  const prevFile = args.options.get('previous');
  const previous = prevFile ? await readChecked(prevFile) : undefined;
  const results: Checked[] = [];
  if (previous && hasErrors(previous.diagnostics)) results.push(previous);
  for (const file of args.positionals) results.push(await readChecked(file, previous));
  const { errors, warnings } = printDiagnostics(results, io, args.flags.has('json'));
  if (!args.flags.has('json')) io.err(summaryLine(results.length, errors, warnings));
  return errors > 0 ? 1 : 0;
}
