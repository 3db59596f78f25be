import { scaffold } from '../schema/scaffold.js';
import { defaultEditionForYear } from '../editions/index.js';
import type { EditionId } from '../model/report.js';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './io.js';

export async function runInit(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['blank', 'help'], options: ['agency', 'year', 'edition', 'schema'] });
  if (args.flags.has('help')) {
    io.out('用法：nianbao init --agency 机关全称 --year 年度 [--edition 2019|2021] [--blank] [--schema 路径] > data/文件.yaml\n--blank：表格数字预填为空白（null）而不是 0。');
    return 0;
  }
  const agency = args.options.get('agency')?.trim();
  if (!agency) throw new UsageError('请用 --agency 给出机关全称，例如 --agency 某某县科学技术局');
  const yearText = args.options.get('year') ?? String(new Date().getFullYear() - 1);
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year 应为四位年份，实际是“${yearText}”`);
  const year = Number(yearText);
  const editionText = args.options.get('edition');
  if (editionText !== undefined && editionText !== '2019' && editionText !== '2021') throw new UsageError('--edition 只能是 2019 或 2021');
  const edition: EditionId = (editionText as EditionId | undefined) ?? defaultEditionForYear(year);
  io.out(scaffold({ agency, year, edition, blank: args.flags.has('blank'), schemaPath: args.options.get('schema') ?? '../nianbao.schema.json' }));
  return 0;
}
