import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { RenderService } from '../src/server/renderService.js';
import { startEditorServer, type RunningServer } from '../src/server/server.js';
import { EditSession } from '../src/server/session.js';
import { decodeYamlBytes } from '../src/source/decode.js';
import { runCli } from './support/runCli.js';

/**
 * The editor's server as an attacker and a portal see it (issue 14 "Security", "HTTP API"): every
 * refusal leaves the file as it was and writes nothing anywhere; the API answers in the
 * `check --json` shape and bounds its renders.
 */
const FAKE = new URL('./support/fake-renderers.mjs', import.meta.url).href;
const WORKER = new URL('../dist/cli/batch/worker.js', import.meta.url);
const EXAMPLE = readFileSync(new URL('../data/jiangzhou-sthjj-2021.yaml', import.meta.url), 'utf8');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(server: RunningServer, path: string, o: { method?: string; headers?: Record<string, string>; body?: string | Buffer; token?: string | null; host?: string } = {}): Promise<Reply> {
  const url = new URL(server.url);
  const token = o.token === undefined ? url.searchParams.get('t')! : o.token;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path, method: o.method ?? 'GET', headers: { host: o.host ?? url.host, ...(token ? { 'x-nianbao-token': token } : {}), ...o.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve({ status: 413, headers: {}, body: Buffer.alloc(0) }) : reject(e)));
    req.end(o.body);
  });
}

