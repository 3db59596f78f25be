import type { IncomingMessage, ServerResponse } from 'node:http';
import { runBatch } from '../cli/batch/batch.js';
import { writeErrorText, type FileOutcome } from '../cli/batch/outcome.js';
import { importReport, ImportError, MAX_IMPORT_BYTES } from '../import/index.js';
import type { OutputFormat, RenderOptions } from '../render/types.js';
import { decodeYamlBytes, MAX_INPUT_BYTES } from '../source/decode.js';
import { readBody, sendError, sendJson } from './http.js';
import type { EditSession } from './session.js';

/** What the editor's own routes work on: the one file, last year's, and where outputs go. */
export interface EditorContext {
  session: EditSession;
  previous?: { file: string; text: string };
  /** Notes for the clerk on opening (what `--from` carried over). */
  notes: string[];
  outDir: string;
  formats: OutputFormat[];
  renderersModule: string;
  renderOptions: RenderOptions;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
interface EditorRoute {
  method: 'GET' | 'POST';
  params: readonly string[];
  write: boolean;
  handle: Handler;
}

const IMPORT_TYPES = ['docx', 'html', 'txt', 'pdf'];

export function editorRoutes(ctx: EditorContext): Record<string, EditorRoute> {
  const { session } = ctx;
  return {
    '/api/session': {
      method: 'GET',
      params: [],
      write: false,
      handle: async (_req, res) => sendJson(res, 200, { ...session.snapshot(), previous: ctx.previous ?? null, notes: ctx.notes, formats: ctx.formats, outDir: ctx.outDir }),
    },
    '/api/save': {
      method: 'POST',
      params: [],
      write: true,
      handle: async (req, res) => {
        const body = await jsonBody(req, ['text', 'base']);
        if (typeof body?.text !== 'string' || typeof body.base !== 'string') return sendError(res, 400, '保存请求的内容不对');
        let result: Awaited<ReturnType<EditSession['save']>>;
        try {
          result = await session.save(body.text, body.base);
        } catch (e) {
          // A full disk, a read-only folder: the file keeps its previous version (atomic write).
          return sendError(res, 500, `没有保存 ${session.file}：${writeErrorText(e)}；文件保持原样`);
        }
        if (result.ok) return sendJson(res, 200, { base: result.base, written: result.written });
        if (result.conflict) return sendJson(res, 409, { error: `${session.file} 在打开之后被其他程序修改过，没有保存。可以重新载入磁盘上的文件（本页的修改会丢失）。`, conflict: true });
        return sendError(res, 422, result.message);
      },
    },
    '/api/reload': {
      method: 'POST',
      params: [],
      write: true,
      handle: async (req, res) => {
        req.resume();
        const snapshot = await session.reload(decodeYamlBytes);
        if (!snapshot) return sendError(res, 404, `${session.file} 还不存在`);
        sendJson(res, 200, snapshot);
      },
    },
    '/api/output': {
      method: 'POST',
      params: [],
      write: true,
      handle: async (req, res) => {
        const body = await jsonBody(req, ['base']);
        if (typeof body?.base !== 'string') return sendError(res, 400, '请求的内容不对');
        if ((await session.diskBase()) !== body.base) return sendJson(res, 409, { error: '请先保存：磁盘上的文件与页面上的内容不同', conflict: true });
        let outcome: FileOutcome | undefined;
        const summary = await runBatch(
          { files: [session.file], formats: ctx.formats, options: ctx.renderOptions, outDir: ctx.outDir, jobs: 1 },
          { renderersModule: ctx.renderersModule },
          { start: () => undefined, file: (o) => (outcome = o), end: () => undefined },
        );
        sendJson(res, outcome?.ok ? 200 : 422, { ok: outcome?.ok ?? false, outputs: outcome?.outputs ?? [], messages: outcome?.messages ?? [], seconds: summary.seconds });
      },
    },
    '/api/import': {
      method: 'POST',
      params: ['type', 'name'],
      write: true,
      handle: async (req, res, url) => {
        const type = url.searchParams.get('type') ?? '';
        if (!IMPORT_TYPES.includes(type)) return sendError(res, 400, '只能导入 .docx、.html 或 .txt 文件');
        const bytes = await readBody(req, MAX_IMPORT_BYTES);
        try {
          // The name only goes into the report's header comment and tells the importer the
          // format: its folders are dropped, and nothing is read from or written to disk by it.
          const given = (url.searchParams.get('name') ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 100);
          const result = importReport(bytes, given.toLowerCase().endsWith(`.${type}`) ? given : `导入.${type}`);
          sendJson(res, 200, { yaml: result.yaml, unsure: result.draft.unsure, notes: result.draft.notes });
        } catch (e) {
          if (e instanceof ImportError) return sendError(res, 422, e.message);
          throw e;
        }
      },
    },
  };
}

/** A JSON object body with only the `allowed` keys (a `path` or `file` among them is refused). */
async function jsonBody(req: IncomingMessage, allowed: string[]): Promise<Record<string, unknown> | undefined> {
  const bytes = await readBody(req, MAX_INPUT_BYTES + 64 * 1024);
  try {
    const value = JSON.parse(bytes.toString('utf8')) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    if (Object.keys(value).some((k) => !allowed.includes(k))) return undefined;
    return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
