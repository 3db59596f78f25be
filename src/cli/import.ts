import { hasErrors } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { jsonOutput } from '../diagnostics/jsonOutput.js';
import { ImportError, importFile, MAX_IMPORT_BYTES } from '../import/index.js';
import { parseArgs, UsageError } from './args.js';
import { readInput } from './check.js';
import { displayName } from './inputs.js';
import type { Io } from './io.js';

export async function runImport(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['quiet', 'json'], options: [] });
  if (args.positionals.length !== 1) throw new UsageError('请给出一个要导入的文件，例如：nianbao import 2020年报.docx > data/kj-2020.yaml');
  const file = args.positionals[0]!;
  const name = displayName(file);
  const json = args.flags.has('json');
  const fail = (message: string, code = 'import/failed'): number => {
    if (json) io.out(JSON.stringify(jsonOutput([{ file: name, ok: false, diagnostics: [{ code, severity: 'error', message, file: name, line: 1, column: 1, path: [] }] }]), null, 2));
    else io.err(`${name}: 错误 ${message}`);
    return 1;
  };
  const read = await readInput(file, MAX_IMPORT_BYTES, io);
  if (!read.ok) return fail(read.code === 'input/too-large' ? `文件太大（超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），不像是一份年报` : read.message, read.code);
  try {
    // A pipe has no name: the content decides the reader (the bytes are looked at first).
    const result = await importFile(read.bytes, file === '-' ? 'stdin' : file);
    if (json) {
      // The diagnostics of the imported file, as `check --json` gives them for the YAML it wrote.
      io.out(JSON.stringify(jsonOutput([{ file: name, ok: !hasErrors(result.diagnostics), diagnostics: result.diagnostics.map((d) => ({ ...d, file: name })) }]), null, 2));
      return 0;
    }
    io.out(result.yaml.replace(/\n$/, ''));
    const unsure = Object.keys(result.draft.unsure).length;
    if (!args.flags.has('quiet')) {
      for (const d of result.diagnostics) io.err(formatDiagnostic(d));
      io.err(`导入完成：${name}（${result.draft.edition}年版式，${result.draft.year}年度）；${unsure > 0 ? `${unsure} 处带“待核对”注释` : '没有需要核对的值'}；检查发现 ${result.diagnostics.filter((d) => d.severity === 'error').length} 个错误、${result.diagnostics.filter((d) => d.severity === 'warning').length} 个警告`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ImportError) return fail(e.message);
    throw e;
  }
}
