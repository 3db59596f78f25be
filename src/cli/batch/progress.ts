import { displayWidth } from '../../diagnostics/format.js';
import type { Io } from '../io.js';
import { summaryText, type BatchSummary, type FileOutcome, type Reporter } from './outcome.js';

/** A bar on a terminal (stderr), redrawn in place; plain lines when stderr is not a terminal. */
export function makeReporter(io: Io): Reporter {
  return io.isTTY && io.write ? new BarReporter(io, io.write) : new LineReporter(io);
}

/** One line per file, for logs and CI: `✓ a.yaml → out/a-2021.docx, out/a-2021.pdf`. */
export class LineReporter implements Reporter {
  constructor(
    private readonly io: Io,
    private readonly withSummary = true,
  ) {}
  start(): void {}
  file(o: FileOutcome): void {
    for (const m of o.messages) this.io.err(m);
    this.io.err(lineFor(o));
  }
  end(s: BatchSummary): void {
    if (this.withSummary) this.io.err(summaryText(s));
  }
}

const BAR_WIDTH = 24;

class BarReporter implements Reporter {
  private total = 0;
  private done = 0;
  private failed = 0;
  private readonly started = performance.now();
  private last = '';
  private current = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: Io,
    private readonly write: (text: string) => void,
  ) {}

  start(total: number): void {
    this.total = total;
    this.draw();
    // Keeps the clock moving while a long file renders; never keeps the process alive.
    this.timer = setInterval(() => this.draw(), 250).unref();
  }

  file(o: FileOutcome): void {
    this.done++;
    if (!o.ok) this.failed++;
    // Messages and failed files scroll above the bar; good files only move the bar.
    if (o.messages.length > 0 || !o.ok) {
      this.clear();
      for (const m of o.messages) this.io.err(m);
      if (!o.ok) this.io.err(lineFor(o));
    }
    this.current = o.file;
    this.draw();
  }

  end(s: BatchSummary): void {
    clearInterval(this.timer);
    this.clear();
    this.io.err(summaryText(s));
  }

  private draw(): void {
    const filled = this.total === 0 ? BAR_WIDTH : Math.round((this.done / this.total) * BAR_WIDTH);
    const secs = ((performance.now() - this.started) / 1000).toFixed(1);
    const head = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${this.done}/${this.total}${this.failed ? ` 失败 ${this.failed}` : ''} ${secs} 秒 `;
    const room = (this.io.columns ?? 80) - displayWidth(head) - 1;
    const line = head + fit(this.current, room);
    if (line !== this.last) this.write(`\r\x1b[2K${line}`);
    this.last = line;
  }

  private clear(): void {
    this.write('\r\x1b[2K');
    this.last = '';
  }
}

function lineFor(o: FileOutcome): string {
  if (!o.ok) return `✗ ${o.file}：未完成${o.outputs.length > 0 ? `（已写出 ${o.outputs.join('、')}）` : ''}`;
  return `✓ ${o.file} → ${o.outputs.join('、')}`;
}

/** Keeps the tail of a path within `room` terminal columns (CJK counts two). */
function fit(text: string, room: number): string {
  if (room <= 1) return '';
  if (displayWidth(text) <= room) return text;
  const chars = [...text];
  while (chars.length > 0 && displayWidth(chars.join('')) > room - 1) chars.shift();
  return `…${chars.join('')}`;
}
