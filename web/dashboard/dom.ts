/**
 * The only way the dashboard puts text on the page: text nodes and `textContent`, never innerHTML.
 * Attributes are limited to a fixed safe list; links only with http(s) URLs.
 */
export type Child = Node | string | number | null | undefined | false;

const SAFE_ATTRS = new Set(['class', 'title', 'lang', 'datetime', 'value', 'type', 'colspan', 'data-symbol', 'data-slug', 'data-lang', 'data-key']);

/** Creates an element; string children become text nodes. @throws Error on an attribute outside the safe list. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (!SAFE_ATTRS.has(k)) throw new Error(`attribute not allowed: ${k}`);
    el.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** A link only when `url` parses as http or https; otherwise the text alone. */
export function safeLink(url: string | null, text: string): HTMLElement {
  if (url !== null) {
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') {
        const a = document.createElement('a');
        a.href = u.href;
        a.rel = 'noopener noreferrer nofollow';
        a.target = '_blank';
        a.textContent = text;
        return a;
      }
    } catch {
      // not a URL: fall through to plain text
    }
  }
  return h('span', {}, text);
}

/** A link to a page of the served site (`/site/...`, same origin) only; otherwise the text alone. */
export function siteLink(path: string | null | undefined, text: string): HTMLElement {
  if (typeof path === 'string' && /^\/site\/[A-Za-z0-9._\/-]+\.html$/.test(path) && !path.includes('..')) {
    const a = document.createElement('a');
    a.href = path;
    a.className = 'post';
    a.textContent = text;
    return a;
  }
  return h('span', {}, text);
}

/** Replaces the children of `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** `document.getElementById` that throws when the element is missing. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return el as T;
}
