import './jitless.js'; // before the pipeline's first validation
import { readFile, stat } from 'node:fs/promises';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summaryLine } from '../diagnostics/format.js';
import { jsonOutput } from '../diagnostics/jsonOutput.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from '../source/decode.js';
import { checkBytes, type Checked } from '../pipeline.js';
import { parseArgs, UsageError } from './args.js';
import { displayName, expandInputs, STDIN } from './inputs.js';
import type { Io } from './io.js';
import { inShard, type Shard } from './shard.js';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string };

/**
 * One input's bytes, with the size limit checked before reading (a 50 MB file is refused from
 * its size alone); `-` reads standard input. Failures are Chinese, never Node's English.
 */
export async function readInput(file: string, limit: number, io?: Pick<Io, 'readStdin'>): Promise<ReadResult> {
  if (file === STDIN) {
    if (!io?.readStdin) return { ok: false, code: 'input/unreadable', message: '无法读取标准输入' };
    const bytes = await io.readStdin(limit);
    // Reading stopped past the limit, so the real size is unknown: say the limit.
    return bytes.length > limit ? { ok: false, code: 'input/too-large', message: `标准输入的内容超过上限 ${limit / 1024 / 1024} MB` } : { ok: true, bytes };
  }
  try {
    const st = await stat(file);
    if (st.isDirectory()) return { ok: false, code: 'input/is-directory', message: '这是一个文件夹，不是 YAML 文件' };
    if (st.size > limit) return { ok: false, code: 'input/too-large', message: tooLargeMessage(st.size) };
    return { ok: true, bytes: await readFile(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, code: 'input/unreadable', message: code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取这个文件的权限' : `无法读取文件（${code ?? String(e)}）` };
  }
}

/** Reads and checks one input (`-` is standard input). */
export async function readChecked(file: string, previous?: Checked, io?: Pick<Io, 'readStdin'>): Promise<Checked> {
  const name = displayName(file);
  const read = await readInput(file, MAX_INPUT_BYTES, io);
  return read.ok ? checkBytes(read.bytes, name, previous) : unreadable(name, read);
}

/** An input that could not be read, as the one error of its check (at 1:1). */
export function unreadable(name: string, read: { code: string; message: string }): Checked {
  return { file: name, diagnostics: [{ code: read.code, severity: 'error', message: read.message, file: name, line: 1, column: 1, path: [] }] };
}

export function printDiagnostics(results: Checked[], io: Io, json: boolean): { errors: number; warnings: number } {
  const all: Diagnostic[] = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  if (json) {
    io.out(JSON.stringify(jsonOutput(results.map((r) => ({ file: r.file, ok: !hasErrors(r.diagnostics), diagnostics: r.diagnostics }))), null, 2));
  } else {
    for (const r of results) for (const d of r.diagnostics) io.err(formatDiagnostic(d, r.source?.lineText(d.line)));
  }
  return { errors, warnings };
}

/**
 * The inputs of a command that takes several: files, folders and globs expanded as `render` does,
 * `-` at most once. An empty list is a usage error with an example.
 */
export async function inputFiles(positionals: string[], example: string, shard?: Shard): Promise<string[]> {
  if (positionals.length === 0) throw new UsageError(`请给出要处理的 YAML 文件，例如：${example}`);
  const { files, unmatched, keys } = await expandInputs(positionals);
  if (files.length === 0) throw new UsageError(`没有找到 YAML 文件（“${unmatched.join('”“')}”中没有 .yaml 文件）`);
  return shard ? files.filter((f) => inShard(keys.get(f) ?? f, shard)) : files;
}

export async function runCheck(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'], options: ['previous'] });
  const files = await inputFiles(args.positionals, 'nianbao check data/*.yaml');
  const prevFile = args.options.get('previous');
  if (prevFile === STDIN && files.includes(STDIN)) throw new UsageError('标准输入（-）只能用一次');
  const previous = prevFile ? await readChecked(prevFile, undefined, io) : undefined;
  const results: Checked[] = [];
  if (previous && hasErrors(previous.diagnostics)) results.push(previous);
  for (const file of files) results.push(await readChecked(file, previous, io));
  const { errors, warnings } = printDiagnostics(results, io, args.flags.has('json'));
  if (!args.flags.has('json')) io.err(summaryLine(results.length, errors, warnings));
  return errors > 0 ? 1 : 0;
}
