import { Parser } from 'htmlparser2';
import { decodeHTMLStrict } from 'entities';
import { SaxesParser } from 'saxes';
import { XmlTreeBuilder, type XmlNode } from './xmlNode.js';

export interface XmlTree {
  /** The top-level elements (one in well-formed XML; a forgiving read may find junk such as PHP's "<b>Warning</b>" first). */
  readonly roots: readonly XmlNode[];
  /** Set when the XML was not well-formed and the forgiving reader was used: the first error and its line. */
  readonly recovered: { readonly line: number; readonly message: string } | null;
}

/**
 * Reads XML into a tree: strictly first (saxes 6, a conformant non-validating parser), and when the document is
 * not well-formed (a bare "&", an unknown entity, a cut-off download, junk before "<?xml"), again with a forgiving
 * reader (htmlparser2 10 in xmlMode) that keeps every element it can, with `recovered` naming the first error.
 * Safety: no DTD is ever loaded, no external entity is fetched, no entity declared in a DTD is expanded (saxes
 * refuses them, the forgiving reader leaves them as text), so XXE and "billion laughs" cannot work. In the
 * forgiving read, character references and HTML named entities (&nbsp; &eacute;) are decoded once, with the
 * semicolon required (AT&T stays AT&T); CDATA is kept as written.
 * @throws never.
 */
export function readXmlTree(xml: string): XmlTree {
  try {
    return { roots: readStrict(xml), recovered: null };
  } catch (e) {
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec((e as Error).message);
    let line = m ? Number(m[1]) : 1;
    let message = (m ? (m[3] ?? '') : (e as Error).message).split('\n')[0]!.slice(0, 120);
    const junk = /^\ufeff?\s*/.exec(xml)![0].length;
    if (xml[junk] !== undefined && xml[junk] !== '<') {
      // saxes reports junk before the first tag where the junk ends; name where it starts (a PHP warning on line 1)
      line = xml.slice(0, junk).split('\n').length;
      message = 'text before the first element';
    }
    return { roots: readForgiving(xml), recovered: { line, message } };
  }
}

function readStrict(xml: string): XmlNode[] {
  const b = new XmlTreeBuilder();
  const p = new SaxesParser({ position: true });
  p.on('opentag', (t) => b.open(t.name, t.attributes as Record<string, string>, p.line));
  p.on('closetag', (t) => b.close(t.name));
  p.on('text', (t) => b.text(t));
  p.on('cdata', (t) => b.text(t));
  p.on('error', (e) => {
    throw e;
  });
  p.write(xml).close();
  return b.roots;
}

function readForgiving(xml: string): XmlNode[] {
  const b = new XmlTreeBuilder();
  const lineStarts = [0];
  for (let i = xml.indexOf('\n'); i >= 0; i = xml.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (index: number): number => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let inCdata = false;
  const parser: Parser = new Parser({
    onopentag: (name, attribs) => {
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(attribs)) attrs[k] = decodeHTMLStrict(v);
      b.open(name, attrs, lineAt(parser.startIndex));
    },
    onclosetag: (name) => b.close(name),
    ontext: (t) => b.text(inCdata ? t : decodeHTMLStrict(t)),
    oncdatastart: () => { inCdata = true; },
    oncdataend: () => { inCdata = false; },
  }, { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true });
  parser.write(xml);
  parser.end();
  return b.roots;
}
