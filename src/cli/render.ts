import { basename, resolve } from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { composeChecked, type Checked } from '../pipeline.js';
import { RENDERERS } from '../render/index.js';
import { OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from '../render/types.js';
import { parseArgs, UsageError } from './args.js';
import { explicitFonts } from './fonts.js';
import { printDiagnostics, readChecked } from './check.js';
import type { Io } from './io.js';
import { outputStem, uniqueStems, writeAtomic } from './output.js';

export async function runRender(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { flags: ['docx', 'pdf', 'html', 'pdfa', 'embed-fonts', 'fragment', 'json', 'help'], options: ['o', 'out', 'pdfa-level', 'font'] });
  if (args.flags.has('help')) {
    io.out('用法：nianbao render [--docx [--embed-fonts]] [--pdf] [--html] [--pdfa [--pdfa-level 1b|2b]] [--font 角色=字体文件] [-o 输出文件夹] 文件.yaml…\n不指定格式时生成所有已支持的格式；输出文件名为“机关-年度.扩展名”。--embed-fonts 把用到的字形（子集）嵌入 DOCX，没有公文字体的电脑也显示一致。');
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError('请给出要生成的 YAML 文件，例如：nianbao render data/*.yaml');
  const chosen = OUTPUT_FORMATS.filter((f) => args.flags.has(f));
  const formats: OutputFormat[] = chosen.length > 0 ? chosen : OUTPUT_FORMATS.filter((f) => RENDERERS[f]);
  for (const f of formats) if (!RENDERERS[f]) throw new UsageError(`暂不支持 ${f.toUpperCase()} 格式`);
  const options: RenderOptions = {};
  const level = args.options.get('pdfa-level');
  if (level !== undefined && level !== '1b' && level !== '2b') throw new UsageError('--pdfa-level 只能是 1b 或 2b');
  if (args.flags.has('pdfa') || level) options.pdfa = level === '1b' ? '1b' : '2b';
  const fonts = explicitFonts(args.options.get('font'), process.env);
  if (Object.keys(fonts).length > 0) options.fonts = fonts;
  if (args.flags.has('embed-fonts')) options.embedFonts = true;
  if (args.flags.has('fragment')) options.fragment = true;
  const outDir = resolve(args.options.get('o') ?? args.options.get('out') ?? 'output');

  const checked: Checked[] = [];
  for (const file of args.positionals) checked.push(await readChecked(file));
  const stems = uniqueStems(checked.map((c) => (c.report ? outputStem(c.report.agency, c.report.year) : basename(c.file))));
  let failed = 0;
  let rendered = 0;
  for (const [i, c] of checked.entries()) {
    printDiagnostics([c], io, false);
    const doc = hasErrors(c.diagnostics) ? undefined : composeChecked(c);
    if (!doc) {
      failed++;
      io.err(`${c.file}：有错误，未生成`);
      continue;
    }
    for (const format of formats) {
      try {
        const renderer = await RENDERERS[format]!();
        const result = await renderer(doc, options);
        for (const w of result.warnings) io.err(`${w.pos ? `${w.pos.file}:${w.pos.line}:${w.pos.column} ` : `${c.file} `}警告 ${w.message} [${w.code}]`);
        const path = await writeAtomic(outDir, `${stems[i]}.${format}`, result.bytes);
        io.err(`${c.file} → ${path}`);
        rendered++;
      } catch (e) {
        failed++;
        io.err(`${c.file}：生成 ${format.toUpperCase()} 失败：${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  io.err(`生成 ${rendered} 个文件，${failed} 个失败`);
  return failed > 0 ? 1 : 0;
}
