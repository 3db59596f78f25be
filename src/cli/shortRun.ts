import { setFlagsFromString } from 'node:v8';

/**
 * Below this a one-report `render` process finishes faster without V8's optimising compiler:
 * the compiles cost more than the code they would speed up runs (issue 18, whole processes on this
 * 2-core machine: seed 004 576 → 479 ms median; a 63 KB report 703 → 685 ms, 159 KB 1,042 →
 * 899 ms, but 651 KB 1.56 → 2.40 s). Real reports are 5–60 KB.
 */
export const SHORT_RUN_MAX_BYTES = 200 * 1024;

/** Whether a `render` of these inputs is one short job: one file, small, not kept running by --watch. */
export function isShortRun(inputBytes: readonly number[], watch: boolean): boolean {
  return !watch && inputBytes.length === 1 && inputBytes[0]! <= SHORT_RUN_MAX_BYTES;
}

/**
 * For the CLI's own process only (cli/commands.ts): V8 flags are the process's, so the library,
 * the tests and the editor's server never call this.
 */
export function withoutOptimisingCompiler(): void {
  setFlagsFromString('--no-opt');
  turnedOff = true;
}

let turnedOff = false;

/**
 * Undoes withoutOptimisingCompiler when the process ends, before its compiled code is saved: V8
 * takes saved code only under the flags it was compiled with (cli/codeCache.ts), and the next
 * process compiles under the default ones.
 */
export function restoreOptimisingCompiler(): void {
  if (turnedOff) setFlagsFromString('--opt');
  turnedOff = false;
}
