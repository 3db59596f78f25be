import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { OutputFormat, RenderOptions } from '../../render/types.js';
import type { FontShareHandle } from './fontShare.js';

/**
 * Messages between the batch and whoever runs a job (a worker thread or the main thread).
 * Plain data only: they cross `postMessage`.
 */
export interface JobSpec {
  id: number;
  file: string;
  formats: OutputFormat[];
  options: RenderOptions;
  /**
   * The input's content when it is not read from `file`: standard input (read by the CLI), the
   * YAML the editor's render API received. Checked as `file` names it.
   */
  bytes?: Uint8Array;
}

/** Sent as soon as the file is checked, so names can be handed out before rendering ends. */
export interface CheckedMessage {
  type: 'checked';
  id: number;
  /** Safe stem from agency and year; null when the file has errors (nothing will be written). */
  stem: string | null;
  diagnostics: Diagnostic[];
  /** Each diagnostic's source line (for the caret display), where there is one. */
  lines: (string | undefined)[];
  errors: number;
  warnings: number;
}

export interface RenderedOutput {
  format: OutputFormat;
  bytes: Uint8Array;
  /** Renderer warnings with a YAML position. */
  warnings: Diagnostic[];
  /**
   * Renderer warnings without a position, such as a font fallback (at the input's 1:1): the
   * same for every file, so a batch shows each once.
   */
  generalWarnings: Diagnostic[];
}

export interface DoneMessage {
  type: 'done';
  id: number;
  outputs: RenderedOutput[];
  /** One line per format that failed, in Chinese, never a stack trace. */
  failures: string[];
}

/** The runner lost the job: its worker crashed or exited. */
export interface CrashMessage {
  type: 'crashed';
  id: number;
  message: string;
}

export type JobEvent = CheckedMessage | DoneMessage | CrashMessage;

/** Worker → pool once its renderers module is loaded (a worker that dies before this is broken). */
export interface ReadyMessage {
  type: 'ready';
}

export interface WorkerInit {
  renderersModule: string;
  /** Font files come from the pool's shared copies (fontShare.ts). */
  fonts?: FontShareHandle;
}
