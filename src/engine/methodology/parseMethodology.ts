import { isAlias, isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import { methodologySchema, type Methodology } from '../../domain/methodology.js';

/**
 * Parses and validates a methodology YAML text (pure: the caller reads the file).
 * Errors name the file, line, YAML field path and value, e.g.
 * `m.yaml:7: field "weighting.cap": value "1.5" must be in (0, 1]`. Only the first problem (in document order)
 * is thrown; `ConfigError.message` is one line.
 * @example parseMethodology('code: X\n...', 'x.yaml').code
 * @throws ConfigError on YAML syntax errors and on any field that fails the schema.
 */
export function parseMethodology(raw: string, source: string): Methodology {
  // the yaml package breaks lines at \n only: CR-only files (old Mac) become one line; CRLF stays as it reads
  const text = raw.replace(/\r\n?/g, '\n');
  const lineCounter = new LineCounter();
  const deep = tooDeep(text);
  if (deep !== null) throw new ConfigError({ source, line: deep, reason: `YAML nested more than ${MAX_DEPTH} levels deep: a methodology is a few levels deep` });
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    throw new ConfigError({ source, line: 1, reason: `YAML cannot be read: ${(e as Error).message.split('\n')[0]}` });
  }
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line ?? lineCounter.linePos(yamlError.pos[0]).line;
    const msg = yamlError.message.split('\n')[0] ?? '';
    const reason = /call stack/i.test(msg) ? `YAML nested too deeply: a methodology is a few levels deep` : `YAML syntax: ${msg}`;
    throw new ConfigError({ source, line, reason });
  }
  if (!isMap(doc.contents)) throw new ConfigError({ source, line: 1, reason: 'a methodology must be a YAML mapping of fields' });
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const alias = firstAliasLine(doc, lineCounter);
    const msg = (e as Error).message;
    const reason = /alias/i.test(msg)
      ? `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} copies: an alias bomb?); write the values out`
      : `YAML cannot be read: ${msg.split('\n')[0]}`;
    throw new ConfigError({ source, line: alias ?? 1, reason });
  }
  const parsed = methodologySchema.safeParse(js);
  if (parsed.success) return parsed.data;
  const located = parsed.error.issues.map((issue) => locate(issue, doc, lineCounter));
  located.sort((a, b) => a.line - b.line);
  const first = located[0] as Located;
  throw new ConfigError({
    source,
    line: first.line,
    field: first.field,
    ...(first.value !== undefined ? { value: first.value } : {}),
    reason: first.reason,
  });
}

/** Deepest nesting of flow collections ([ ], { }) or block indentation levels a methodology may use. */
const MAX_DEPTH = 64;
/** Most alias expansions `toJS` may make (yaml's default is 100 per alias; a methodology needs none). */
const MAX_ALIAS_COUNT = 50;

/** The line where `text` first nests deeper than MAX_DEPTH (flow brackets outside quotes), or null. */
function tooDeep(text: string): number | null {
  let depth = 0, line = 1, quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      if (quote !== '') quote = '';
      continue;
    }
    if (quote !== '') {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return null;
}

/** Line of the first alias (`*name`) in the document, or null. */
function firstAliasLine(doc: Document, lc: LineCounter): number | null {
  let line: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) line = lc.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

interface Located {
  line: number;
  field: string;
  value: string | undefined;
  reason: string;
}

type PathKey = string | number;

function locate(issue: z.core.$ZodIssue, doc: Document, lc: LineCounter): Located {
  let path = issue.path.filter((p): p is PathKey => typeof p !== 'symbol');
  let reason = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] as string;
    path = [...path, key];
    const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
    let line = 1;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const r = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (r) line = lc.linePos(r[0]).line;
    }
    return { line, field: fieldName(path), value: undefined, reason: `unknown field${issue.keys.length > 1 ? ` (also ${issue.keys.slice(1).join(', ')})` : ''}` };
  }
  const node = doc.getIn(path, true) as Node | undefined;
  if (node === undefined) {
    // Missing: point at the closest parent that exists.
    let p = path.slice(0, -1);
    while (p.length > 0 && doc.getIn(p, true) === undefined) p = p.slice(0, -1);
    if (issue.code !== 'custom') reason = 'is required';
    return { line: lineOf(doc, p, lc), field: fieldName(path), value: undefined, reason };
  }
  const value = isScalar(node) ? (node.source ?? String(node.value)) : undefined;
  return { line: lineOf(doc, path, lc), field: fieldName(path), value, reason };
}

/** Line of a path: its key's line inside a mapping, else its node's first line; 1 for the root. */
function lineOf(doc: Document, path: readonly PathKey[], lc: LineCounter): number {
  if (path.length === 0) return 1;
  const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((x) => isPair(x) && isScalar(x.key) && String(x.key.value) === String(last));
    const r = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (r) return lc.linePos(r[0]).line;
  }
  const node = doc.getIn(path, true) as Node | undefined;
  return node?.range ? lc.linePos(node.range[0]).line : 1;
}

/** `['weighting', 'given', 0, 'weights']` -> `weighting.given[0].weights`. */
function fieldName(path: readonly PathKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s === '' ? '(root)' : s;
}
