import Handlebars from 'handlebars';
import { TEMPLATE_SOURCES } from '../generated/templates.js';

/**
 * Text templates (design.md: "Templates"). Handlebars is used only as a parser: the renderer
 * below accepts plain `{{name.path}}` placeholders and nothing else — no helpers, blocks,
 * partials, `this` or `@data` — and looks names up in a flat map, so a template can never reach
 * a prototype or run code, whatever the YAML says.
 */
export class TemplateError extends Error {
  constructor(
    readonly code: 'template/unknown-placeholder' | 'template/unsupported' | 'template/syntax',
    message: string,
    /** 1-based line inside the template text. */
    readonly line: number,
  ) {
    super(message);
  }
}

export type TextContext = ReadonlyMap<string, string>;

type Loc = { start: { line: number; column: number } };
type Node = { type: string; loc?: Loc | null };
type PathNode = Node & { original: string; data: boolean; parts: string[] };
type MustacheNode = Node & { path: PathNode | Node; params: unknown[]; hash?: unknown };

const cache = new Map<string, Node[]>();

function parse(template: string): Node[] {
  const hit = cache.get(template);
  if (hit) return hit;
  let program: { body: Node[] };
  try {
    program = Handlebars.parse(template) as unknown as { body: Node[] };
  } catch (e) {
    const m = /line (\d+)/.exec(e instanceof Error ? e.message : '');
    throw new TemplateError('template/syntax', '占位符写法不对：“{{”和“}}”要成对出现，中间只写名称', m ? Number(m[1]) : 1);
  }
  if (cache.size > 1000) cache.clear();
  cache.set(template, program.body);
  return program.body;
}

/** Renders `{{a.b}}` placeholders from `context`; text without `{{` is returned as is. */
export function renderText(template: string, context: TextContext): string {
  if (!template.includes('{{')) return template;
  return renderPieces(template, context).map((p) => p.text).join('');
}

/**
 * A piece of rendered text: literal text of the template, or the value of a placeholder, with
 * the offset in the template where it comes from (so a check can point into the YAML source).
 */
export interface TextPiece {
  text: string;
  /** Offset in the template of the piece's first character (of the `{{` for a placeholder). */
  from: number;
  placeholder: boolean;
}

/** `renderText`, piece by piece: the rendered text is the pieces' texts joined. */
export function renderPieces(template: string, context: TextContext): TextPiece[] {
  if (!template.includes('{{')) return [{ text: template, from: 0, placeholder: false }];
  const lineStarts = [0];
  for (let i = template.indexOf('\n'); i >= 0; i = template.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (loc: Loc | null | undefined): number => (loc ? (lineStarts[loc.start.line - 1] ?? 0) + loc.start.column : 0);
  const out: TextPiece[] = [];
  for (const node of parse(template)) {
    const line = node.loc?.start.line ?? 1;
    if (node.type === 'ContentStatement') {
      const value = (node as Node & { value: string }).value;
      // The loc covers the original text; `\{{` escapes and `{{~` trimming make the value shorter.
      const from = offset(node.loc);
      const original = template.slice(from, from + value.length + 64);
      out.push({ text: value, from: from + Math.max(0, original.indexOf(value)), placeholder: false });
    } else if (node.type === 'CommentStatement') continue;
    else if (node.type === 'MustacheStatement') {
      const m = node as MustacheNode;
      const p = m.path as PathNode;
      if (p.type !== 'PathExpression' || p.data || m.params.length > 0 || m.hash || p.parts.length === 0 || /^(this|\.)/.test(p.original)) {
        throw new TemplateError('template/unsupported', `不支持的占位符写法“{{${p.original ?? '…'}}}”：只能写数据名称，如 {{applications.newlyReceived.total}}`, line);
      }
      const name = p.parts.join('.');
      const value = context.get(name);
      if (value === undefined) throw new TemplateError('template/unknown-placeholder', `没有名为“${name}”的数据可供引用`, line);
      out.push({ text: value, from: offset(node.loc), placeholder: true });
    } else {
      throw new TemplateError('template/unsupported', '不支持 {{#…}}、{{>…}} 等模板语法：只能写 {{数据名称}}', line);
    }
  }
  return out;
}

/** A template of templates/ (compiled into the build, so the browser editor has the same texts). */
export function templateSource(name: string): string {
  const text = TEMPLATE_SOURCES[name];
  if (text === undefined) throw new Error(`templates/${name} is missing from src/generated/templates.ts (npm run build)`);
  return text;
}

const load = (name: string) => {
  const text = templateSource(name).replace(/\n+$/, '');
  return (values: Record<string, string | number>) =>
    renderText(text, new Map(Object.entries(values).map(([k, v]) => [k, String(v)])));
};

/** The project's own texts (templates/*.hbs). */
export const TEMPLATES = {
  title: load('title.hbs'),
  fees: load('fees.hbs'),
  feesNone: load('fees-none.hbs'),
  otherEmpty: load('other-empty.hbs'),
};

