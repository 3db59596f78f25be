import { compareReports, type CompareInput } from '../compare/compare.js';
import { comparisonCsv, comparisonHtml, comparisonText } from '../compare/format.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summaryLine } from '../diagnostics/format.js';
import { jsonOutput } from '../diagnostics/jsonOutput.js';
import type { Checked } from '../pipeline.js';
import { parseArgs, UsageError } from './args.js';
import { inputFiles, printDiagnostics, readChecked } from './check.js';
import type { Io } from './io.js';

export async function runCompare(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['html', 'csv', 'json'], options: [] });
  if (['html', 'csv', 'json'].filter((f) => args.flags.has(f)).length > 1) throw new UsageError('--html、--csv 和 --json 只能选一个');
  const example = 'nianbao compare data/kj-2020.yaml data/kj-2021.yaml';
  const files = await inputFiles(args.positionals, example);
  if (files.length < 2) throw new UsageError(`请给出至少两个年度的 YAML 文件，例如：${example}`);
  const json = args.flags.has('json');
  const checked: Checked[] = [];
  for (const file of files) checked.push(await readChecked(file, undefined, io));
  const broken = checked.filter((c) => !c.report || !c.source);
  if (broken.length > 0) {
    printDiagnostics(json ? checked : broken, io, json);
    io.err(`有 ${broken.length} 个文件无法读取或不符合格式，先用 nianbao check 修正后再对比`);
    return 1;
  }
  const years = checked.map((c) => c.report!.year);
  const dup = years.find((y, i) => years.indexOf(y) !== i);
  if (dup !== undefined) throw new UsageError(`有两个文件都是 ${dup} 年度：${checked.filter((c) => c.report!.year === dup).map((c) => c.file).join('、')}`);
  const comparison = compareReports(checked.map((c) => ({ file: c.file, report: c.report!, source: c.source! }) satisfies CompareInput));
  if (json) {
    const of = (file: string): Diagnostic[] => comparison.diagnostics.filter((d) => d.file === file);
    io.out(JSON.stringify(jsonOutput(checked.map((c) => ({ file: c.file, ok: !hasErrors(of(c.file)), diagnostics: of(c.file) }))), null, 2));
    return hasErrors(comparison.diagnostics) ? 1 : 0;
  }
  io.out(args.flags.has('csv') ? comparisonCsv(comparison).replace(/\r\n$/, '') : args.flags.has('html') ? comparisonHtml(comparison) : comparisonText(comparison));
  const sources = new Map(checked.map((c) => [c.file, c.source!]));
  for (const d of comparison.diagnostics) io.err(formatDiagnostic(d, sources.get(d.file)?.lineText(d.line)));
  const errors = comparison.diagnostics.filter((d) => d.severity === 'error').length;
  io.err(`跨年度核对：${summaryLine(checked.length, errors, comparison.diagnostics.length - errors).replace(/^检查了/, '对比了')}`);
  return hasErrors(comparison.diagnostics) ? 1 : 0;
}
