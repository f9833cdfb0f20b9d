/** An element of a feed document: what the feed mapper reads, whichever XML reader built it. */
export interface XmlNode {
  /** The name as written, e.g. `dc:date`, `rss:channel`, `entry`. */
  readonly name: string;
  /** The name without its prefix: `date`, `channel`, `entry`. */
  readonly local: string;
  /** The namespace URI the prefix (or default namespace) resolves to, or '' when none is declared. */
  readonly ns: string;
  /** Attributes by their name as written (`href`, `xml:base`, `rdf:about`), values decoded. */
  readonly attrs: Readonly<Record<string, string>>;
  /** Text (decoded) and child elements, in document order. */
  readonly children: (XmlNode | string)[];
  /** 1-based line of the start tag. */
  readonly line: number;
}

/** Prefixes feeds use without declaring them (a lenient read resolves them by convention). */
export const CONVENTIONAL_NS: Readonly<Record<string, string>> = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss: 'http://purl.org/rss/1.0/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace',
};

/**
 * Builds XmlNodes from start/end/text events, resolving namespace prefixes (xmlns declarations in scope, then
 * CONVENTIONAL_NS for undeclared ones). Shared by the strict and the forgiving reader.
 */
export class XmlTreeBuilder {
  readonly roots: XmlNode[] = [];
  private readonly stack: { node: XmlNode; ns: Map<string, string> }[] = [];

  open(name: string, attrs: Record<string, string>, line: number): void {
    const parentNs = this.stack.at(-1)?.ns;
    let ns = parentNs ?? new Map<string, string>();
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (ns === parentNs) ns = new Map(ns);
        ns.set(k === 'xmlns' ? '' : k.slice(6), v.trim());
      }
    }
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const uri = ns.get(prefix) ?? (prefix === '' ? '' : (CONVENTIONAL_NS[prefix.toLowerCase()] ?? `urn:undeclared:${prefix}`));
    const node: XmlNode = { name, local: colon < 0 ? name : name.slice(colon + 1), ns: uri, attrs, children: [], line };
    const parent = this.stack.at(-1)?.node;
    if (parent) parent.children.push(node);
    else this.roots.push(node);
    this.stack.push({ node, ns });
  }

  text(t: string): void {
    const parent = this.stack.at(-1)?.node;
    if (!parent || t === '') return;
    const last = parent.children.length - 1;
    if (typeof parent.children[last] === 'string') parent.children[last] += t;
    else parent.children.push(t);
  }

  /** Closes the innermost element named `name` (and any left open inside it); an unmatched end tag is ignored. */
  close(name: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.node.name === name) {
        this.stack.length = i;
        return;
      }
    }
  }
}

/** The element children of `node`. */
export function elements(node: XmlNode): XmlNode[] {
  return node.children.filter((c): c is XmlNode => typeof c !== 'string');
}

/** The text of `node` and everything inside it. */
export function textContent(node: XmlNode): string {
  let s = '';
  for (const c of node.children) s += typeof c === 'string' ? c : textContent(c);
  return s;
}
