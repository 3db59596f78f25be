import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { send, sendError } from './http.js';

/** The built page (npm run build → dist/editor/): the only files the server serves. */
export const ASSETS = ['index.html', 'app.js', 'app.css'] as const;
export type Asset = (typeof ASSETS)[number];

const TYPES: Record<Asset, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

/**
 * The page may run only its own script, talk only to this server, and show the preview's inline
 * styles; nothing is fetched from anywhere else (intranet PCs have no internet), no eval, and no
 * other site may frame it.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

const cache = new Map<string, Promise<Buffer>>();

export async function serveAsset(res: ServerResponse, dir: URL, name: Asset, token: string): Promise<void> {
  const key = new URL(name, dir).href;
  let bytes = cache.get(key);
  if (!bytes) cache.set(key, (bytes = readFile(new URL(name, dir))));
  let body: Buffer;
  try {
    body = await bytes;
  } catch {
    cache.delete(key);
    return sendError(res, 500, '编辑器页面没有构建（请先运行 npm run build）');
  }
  // The page links its script and style with the token, which every request must carry.
  const out = name === 'index.html' ? body.toString('utf8').replaceAll('__NIANBAO_TOKEN__', token) : body;
  send(res, 200, TYPES[name], out, { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-frame-options': 'DENY' });
}
