/** The CLI's view of the terminal, injectable for tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** Raw stderr without a newline, for a progress bar redrawn in place (terminals only). */
  write?(text: string): void;
  /** Terminal width in columns, when known. */
  columns?: number;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  isTTY: process.stderr.isTTY === true,
  write: (t) => process.stderr.write(t),
  get columns() {
    return process.stderr.columns;
  },
};
