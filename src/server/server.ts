import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLarge, sendError, unexpectedParameter } from './http.js';
import { handleCheck, handleRender } from './api.js';
import { serveAsset, ASSETS } from './static.js';
import { makeGuard, refuse, type Guard } from './security.js';
import { editorRoutes, type EditorContext } from './routes.js';
import type { RenderService } from './renderService.js';

export interface EditorServerConfig {
  host: string;
  port: number;
  token: string;
  renders: RenderService;
  /** The editor (page, session, save …); without it only the portal API is served. */
  editor?: EditorContext;
  /** Folder of the built page (dist/editor). */
  assetsDir: URL;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** What each route takes: its method, query parameters, and whether it writes (Origin required). */
interface Route {
  method: 'GET' | 'POST';
  params: readonly string[];
  write: boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

/**
 * The editor's HTTP server (node:http: a handful of routes, each guarded the same way, with no
 * framework between the socket and the checks). Every request is checked before anything else:
 * Host, token, Origin (security.ts); unknown routes and unknown query parameters are refused, so
 * no path or option ever comes from the browser.
 */
export async function startEditorServer(config: EditorServerConfig): Promise<RunningServer> {
  let guard: Guard = makeGuard(config.token, config.host, config.port);
  const routes = new Map<string, Route>([
    ['/api/check', { method: 'POST', params: [], write: false, handle: (req, res) => handleCheck(req, res) }],
    ['/api/render', { method: 'POST', params: ['format'], write: false, handle: (req, res, url) => handleRender(req, res, url, config.renders) }],
  ]);
  if (config.editor) {
    for (const [path, r] of Object.entries(editorRoutes(config.editor))) routes.set(path, r);
    for (const name of ASSETS) routes.set(name === 'index.html' ? '/' : `/${name}`, { method: 'GET', params: [], write: false, handle: (_req, res) => serveAsset(res, config.assetsDir, name, config.token) });
  }

  const server = createServer((req, res) => {
    void dispatch(req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) return sendError(res, 413, e.message, { connection: 'close' });
      sendError(res, 500, `内部错误：${e instanceof Error ? e.message : String(e)}`);
    });
  });
  const dispatch = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes.get(url.pathname);
    const refused = refuse(req, url, guard, route?.write ?? false);
    if (refused) {
      req.resume();
      return sendError(res, refused.status, refused.message);
    }
    if (!route) return sendError(res, 404, '没有这个地址');
    if (req.method !== route.method) return sendError(res, 405, `只接受 ${route.method} 请求`, { allow: route.method });
    const extra = unexpectedParameter(url, route.params);
    if (extra !== undefined) return sendError(res, 400, `不接受参数“${extra}”：文件和文件夹由启动编辑器的命令决定`);
    await route.handle(req, res, url);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = makeGuard(config.token, config.host, port);
  const shown = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${shown}:${port}/?t=${config.token}`,
    server,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await config.renders.close();
    },
  };
}
