import { hasErrors } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { emitYaml } from '../import/emit.js';
import { MergeError, mergeReports } from '../merge/merge.js';
import { checkText } from '../pipeline.js';
import { parseArgs, UsageError } from './args.js';
import { inputFiles, printDiagnostics, readChecked } from './check.js';
import type { Io } from './io.js';

export async function runMerge(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: [], options: ['agency', 'year'] });
  const agency = args.options.get('agency')?.trim();
  if (!agency) throw new UsageError('请用 --agency 给出汇总报告的机关全称，例如 --agency 某某县人民政府');
  const yearText = args.options.get('year') ?? '';
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`请用 --year 给出四位年份${yearText ? `，实际是“${yearText}”` : ''}`);
  const files = await inputFiles(args.positionals, 'nianbao merge data/departments/*.yaml --agency 某某县人民政府 --year 2021');
  const checked = [];
  for (const file of files) checked.push(await readChecked(file, undefined, io));
  const broken = checked.filter((c) => !c.report || hasErrors(c.diagnostics));
  if (broken.length > 0) {
    printDiagnostics(broken, io, false);
    io.err(`有 ${broken.length} 个文件有错误（${broken.map((c) => c.file).join('、')}），修正后才能汇总`);
    return 1;
  }
  let yaml: string;
  try {
    const draft = mergeReports(checked.map((c) => ({ file: c.file, report: c.report! })), agency, Number(yearText));
    yaml = emitYaml(draft, [`${agency}${yearText}年政府信息公开工作年度报告 — 由 nianbao merge 汇总，文字部分请编制机关撰写`]);
  } catch (e) {
    if (e instanceof MergeError) {
      io.err(`错误 ${e.message}`);
      return 1;
    }
    throw e;
  }
  const result = checkText(yaml, '汇总结果');
  io.out(yaml.replace(/\n$/, ''));
  for (const d of result.diagnostics.filter((x) => x.code !== 'prose/todo')) io.err(formatDiagnostic(d));
  const todo = result.diagnostics.filter((x) => x.code === 'prose/todo').length;
  io.err(`汇总了 ${checked.length} 个文件；${todo > 0 ? `有 ${todo} 处【待填写】的文字需要编制机关撰写；` : ''}检查发现 ${result.diagnostics.filter((d) => d.severity === 'error').length} 个错误`);
  return hasErrors(result.diagnostics) ? 1 : 0;
}
