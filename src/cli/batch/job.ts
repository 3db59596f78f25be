import { formatDiagnostic } from '../../diagnostics/format.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { checkText, composeChecked } from '../../pipeline.js';
import type { OutputFormat, Renderer, RenderWarning } from '../../render/types.js';
import { readChecked } from '../check.js';
import { outputStem } from '../output.js';
import type { JobEvent, JobSpec, RenderedOutput } from './protocol.js';
import type { RendererTable } from './renderers.js';

/**
 * One input file, start to finish short of writing: read → check → compose → render every
 * format. A worker loads the pipeline once and runs this for many files; `--jobs 1` runs it in
 * the main thread. Events go out through `emit`; a renderer that throws fails only its format.
 */
export async function runJob(spec: JobSpec, table: RendererTable, emit: (event: JobEvent) => void): Promise<void> {
  const checked = spec.text !== undefined ? checkText(spec.text, spec.file) : await readChecked(spec.file);
  const failed = hasErrors(checked.diagnostics);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
  emit({
    type: 'checked',
    id: spec.id,
    stem: !failed && checked.report ? outputStem(checked.report.agency, checked.report.year) : null,
    diagnostics: checked.diagnostics.map((d) => formatDiagnostic(d, checked.source?.lineText(d.line))),
    errors,
    warnings: checked.diagnostics.length - errors,
  });
  const doc = failed ? undefined : composeChecked(checked);
  if (!doc) {
    emit({ type: 'done', id: spec.id, outputs: [], failures: [] });
    return;
  }
  const outputs: RenderedOutput[] = [];
  const failures: string[] = [];
  for (const format of spec.formats) {
    try {
      const render = await loaded(table, format);
      const result = await render(doc, spec.options);
      const positioned = result.warnings.filter((w) => w.pos);
      const general = result.warnings.filter((w) => !w.pos).map((w) => `${w.message} [${w.code}]`);
      outputs.push({ format, bytes: result.bytes, warnings: positioned.map(warningLine), generalWarnings: general });
    } catch (e) {
      failures.push(`生成 ${format.toUpperCase()} 失败：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  emit({ type: 'done', id: spec.id, outputs, failures });
}

const cache = new WeakMap<RendererTable, Map<OutputFormat, Promise<Renderer>>>();

/** Each renderer is loaded once per thread and reused for every file. */
function loaded(table: RendererTable, format: OutputFormat): Promise<Renderer> {
  let forTable = cache.get(table);
  if (!forTable) cache.set(table, (forTable = new Map()));
  let r = forTable.get(format);
  if (!r) {
    const load = table[format];
    r = load ? load() : Promise.reject(new Error(`暂不支持 ${format.toUpperCase()} 格式`));
    forTable.set(format, r);
  }
  return r;
}

function warningLine(w: RenderWarning): string {
  return `${w.pos!.file}:${w.pos!.line}:${w.pos!.column} 警告 ${w.message} [${w.code}]`;
}
