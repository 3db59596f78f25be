import Handlebars from 'handlebars';
import { TEMPLATE_SPECS } from '../../generated/templates.js';

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

/**
 * Precompiled at build time (scripts/embed-templates.mjs, with strict, knownHelpersOnly and
 * preventIndent) rather than compiled here: no code is generated at run time, so the editor's
 * page runs under a policy without eval.
 */
function compile(name: string): (fields: ShellFields) => string {
  const spec = TEMPLATE_SPECS[`html/${name}`];
  if (!spec) throw new Error(`templates/html/${name} is missing from src/generated/templates.ts (npm run build)`);
  const template = hbs.template<ShellFields>(spec);
  return (fields) => template(fields, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

export const SHELLS = {
  page: compile('page.hbs'),
  fragment: compile('fragment.hbs'),
};
