import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { jsonOutput, type JsonOutput } from '../../diagnostics/jsonOutput.js';

/** What happened to one input file, for the progress display and the summary. */
export interface FileOutcome {
  file: string;
  ok: boolean;
  /** Paths written, in format order. */
  outputs: string[];
  /** Every diagnostic of the file: check, renderer warnings, failures (for `--json`). */
  diagnostics: Diagnostic[];
  /** Diagnostics, renderer warnings and failures, ready to print, in that order. */
  messages: string[];
  errors: number;
  warnings: number;
  /** Warnings counted in `warnings` but not in `messages`: shown already for an earlier file. */
  repeated: number;
}

export interface BatchSummary {
  outcomes: FileOutcome[];
  /** Input files fully rendered. */
  rendered: number;
  failed: number;
  /** Output files written. */
  written: number;
  warnings: number;
  /** Repeats of a position-less warning, not shown again. */
  repeated: number;
  seconds: number;
}

/** Progress display: a bar on a terminal, one line per file otherwise (see progress.ts). */
export interface Reporter {
  start(total: number): void;
  file(outcome: FileOutcome): void;
  end(summary: BatchSummary): void;
}

export function summarize(outcomes: FileOutcome[], seconds: number): BatchSummary {
  const failed = outcomes.filter((o) => !o.ok).length;
  return {
    outcomes,
    rendered: outcomes.length - failed,
    failed,
    written: outcomes.reduce((n, o) => n + o.outputs.length, 0),
    warnings: outcomes.reduce((n, o) => n + o.warnings, 0),
    repeated: outcomes.reduce((n, o) => n + o.repeated, 0),
    seconds,
  };
}

/** `render --json`: the one output shape of every command (README "JSON 输出"). */
export function summaryJson(s: BatchSummary): JsonOutput {
  return jsonOutput(
    s.outcomes.map((o) => ({ file: o.file, ok: o.ok, outputs: o.outputs, diagnostics: o.diagnostics })),
    Math.round(s.seconds * 1000) / 1000,
  );
}

/** `完成：…` — rendered, failed, warnings, time (issue 5). */
export function summaryText(s: BatchSummary): string {
  const repeats = s.repeated > 0 ? `（其中 ${s.repeated} 条与前面相同，未重复显示）` : '';
  const head = `完成：${s.rendered} 份报告已生成（${s.written} 个文件），${s.failed} 份失败，${s.warnings} 条警告${repeats}，用时 ${s.seconds.toFixed(1)} 秒`;
  const failedFiles = s.outcomes.filter((o) => !o.ok).map((o) => o.file);
  return failedFiles.length === 0 ? head : `${head}\n失败的文件：${failedFiles.join('、')}`;
}

/** Why a write failed, in words a clerk understands; the caller names the file. */
export function writeErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOSPC: '磁盘空间不足',
    EDQUOT: '磁盘配额已用完',
    EROFS: '文件系统是只读的',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    ENOTDIR: '路径中有一段不是文件夹',
    EEXIST: '同名文件已存在且不是文件夹',
    ENAMETOOLONG: '文件名过长',
    EISDIR: '同名的文件夹已存在',
    ENOTEMPTY: '同名的文件夹已存在',
    EBUSY: '文件正被其他程序占用',
    EIO: '磁盘读写出错',
  };
  const known = code ? words[code] : undefined;
  if (known) return `${known}（${code}）`;
  // Node's own text for a system error is English and names our temp file: the code says enough.
  if (code) return `写入失败（${code}）`;
  return e instanceof Error ? e.message : String(e);
}
