import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { checkBytes, composeChecked, type Checked } from '../../pipeline.js';
import type { OutputFormat, Renderer, RenderWarning } from '../../render/types.js';
import { readInput, unreadable } from '../check.js';
import { MAX_INPUT_BYTES } from '../../source/decode.js';
import { contentKey, type JobMemo } from './memo.js';
import { displayName } from '../inputs.js';
import { outputStem } from '../output.js';
import type { CheckedMessage, DoneMessage, JobEvent, JobSpec, RenderedOutput } from './protocol.js';
import type { RendererTable } from './renderers.js';

/**
 * One input file, start to finish short of writing: read → check → compose → render every
 * format. A worker loads the pipeline once and runs this for many files; `--jobs 1` runs it in
 * the main thread. Events go out through `emit`; a renderer that throws fails only its format.
 * With a `memo`, an input already rendered (same name, bytes, formats, options) is answered
 * from it; a job with a failed format is not kept.
 */
export async function runJob(spec: JobSpec, table: RendererTable, emit: (event: JobEvent) => void, memo?: JobMemo): Promise<void> {
  const name = displayName(spec.file);
  const read = spec.bytes ? { ok: true as const, bytes: spec.bytes } : await readInput(spec.file, MAX_INPUT_BYTES);
  const key = memo && read.ok ? contentKey(name, read.bytes, spec.formats.join(','), JSON.stringify(spec.options)) : undefined;
  const hit = key === undefined ? undefined : memo!.get(key);
  if (hit) {
    // Copies: a worker transfers the output bytes away, and a reader must not change the cached ones.
    emit({ ...structuredClone(hit.checked), id: spec.id });
    emit({ ...structuredClone(hit.done), id: spec.id });
    return;
  }
  const checked = read.ok ? checkBytes(read.bytes, name) : unreadable(name, read);
  const checkedEvent = checkedMessage(spec, checked);
  emit(key === undefined ? checkedEvent : structuredClone(checkedEvent));
  const done = await renderAll(spec, table, checked, name);
  if (key !== undefined && done.failures.length === 0) memo!.set(key, { checked: checkedEvent, done: structuredClone(done) });
  emit(done);
}

function checkedMessage(spec: JobSpec, checked: Checked): CheckedMessage {
  const failed = hasErrors(checked.diagnostics);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    type: 'checked',
    id: spec.id,
    stem: !failed && checked.report ? outputStem(checked.report.agency, checked.report.year) : null,
    diagnostics: checked.diagnostics,
    lines: checked.diagnostics.map((d) => checked.source?.lineText(d.line)),
    errors,
    warnings: checked.diagnostics.length - errors,
  };
}

async function renderAll(spec: JobSpec, table: RendererTable, checked: Checked, name: string): Promise<DoneMessage> {
  const doc = hasErrors(checked.diagnostics) ? undefined : composeChecked(checked);
  if (!doc) return { type: 'done', id: spec.id, outputs: [], failures: [] };
  const outputs: RenderedOutput[] = [];
  const failures: string[] = [];
  for (const format of spec.formats) {
    try {
      const render = await loaded(table, format);
      const result = await render(doc, spec.options);
      const positioned = result.warnings.filter((w) => w.pos).map((w) => asDiagnostic(w, name));
      const general = result.warnings.filter((w) => !w.pos).map((w) => asDiagnostic(w, name));
      outputs.push({ format, bytes: result.bytes, warnings: positioned, generalWarnings: general });
    } catch (e) {
      failures.push(`生成 ${format.toUpperCase()} 失败：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { type: 'done', id: spec.id, outputs, failures };
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

/** A renderer warning in the one diagnostic shape; one without a position is the input's 1:1. */
function asDiagnostic(w: RenderWarning, file: string): Diagnostic {
  const at = w.pos ?? { file, line: 1, column: 1, path: [] };
  return { code: w.code, severity: 'warning', message: w.message, file: at.file, line: at.line, column: at.column, path: [...at.path] };
}
