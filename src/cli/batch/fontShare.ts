import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { FontFileReader } from '../../fonts/files.js';

/** What a worker is given to ask its pool for font files: its end of a channel and a wake-up flag. */
export interface FontShareHandle {
  port: MessagePort;
  /** Int32 0 while a request is pending, 1 when the answer is on the port. */
  flag: SharedArrayBuffer;
}

type FontReply = { file: string; bytes: SharedArrayBuffer } | { file: string; code: string };

/** How long a worker waits for the pool before it reads the file itself. */
const ANSWER_TIMEOUT_MS = 60_000;

/**
 * The pool's side: one copy of each font file a worker reads whole, in shared memory, for all
 * workers. Each worker would otherwise hold its own copy of a CJK face with CFF outlines (a Noto
 * CJK collection is 20–25 MB); TrueType outlines a worker reads itself as it embeds them
 * (fonts/lazyFile.ts), a few MB of a 15 MB face.
 */
export class SharedFontFiles {
  private readonly files = new Map<string, FontReply>();
  private readonly ports = new Set<MessagePort>();

  /** How many distinct files are held (tests). */
  get size(): number {
    return this.files.size;
  }

  /** A channel for one worker: pass `handle` in its workerData and `transfer` in its transferList. */
  connect(): { handle: FontShareHandle; transfer: MessagePort[]; close(): void } {
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    const signal = new Int32Array(flag);
    port1.on('message', (file: string) => {
      port1.postMessage(this.answer(file));
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
    port1.unref(); // an open channel never keeps the batch alive
    this.ports.add(port1);
    const close = () => {
      port1.close();
      this.ports.delete(port1);
    };
    return { handle: { port: port2, flag }, transfer: [port2], close };
  }

  close(): void {
    for (const p of this.ports) p.close();
    this.ports.clear();
    this.files.clear();
  }

  private answer(file: string): FontReply {
    let reply = this.files.get(file);
    if (!reply) {
      try {
        reply = { file, bytes: readShared(file) };
      } catch (e) {
        reply = { file, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
      }
      this.files.set(file, reply);
    }
    return reply;
  }
}

function readShared(file: string): SharedArrayBuffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new SharedArrayBuffer(size);
    const view = new Uint8Array(bytes);
    for (let at = 0; at < size; ) {
      const n = readSync(fd, view, at, size - at, at);
      if (n === 0) break; // the file shrank while it was read: fontkit will report it damaged
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * The worker's side: a font file reader (fonts/files.ts) that asks the pool and sleeps until the
 * answer is there. Loading a face is synchronous, so the worker blocks on the flag (Atomics.wait)
 * and takes the answer off the port without its event loop. If the pool does not answer, the
 * worker reads the file itself.
 */
export function sharedFontReader(handle: FontShareHandle): FontFileReader {
  const signal = new Int32Array(handle.flag);
  return (file) => {
    Atomics.store(signal, 0, 0);
    handle.port.postMessage(file);
    Atomics.wait(signal, 0, 0, ANSWER_TIMEOUT_MS);
    // Every answer waiting on the port is taken; a late one for an earlier request is dropped.
    let reply: FontReply | undefined;
    for (let m = receiveMessageOnPort(handle.port); m; m = receiveMessageOnPort(handle.port)) {
      if ((m.message as FontReply).file === file) reply = m.message as FontReply;
    }
    if (!reply) return readFileSync(file);
    if ('code' in reply) throw Object.assign(new Error(`${reply.code}: ${file}`), { code: reply.code });
    return Buffer.from(reply.bytes);
  };
}
