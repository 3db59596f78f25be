/** A form control with the slot its messages show in. */
export interface Field {
  key: string;
  kind: 'cell' | 'label' | 'field' | 'prose';
  input: HTMLInputElement | HTMLTextAreaElement;
  message: HTMLElement;
}

type Props<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], 'style'>> & { style?: string };

/** `document.createElement` with properties (text is always set as text, never as markup). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props<K> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { style, ...rest } = props;
  Object.assign(node, rest);
  if (style) node.setAttribute('style', style);
  node.append(...children);
  return node;
}
