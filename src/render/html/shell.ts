import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

/**
 * The page shell (templates/html/*.hbs), rendered by its own isolated Handlebars instance
 * (design.md "Templates"): strict (a missing field is an error, not an empty string), only the
 * built-in helpers known at compile time, no prototype access. Every `{{field}}` is escaped by
 * Handlebars; the two `{{{…}}}` fields (css, body) are markup this module's callers built with
 * every piece of user text already escaped.
 */
export interface ShellFields {
  lang: string;
  scope: string;
  title: string;
  author: string;
  keywords: string;
  description: string;
  /** A transcription's original (`published:`): shown as `dcterms.source` / `dcterms.issued` meta, empty otherwise. */
  source: string;
  issued: string;
  /** Built markup, inserted raw. */
  css: string;
  /** Built markup, inserted raw. */
  body: string;
}

const hbs = Handlebars.create();
const dir = new URL('../../../templates/html/', import.meta.url);

function compile(name: string): (fields: ShellFields) => string {
  const source = readFileSync(new URL(name, dir), 'utf8');
  const template = hbs.compile<ShellFields>(source, { strict: true, knownHelpersOnly: true, preventIndent: true });
  return (fields) => template(fields, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

export const SHELLS = {
  page: compile('page.hbs'),
  fragment: compile('fragment.hbs'),
};
