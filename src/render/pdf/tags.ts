import type { Tag } from './types.js';

/** Whether two drawn items belong to the same structure element (one marked-content run in the PDF, one tag in the OFD). */
export function sameTag(a: Tag | undefined, b: Tag): boolean {
  if (!a || a.kind !== b.kind) return false;
  if (a.kind === 'artifact') return true;
  if (a.kind === 'block') return b.kind === 'block' && a.block === b.block;
  return b.kind === 'cell' && a.block === b.block && a.row === b.row && a.col === b.col;
}
