import type { Document } from '../../model/document.js';
import { DEFAULT_STYLE, type Style } from '../../model/style.js';
import type { Renderer, RenderOptions } from '../types.js';
import { bodyHtml } from './blocks.js';
import { SCOPE, stylesheet } from './css.js';
import { SHELLS } from './shell.js';

/**
 * Document → one self-contained HTML page (inline CSS, no scripts, no external requests), or with
 * `fragment` only the report body in a scoped wrapper for a portal's editor. Pure and
 * deterministic: the same Document gives the same bytes.
 */
export function renderHtmlString(doc: Document, options: RenderOptions = {}, style: Style = DEFAULT_STYLE): string {
  const fragment = options.fragment === true;
  const fields = {
    lang: doc.meta.lang,
    scope: SCOPE,
    title: doc.meta.title,
    author: doc.meta.author,
    keywords: doc.meta.keywords.join(','),
    description: doc.meta.subject,
    source: doc.meta.source?.from ?? '',
    issued: doc.meta.source?.date ?? '',
    css: cachedStylesheet(style, !fragment),
    body: bodyHtml(doc, idPrefix(doc), style),
  };
  return (fragment ? SHELLS.fragment : SHELLS.page)(fields);
}

/** The stylesheet depends only on the style: built once per style and kind of output. */
const sheets = new WeakMap<Style, Map<boolean, string>>();
function cachedStylesheet(style: Style, page: boolean): string {
  let byKind = sheets.get(style);
  if (!byKind) sheets.set(style, (byKind = new Map()));
  let css = byKind.get(page);
  if (css === undefined) byKind.set(page, (css = stylesheet(style, { page })));
  return css;
}

export const renderHtml: Renderer = async (doc, options) => ({
  bytes: new TextEncoder().encode(renderHtmlString(doc, options)),
  warnings: [],
});

export default renderHtml;

/**
 * Prefix of the ids that tie data cells to their headers. Derived from the title so that two
 * fragments pasted into one portal page (two years of one agency) keep distinct ids.
 */
function idPrefix(doc: Document): string {
  let h = 0x811c9dc5;
  for (const ch of doc.meta.title) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `nb${h.toString(36)}`;
}
