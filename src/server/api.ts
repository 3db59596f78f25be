import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { jsonOutput } from '../diagnostics/jsonOutput.js';
import { checkBytes, checkText } from '../pipeline.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../render/types.js';
import { decodeYamlBytes, MAX_INPUT_BYTES } from '../source/decode.js';
import { readBody, send, sendError, sendJson } from './http.js';
import type { RenderService } from './renderService.js';

/**
 * The stateless HTTP API for portals (README "nianbao edit: HTTP API"): YAML in the body, the
 * `check --json` diagnostics (diagnostics/jsonOutput.ts, schemas/output.schema.json) or the
 * rendered file out. Nothing is kept between requests, so instances can stand behind any load
 * balancer.
 */
export const API_FILE_NAME = 'report.yaml';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  ofd: 'application/ofd',
};

/** After a 503, a client may try again this many seconds later (a report renders in well under one). */
export const RETRY_AFTER_SECONDS = 1;

export async function handleCheck(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const bytes = await readBody(req, MAX_INPUT_BYTES);
  const checked = checkBytes(bytes, API_FILE_NAME);
  sendJson(res, 200, jsonOutput([{ file: API_FILE_NAME, ok: !hasErrors(checked.diagnostics), diagnostics: checked.diagnostics }]));
}

export function formatOf(url: URL): OutputFormat | undefined {
  const f = url.searchParams.get('format');
  return OUTPUT_FORMATS.find((x) => x === f);
}

export async function handleRender(req: IncomingMessage, res: ServerResponse, url: URL, renders: RenderService): Promise<void> {
  const format = formatOf(url);
  if (!format) return sendError(res, 400, '请用 ?format=docx、pdf 或 html 指定格式');
  const bytes = await readBody(req, MAX_INPUT_BYTES);
  const decoded = decodeYamlBytes(bytes);
  if (!decoded.ok) return sendInvalid(res, checkBytes(bytes, API_FILE_NAME).diagnostics);
  const outcome = await renders.render(decoded.text, API_FILE_NAME, format);
  switch (outcome.status) {
    case 'busy':
      return sendError(res, 503, '正在生成的文件太多，请稍后再试', { 'retry-after': String(RETRY_AFTER_SECONDS) });
    case 'invalid':
      return sendInvalid(res, checkText(decoded.text, API_FILE_NAME).diagnostics);
    case 'failed':
      return sendError(res, 500, outcome.message);
    case 'ok':
      // A download, never a page of this origin: the HTML's own policy would allow its inline style only.
      return send(res, 200, CONTENT_TYPES[format], outcome.bytes, { 'content-disposition': attachment(`${outcome.stem}.${format}`), 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" });
  }
}

/** 422 with the check's JSON: the YAML has errors, nothing was rendered. */
function sendInvalid(res: ServerResponse, diagnostics: Parameters<typeof hasErrors>[0]): void {
  sendJson(res, 422, jsonOutput([{ file: API_FILE_NAME, ok: false, diagnostics: [...diagnostics] }]));
}

/** `Content-Disposition` with an ASCII fallback and the Chinese name (RFC 6266 / 5987). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
