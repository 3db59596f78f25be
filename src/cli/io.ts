/** The CLI's view of the terminal, injectable for tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** Raw stderr without a newline, for a progress bar redrawn in place (terminals only). */
  write?(text: string): void;
  /** Terminal width in columns, when known. */
  columns?: number;
  /**
   * Standard input, for `-` on the command line: its bytes, at most `limit + 1` of them (so a
   * caller can tell "too large" without reading a huge pipe to its end).
   */
  readStdin?(limit: number): Promise<Uint8Array>;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  isTTY: process.stderr.isTTY === true,
  write: (t) => process.stderr.write(t),
  get columns() {
    return process.stderr.columns;
  },
  readStdin: (limit) => readStream(process.stdin, limit),
};

export async function readStream(stream: AsyncIterable<Uint8Array | string>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    chunks.push(bytes);
    size += bytes.length;
    if (size > limit) break;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
