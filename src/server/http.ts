import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body over its limit: refused with 413, read no further. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`请求内容超过上限 ${(limit / 1024 / 1024).toFixed(0)} MB`);
  }
}

/** Reads a request body, refusing it as soon as it passes `limit` bytes (declared or streamed). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    throw new BodyTooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new BodyTooLarge(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const COMMON = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value, null, 2), headers);
}

/** A refusal or failure: `{ error }` in Chinese, never a stack trace. */
export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: message }, headers);
}

export function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { ...COMMON, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

/** The request's query parameters must be among `allowed`: nothing else (a path least of all) is taken from the browser. */
export function unexpectedParameter(url: URL, allowed: readonly string[]): string | undefined {
  for (const name of url.searchParams.keys()) if (name !== 't' && !allowed.includes(name)) return name;
  return undefined;
}
