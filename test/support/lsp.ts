import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A minimal Language Server Protocol client over stdio (Content-Length framing), enough to drive
 * yaml-language-server as VS Code's YAML extension does: requests, notifications, the server's
 * own requests (configuration, capability registration) answered.
 */
export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly listeners: ((method: string, params: unknown) => void)[] = [];

  constructor(private readonly settings: Record<string, unknown>) {
    const pkg = createRequire(import.meta.url).resolve('yaml-language-server/package.json');
    this.child = spawn(process.execPath, [join(dirname(pkg), 'bin', 'yaml-language-server'), '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (d: Buffer) => this.receive(d));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve as (r: unknown) => void));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification `method` whose params satisfy `match`. */
  waitFor<T>(method: string, match: (params: T) => boolean, ms = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms`)), ms);
      this.listeners.push((m, p) => {
        if (m === method && match(p as T)) {
          clearTimeout(timer);
          resolve(p as T);
        }
      });
    });
  }

  close(): void {
    this.child.kill();
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as { id?: number; method?: string; params?: unknown; result?: unknown };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(m: { id?: number; method?: string; params?: unknown; result?: unknown }): void {
    if (m.method && m.id !== undefined) {
      // The server asks: its settings, or to register capabilities.
      const result = m.method === 'workspace/configuration' ? ((m.params as { items: unknown[] }).items.map(() => this.settings)) : null;
      this.send({ jsonrpc: '2.0', id: m.id, result });
    } else if (m.method) {
      for (const l of this.listeners) l(m.method, m.params);
    } else if (m.id !== undefined) {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    }
  }
}
