import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The problems a published original can have that a transcription keeps as printed. */
const AS_PRINTED = /^(identity|prose|crossyear\/carried-over)(\/|$)/;

/** Appended to each such message: the figure or sentence is the original's, not a typing error. */
export const AS_PRINTED_NOTE = '（原文如此：已发布年报的转录，按原文保留）';

/**
 * A transcription of a published report (`published:`): the original's identity and prose
 * problems are still found and listed, with their usual codes, as warnings that say so; they do
 * not block rendering. Schema errors (a value that is not a figure) stay errors.
 */
export function asPublished(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (AS_PRINTED.test(d.code) ? { ...d, severity: 'warning', message: `${d.message}${AS_PRINTED_NOTE}` } : d));
}
