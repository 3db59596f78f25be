import { compareReports, type CompareInput } from '../compare/compare.js';
import { comparisonCsv, comparisonHtml, comparisonText } from '../compare/format.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, summaryLine } from '../diagnostics/format.js';
import { parseArgs, UsageError } from './args.js';
import { printDiagnostics, readChecked } from './check.js';
import type { Io } from './io.js';

export async function runCompare(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['help', 'html', 'csv'], options: [] });
  if (args.flags.has('help')) {
    io.out('用法：nianbao compare 年度1.yaml 年度2.yaml … [--html | --csv]\n把同一机关几个年度的年报关键数字并排列出，并在相邻年度之间做跨年度核对（X1–X3）。\n表格输出到标准输出（--html 网页，--csv 表格文件），核对结果输出到标准错误输出。');
    return 0;
  }
  if (args.flags.has('html') && args.flags.has('csv')) throw new UsageError('--html 和 --csv 只能选一个');
  if (args.positionals.length < 2) throw new UsageError('请给出至少两个年度的 YAML 文件，例如：nianbao compare data/kj-2020.yaml data/kj-2021.yaml');
  const checked = [];
  for (const file of args.positionals) checked.push(await readChecked(file));
  const broken = checked.filter((c) => !c.report || !c.source);
  if (broken.length > 0) {
    printDiagnostics(broken, io, false);
    io.err(`有 ${broken.length} 个文件无法读取或不符合格式，先用 nianbao check 修正后再对比`);
    return 1;
  }
  const years = checked.map((c) => c.report!.year);
  const dup = years.find((y, i) => years.indexOf(y) !== i);
  if (dup !== undefined) throw new UsageError(`有两个文件都是 ${dup} 年度：${checked.filter((c) => c.report!.year === dup).map((c) => c.file).join('、')}`);
  const comparison = compareReports(checked.map((c) => ({ file: c.file, report: c.report!, source: c.source! }) satisfies CompareInput));
  io.out(args.flags.has('csv') ? comparisonCsv(comparison).replace(/\r\n$/, '') : args.flags.has('html') ? comparisonHtml(comparison) : comparisonText(comparison));
  const sources = new Map(checked.map((c) => [c.file, c.source!]));
  for (const d of comparison.diagnostics) io.err(formatDiagnostic(d, sources.get(d.file)?.lineText(d.line)));
  const errors = comparison.diagnostics.filter((d) => d.severity === 'error').length;
  io.err(`跨年度核对：${summaryLine(checked.length, errors, comparison.diagnostics.length - errors).replace(/^检查了/, '对比了')}`);
  return hasErrors(comparison.diagnostics) ? 1 : 0;
}
