import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { defaultEditionForYear } from '../editions/index.js';
import type { EditionId } from '../model/report.js';
import { jsonSchema } from '../schema/jsonschema.js';
import { scaffold } from '../schema/scaffold.js';
import { parseArgs, UsageError } from './args.js';
import { writeAtomic } from './batch/atomic.js';
import { writeErrorText } from './batch/outcome.js';
import type { Io } from './io.js';

/** The editor schema's file name at the project root (README "Editors"). */
export const SCHEMA_FILE = 'nianbao.schema.json';

export async function runInit(argv: string[], io: Io, cwd: string = process.cwd()): Promise<number> {
  const args = parseArgs(argv, { flags: ['blank', 'force'], options: ['agency', 'year', 'edition', 'schema', 'o', 'out'] });
  const agency = args.options.get('agency')?.trim();
  if (!agency) throw new UsageError('请用 --agency 给出机关全称，例如 --agency 某某县科学技术局');
  const yearText = args.options.get('year') ?? String(new Date().getFullYear() - 1);
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(`--year 应为四位年份，实际是“${yearText}”`);
  const year = Number(yearText);
  const editionText = args.options.get('edition');
  if (editionText !== undefined && editionText !== '2019' && editionText !== '2021') throw new UsageError('--edition 只能是 2019 或 2021');
  const edition: EditionId = (editionText as EditionId | undefined) ?? defaultEditionForYear(year);
  const target = args.options.get('o') ?? args.options.get('out');
  const text = (schemaPath: string) => scaffold({ agency, year, edition, blank: args.flags.has('blank'), schemaPath });
  if (target === undefined) {
    io.out(text(args.options.get('schema') ?? `../${SCHEMA_FILE}`));
    return 0;
  }

  const file = resolve(cwd, target);
  if (existsSync(file) && !args.flags.has('force')) {
    io.err(`${target}: 错误 文件已存在，没有覆盖（确实要覆盖时加 --force）`);
    return 1;
  }
  const schemaFile = join(projectRoot(cwd), SCHEMA_FILE);
  const schemaPath = args.options.get('schema') ?? toPosix(relative(dirname(file), schemaFile));
  try {
    await mkdir(dirname(file), { recursive: true });
    if (!existsSync(schemaFile)) {
      await writeAtomic(dirname(schemaFile), SCHEMA_FILE, new TextEncoder().encode(`${JSON.stringify(jsonSchema(), null, 2)}\n`));
      io.err(`已写入编辑器用的 ${toPosix(relative(cwd, schemaFile)) || SCHEMA_FILE}`);
    }
    await writeAtomic(dirname(file), basename(file), new TextEncoder().encode(`${text(schemaPath)}\n`));
  } catch (e) {
    io.err(`${target}: 错误 无法写入：${writeErrorText(e)}`);
    return 1;
  }
  io.err(`已写入 ${target}（${edition} 年版式，${year} 年度）；填写后运行 nianbao check ${target}`);
  return 0;
}

/** The folder with package.json, from `cwd` upwards; `cwd` itself when there is none. */
export function projectRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

const toPosix = (p: string): string => p.split(sep).join('/');
