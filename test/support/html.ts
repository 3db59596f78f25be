import { parse, parseFragment } from 'parse5';

/**
 * A small view over parse5's tree for the HTML tests. parse5 implements the WHATWG parsing
 * algorithm, so the tests see the same tree a browser builds (implied <tbody>, misnested tags
 * and all), not what a lenient regex would like to see.
 */
export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  /** Text content, `<br>` read as `\n`. */
  text: string;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
}

function convert(node: P5Node): El {
  const children: El[] = [];
  let text = '';
  for (const child of node.childNodes ?? node.content?.childNodes ?? []) {
    if (child.nodeName === '#text') text += child.value ?? '';
    else if (child.tagName === 'br') text += '\n';
    else if (child.tagName) {
      const el = convert(child);
      children.push(el);
      if (el.tag !== 'style') text += el.text;
    }
  }
  return { tag: node.tagName ?? node.nodeName, attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])), children, text };
}

export const parseHtml = (html: string): El => convert(parse(html) as unknown as P5Node);
export const parseHtmlFragment = (html: string): El => convert(parseFragment(html) as unknown as P5Node);

/** Every descendant element matching `pred`, in document order. */
export function findAll(root: El, pred: (el: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (el: El) => {
    for (const c of el.children) {
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

export const byTag = (root: El, tag: string): El[] => findAll(root, (el) => el.tag === tag);
