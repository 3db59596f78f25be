import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { writeAtomic } from '../cli/batch/atomic.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from '../source/decode.js';
import { loadYaml } from '../source/load.js';

/**
 * The one file an editor run was started for. Saving writes only this file, atomically
 * (cli/batch/atomic.ts, as `render` writes its outputs), and only when the file on disk is still
 * the one the form was loaded from: `base` is the hash of the bytes read, or ABSENT for a file
 * not yet written (`--new`, `--from`).
 */
export const ABSENT = 'absent';

export interface Snapshot {
  /** The path as given on the command line (diagnostics name it so, as `check` does). */
  file: string;
  text: string;
  base: string;
  /** How the text came about: read from the file, or a new report not yet saved. */
  kind: 'file' | 'new' | 'from';
}

export type SaveResult = { ok: true; base: string; written: boolean } | { ok: false; conflict: true } | { ok: false; conflict: false; message: string };

export class EditSession {
  private base: string;
  private bom = false;

  constructor(
    readonly file: string,
    private text: string,
    base: string,
    readonly kind: Snapshot['kind'],
  ) {
    this.base = base;
  }

  /** Opens an existing file (UTF-8, a BOM kept on save). */
  static async open(file: string, decode: (bytes: Uint8Array) => { ok: true; text: string } | { ok: false; message: string }): Promise<EditSession> {
    const bytes = await readFile(file);
    const decoded = decode(bytes);
    if (!decoded.ok) throw new SessionError(decoded.message);
    const session = new EditSession(file, decoded.text, hash(bytes), 'file');
    session.bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return session;
  }

  snapshot(): Snapshot {
    return { file: this.file, text: this.text, base: this.base, kind: this.kind };
  }

  /** The file as it is on disk now (for "reload"), or undefined when it does not exist. */
  async reload(decode: Parameters<typeof EditSession.open>[1]): Promise<Snapshot | undefined> {
    const bytes = await readFile(this.file).catch(() => undefined);
    if (!bytes) return undefined;
    const decoded = decode(bytes);
    if (!decoded.ok) throw new SessionError(decoded.message);
    this.text = decoded.text;
    this.base = hash(bytes);
    this.bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return this.snapshot();
  }

  async diskBase(): Promise<string> {
    const bytes = await readFile(this.file).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    return bytes ? hash(bytes) : ABSENT;
  }

  async save(text: string, base: string): Promise<SaveResult> {
    if (base !== this.base || (await this.diskBase()) !== this.base) return { ok: false, conflict: true };
    // Only YAML the checks can read is written: the form never makes other, but nothing half-made lands on disk.
    const loaded = loadYaml(text, this.file);
    if (!loaded.ok && loaded.diagnostics.some((d) => d.code.startsWith('yaml/') || d.code.startsWith('input/'))) {
      return { ok: false, conflict: false, message: `没有保存：内容不是有效的 YAML（${loaded.diagnostics[0]!.message}）` };
    }
    if (text === this.text && this.base !== ABSENT) return { ok: true, base: this.base, written: false };
    const body = new TextEncoder().encode(text);
    if (body.length > MAX_INPUT_BYTES) return { ok: false, conflict: false, message: `没有保存：${tooLargeMessage(body.length)}` };
    const bytes = this.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
    await writeAtomic(dirname(this.file) || '.', basename(this.file), bytes);
    this.text = text;
    this.base = hash(bytes);
    return { ok: true, base: this.base, written: true };
  }
}

export class SessionError extends Error {}

export function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
