/**
 * Escaping for the two contexts user text reaches in the HTML page. All text of the Document
 * (prose, labels, figures, meta) is user-controlled: it must come out literally, never as markup,
 * so `<script>` prints as text and `{{…}}` is never seen by a template engine again.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Element content where a template line break `\n` (spec §2–§3) becomes `<br>`. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

/**
 * A CSS string literal. Font names can be overridden by the user (style.ts), so anything but
 * plain letters is written as a CSS escape: no quote, backslash or `</style>` can break out.
 */
export function cssString(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += /[\p{L}\p{N} _-]/u.test(ch) ? ch : `\\${cp.toString(16)} `;
  }
  return `"${out}"`;
}
