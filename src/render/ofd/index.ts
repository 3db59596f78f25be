import { preparePaged } from '../pdf/prepare.js';
import type { Renderer } from '../types.js';
import { paintOfd } from './paint.js';

/** Document → OFD bytes: the PDF's own layout (preparePaged), painted as GB/T 33190 XML in a zip. */
export const renderOfd: Renderer = async (doc, options) => {
  const paged = preparePaged(doc, options);
  const { bytes, warnings } = paintOfd(doc, paged);
  return { bytes, warnings: [...paged.warnings, ...warnings] };
};