describe('nianbao edit: the server refuses what it must and writes nothing then', () => {
  let dir: string;
  let file: string;
  let server: RunningServer;
  let own: string;
  const listing = () => readdirSync(dir).sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-edit-sec-'));
    file = join(dir, 'report.yaml');
    writeFileSync(file, EXAMPLE);
    const session = await EditSession.open(file, decodeYamlBytes);
    const renders = new RenderService({ renderersModule: FAKE, workers: 1, maxInFlight: 1, options: {}, workerUrl: WORKER, timeoutMs: 3000 });
    server = await startEditorServer({
      host: '127.0.0.1',
      port: 0,
      token: 'test-token-0123456789abcdef',
      renders,
      editor: { session, notes: [], outDir: join(dir, 'output'), formats: ['docx', 'pdf', 'html'], renderersModule: FAKE, renderOptions: {} },
      assetsDir: new URL('../dist/editor/', import.meta.url),
    });
    own = `http://${new URL(server.url).host}`;
  });
  afterAll(async () => server?.close());

  const save = (headers: Record<string, string>, extra: Record<string, unknown> = {}, query = '') =>
    send(server, `/api/save${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ text: `${EXAMPLE}# changed\n`, base: 'x', ...extra }) });

  it('serves the page and the session with the token, and refuses them without it or with another', async () => {
    expect((await send(server, '/')).status).toBe(200);
    expect((await send(server, '/api/session')).status).toBe(200);
    expect((await send(server, '/api/session', { token: null })).status).toBe(403);
    expect((await send(server, '/api/session', { token: 'test-token-0123456789abcdeX' })).status).toBe(403);
    expect((await send(server, `/?t=wrong`, { token: null })).status).toBe(403);
    const page = await send(server, '/');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    for (const host of ['evil.example:80', `attacker.test:${new URL(server.url).port}`, 'localhost:1']) {
      const r = await send(server, '/api/session', { host });
      expect(r.status, host).toBe(421);
    }
  });

  it('refuses writes from a foreign Origin, or with no Origin, or naming a path; the file stays byte for byte', async () => {
    const before = readFileSync(file);
    const session = JSON.parse((await send(server, '/api/session')).body.toString()) as { base: string };
    const good = { base: session.base };
    expect((await save({ origin: 'http://evil.example' }, good)).status).toBe(403);
    expect((await save({}, good)).status).toBe(403);
    expect((await save({ origin: own, 'sec-fetch-site': 'cross-site' }, good)).status).toBe(403);
    expect((await save({ origin: own }, { ...good, path: '/tmp/evil.yaml' })).status).toBe(400);
    expect((await save({ origin: own }, { ...good, file: join(dir, 'other.yaml') })).status).toBe(400);
    expect((await save({ origin: own }, good, `?file=${encodeURIComponent(join(dir, 'other.yaml'))}`)).status).toBe(400);
    const output = await send(server, '/api/output?dir=/tmp', { method: 'POST', headers: { origin: own, 'content-type': 'application/json' }, body: JSON.stringify(good) });
    expect(output.status).toBe(400);
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/api/../report.yaml', '/report.yaml']) {
      expect((await send(server, path)).status, path).toBe(404);
    }
    expect(readFileSync(file)).toEqual(before);
    expect(listing()).toEqual(['report.yaml']);
  });

  it('refuses an oversized body at once (413) and writes nothing', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
    expect((await send(server, '/api/check', { method: 'POST', body: big, headers: { origin: own } })).status).toBe(413);
    expect((await send(server, '/api/render?format=pdf', { method: 'POST', body: big })).status).toBe(413);
    expect((await send(server, '/api/save', { method: 'POST', body: big, headers: { origin: own, 'content-type': 'application/json' } })).status).toBe(413);
    expect(listing()).toEqual(['report.yaml']);
    expect(readFileSync(file, 'utf8')).toBe(EXAMPLE);
  });

  it('saves with the right Origin and base; a second save on a stale base is a conflict', async () => {
    const session = JSON.parse((await send(server, '/api/session')).body.toString()) as { base: string; text: string };
    const same = await save({ origin: own }, { text: session.text, base: session.base });
    expect(JSON.parse(same.body.toString())).toMatchObject({ written: false });
    const ok = await save({ origin: own }, { base: session.base });
    expect(ok.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(`${EXAMPLE}# changed\n`);
    writeFileSync(file, EXAMPLE); // another program changes the file
    const stale = await save({ origin: own }, { base: (JSON.parse(ok.body.toString()) as { base: string }).base, text: `${EXAMPLE}# mine\n` });
    expect(stale.status).toBe(409);
    expect(readFileSync(file, 'utf8')).toBe(EXAMPLE);
    expect(listing()).toEqual(['report.yaml']);
  });

  it('POST /api/check answers exactly as check --json (schemas/output.schema.json)', async () => {
    const broken = EXAMPLE.replace('newlyReceived: [', 'newlyReceived: [1');
    const r = await send(server, '/api/check', { method: 'POST', body: broken });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body.toString()) as { files: { diagnostics: { code: string }[] }[]; errors: number };
    const schema = JSON.parse(readFileSync(new URL('../schemas/output.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(body.errors).toBeGreaterThan(0);
    const cli = await runCli(['check', '--json', writeTemp('report.yaml', broken)]);
    const fromCli = JSON.parse(cli.stdout) as { files: { diagnostics: { code: string; line: number; column: number; message: string }[] }[] };
    expect(body.files[0]!.diagnostics).toEqual(fromCli.files[0]!.diagnostics.map((d) => ({ ...d, file: 'report.yaml' })));
  });

  it('POST /api/render returns the file, 422 with the diagnostics for a broken report, 400 for an unknown format', async () => {
    const r = await send(server, '/api/render?format=pdf', { method: 'POST', body: EXAMPLE });
    expect(r.status).toBe(200);
    expect(r.body.toString()).toMatch(/^FAKE pdf/);
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('江州市生态环境局-2021.pdf'));
    const bad = await send(server, '/api/render?format=pdf', { method: 'POST', body: EXAMPLE.replace('agency:', 'agenc:') });
    expect(bad.status).toBe(422);
    expect((JSON.parse(bad.body.toString()) as { errors: number }).errors).toBeGreaterThan(0);
    expect((await send(server, '/api/render?format=exe', { method: 'POST', body: EXAMPLE })).status).toBe(400);
  });

  it('bounds renders in flight: past the bound a request gets 503 with Retry-After at once', async () => {
    const slow = EXAMPLE.replace('agency: "江州市生态环境局"', 'agency: "江州市生态环境局SLOW"');
    const first = send(server, '/api/render?format=pdf', { method: 'POST', body: slow });
    await new Promise((r) => setTimeout(r, 100));
    const second = await send(server, '/api/render?format=pdf', { method: 'POST', body: `${EXAMPLE}# 没有生成过的文本\n` });
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('1');
    // A text rendered before is answered from the memo (issue 18): no worker needed, the same bytes.
    const again = await send(server, '/api/render?format=pdf', { method: 'POST', body: EXAMPLE });
    expect(again.status).toBe(200);
    expect(again.body.toString()).toMatch(/^FAKE pdf/);
    expect(String(again.headers['content-disposition'])).toContain(encodeURIComponent('江州市生态环境局-2021.pdf'));
    const broken = await send(server, '/api/render?format=pdf', { method: 'POST', body: EXAMPLE.replace('agency:', 'agenc:') });
    expect(broken.status).toBe(422);
    expect((await first).status).toBe(200);
  });

  it('ends a render stuck past the time-out and answers with a Chinese error; the next render works', async () => {
    const hang = EXAMPLE.replace('agency: "江州市生态环境局"', 'agency: "江州市生态环境局HANG"');
    const r = await send(server, '/api/render?format=pdf', { method: 'POST', body: hang });
    expect(r.status).toBe(500);
    expect((JSON.parse(r.body.toString()) as { error: string }).error).toContain('超时');
    expect((await send(server, '/api/render?format=html', { method: 'POST', body: EXAMPLE })).status).toBe(200);
  }, 30_000);

  it('writes output/ as render does, only after the form is saved', async () => {
    // The file was changed behind the page's back above: reloaded, the page has its base.
    const session = JSON.parse((await send(server, '/api/reload', { method: 'POST', headers: { origin: own } })).body.toString()) as { base: string };
    const stale = await send(server, '/api/output', { method: 'POST', headers: { origin: own, 'content-type': 'application/json' }, body: JSON.stringify({ base: 'stale' }) });
    expect(stale.status).toBe(409);
    const r = await send(server, '/api/output', { method: 'POST', headers: { origin: own, 'content-type': 'application/json' }, body: JSON.stringify({ base: session.base }) });
    expect(r.status).toBe(200);
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['江州市生态环境局-2021.docx', '江州市生态环境局-2021.html', '江州市生态环境局-2021.pdf']);
  });
});

describe('nianbao edit: command line', () => {
  it('refuses another --host unless --allow-remote is given', async () => {
    const r = await runCli(['edit', writeTemp('a.yaml', EXAMPLE), '--host', '0.0.0.0', '--no-open']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--allow-remote');
  });

  it('does not overwrite an existing file with --new, and says how to open it', async () => {
    const existing = writeTemp('exists.yaml', EXAMPLE);
    const r = await runCli(['edit', '--new', '--agency', '某某局', '--year', '2024', '-o', existing, '--no-open']);
    expect(r.code).toBe(1);
    expect(readFileSync(existing, 'utf8')).toBe(EXAMPLE);
  });
});

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-edit-cli-'));
function writeTemp(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}
