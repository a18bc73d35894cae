/**
 * Building the page from server values: every value goes in as a text node (textContent), never
 * through innerHTML, so markup in gene names, explanations or notes shows as the characters it is.
 */
export type Child = Node | string | number | undefined | null | false;

export interface Attrs {
  [name: string]: string | boolean | undefined;
}

/** `<tag attrs>children</tag>`; string children become text nodes, attribute values are set as data. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces the element's content. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A button that runs `action` on click (keyboard: buttons take Enter and Space natively). */
export function button(label: string, action: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', action);
  return b;
}

/** A `<section id>` titled by its `<h3 id="<id>-title">`, which labels it for screen readers. */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  const titleId = `${id}-title`;
  return el('section', { id, 'aria-labelledby': titleId }, el('h3', { id: titleId }, title), ...children);
}

/** A table with a header row; `rows` are lists of cells. */
export function table(caption: string, headers: string[], rows: Child[][], attrs: Attrs = {}): HTMLTableElement {
  return el(
    'table',
    attrs,
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => el('td', {}, c))))),
  );
}
