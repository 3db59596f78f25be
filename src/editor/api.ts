/**
 * The page's calls to its own server: every request carries the run's token (from the address
 * the editor was opened with); the browser adds the Origin the server checks on writes.
 */
export interface Snapshot {
  file: string;
  text: string;
  base: string;
  kind: 'file' | 'new' | 'from';
}

export interface SessionInfo extends Snapshot {
  previous: { file: string; text: string } | null;
  notes: string[];
  formats: string[];
  outDir: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const token = new URLSearchParams(location.search).get('t') ?? '';

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), 'x-nianbao-token': token }, cache: 'no-store' });
  } catch {
    throw new ApiError(0, '无法连接编辑服务：运行 nianbao edit 的窗口可能已经关闭，请重新运行后再试（页面上的修改还在，可先复制保存）');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    const message = typeof body.error === 'string' ? body.error : `请求失败（${res.status}）`;
    throw new ApiError(res.status, res.status === 422 && Array.isArray(body.files) ? '文件有错误，请先按“检查结果”修改' : message, body);
  }
  return res;
}

const json = (value: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

export const api = {
  session: async (): Promise<SessionInfo> => (await call('/api/session')).json() as Promise<SessionInfo>,
  save: async (text: string, base: string): Promise<{ base: string; written: boolean }> => (await call('/api/save', json({ text, base }))).json() as Promise<{ base: string; written: boolean }>,
  reload: async (): Promise<Snapshot> => (await call('/api/reload', { method: 'POST' })).json() as Promise<Snapshot>,
  output: async (base: string): Promise<{ ok: boolean; outputs: string[]; messages: string[] }> =>
    (await call('/api/output', json({ base }))).json() as Promise<{ ok: boolean; outputs: string[]; messages: string[] }>,
  import: async (file: File): Promise<{ yaml: string; unsure: Record<string, string>; notes: string[] }> => {
    const type = (/\.([a-z]+)$/i.exec(file.name)?.[1] ?? '').toLowerCase().replace(/^htm$/, 'html');
    return (await call(`/api/import?type=${encodeURIComponent(type)}&name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file })).json() as Promise<{ yaml: string; unsure: Record<string, string>; notes: string[] }>;
  },
  /** The rendered file and its name (Content-Disposition). */
  render: async (text: string, format: string): Promise<{ blob: Blob; name: string }> => {
    const res = await call(`/api/render?format=${format}`, { method: 'POST', headers: { 'content-type': 'application/yaml; charset=utf-8' }, body: text });
    const disposition = res.headers.get('content-disposition') ?? '';
    const m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    return { blob: await res.blob(), name: m ? decodeURIComponent(m[1]!) : `report.${format}` };
  },
};
