import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * What every request must show (issue 14 "Security — it writes files"): the run's random token,
 * a Host header naming this server (a page of another site rebinding its DNS name to 127.0.0.1
 * sends its own name), and for every write an Origin of this server (a page of another site
 * cannot post to it).
 */
export interface Guard {
  token: string;
  /** Host header values accepted; undefined accepts any (a wildcard bind with --allow-remote). */
  hosts: Set<string> | undefined;
}

export const TOKEN_HEADER = 'x-nianbao-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function makeGuard(token: string, host: string, port: number): Guard {
  const wildcard = host === '0.0.0.0' || host === '::';
  const names = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  names.add(`${host.includes(':') ? `[${host}]` : host}:${port}`);
  return { token, hosts: wildcard ? undefined : names };
}

export interface Refusal {
  status: number;
  message: string;
}

/** Why a request is refused, or undefined. `write`: it changes a file or starts one being written. */
export function refuse(req: IncomingMessage, url: URL, guard: Guard, write: boolean): Refusal | undefined {
  const host = req.headers.host;
  if (!host || (guard.hosts && !guard.hosts.has(host.toLowerCase()))) return { status: 421, message: `拒绝访问：请求的主机名“${host ?? ''}”不是本机的编辑服务` };
  const given = header(req, TOKEN_HEADER) ?? url.searchParams.get('t') ?? '';
  if (!sameSecret(given, guard.token)) return { status: 403, message: '拒绝访问：缺少或错误的访问令牌（请使用 nianbao edit 打开的地址）' };
  const origin = header(req, 'origin');
  const own = `http://${host}`;
  if (origin !== undefined && origin !== own) return { status: 403, message: `拒绝访问：请求来自其他网站（${origin}）` };
  if (header(req, 'sec-fetch-site') === 'cross-site') return { status: 403, message: '拒绝访问：请求来自其他网站' };
  if (write && origin === undefined) return { status: 403, message: '拒绝访问：写入文件的请求必须来自编辑页面' };
  return undefined;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
