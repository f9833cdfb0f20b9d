import { LineCounter, parseDocument, isNode } from 'yaml';
import { ConfigError } from '../../core/errors.js';
import { securityMasterSchema, type SecurityMaster } from './securityMasterSchema.js';

/**
 * Parses and validates the security master YAML (`data/securities.yaml`).
 * Checks the schema (zod), unique ids, and that no alias text names two securities.
 * @example parseSecurityMaster('securities:\n  - {id: HSI, kind: index, name: Hang Seng Index}\n', 'm.yaml')
 * @throws ConfigError naming the file, the line and the field (`securities.3.code`) of the first problem.
 */
export function parseSecurityMaster(text: string, source: string): SecurityMaster {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new ConfigError({ source, line: lineOf(e.pos[0]), reason: `invalid YAML: ${e.message.split('\n')[0]}` });
  }
  const lineAt = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineOf(node.range[0]);
    }
    return undefined;
  };
  const parsed = securityMasterSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path as PropertyKey[];
    const raw = doc.getIn(path as unknown[]);
    throw new ConfigError({
      source,
      ...optionalLine(lineAt(path)),
      field: path.map(String).join('.') || '(root)',
      ...(raw !== undefined && typeof raw !== 'object' ? { value: String(raw) } : {}),
      reason: issue.message,
    });
  }
  const master = parsed.data;
  const ids = new Map<string, number>();
  const owner = new Map<string, string>();
  master.securities.forEach((s, i) => {
    if (ids.has(s.id)) {
      throw new ConfigError({ source, ...optionalLine(lineAt(['securities', i, 'id'])), field: `securities.${i}.id`, value: s.id, reason: `duplicate id (first at securities.${ids.get(s.id)})` });
    }
    ids.set(s.id, i);
    const names = [s.name, s.zhHant, s.zhHans, ...s.aliases].filter((x): x is string => x !== undefined);
    for (const [j, a] of names.entries()) {
      const prev = owner.get(a.toLowerCase());
      if (prev !== undefined && prev !== s.id) {
        const field = j < 3 ? `securities.${i}` : `securities.${i}.aliases`;
        throw new ConfigError({ source, ...optionalLine(lineAt(['securities', i, 'aliases'])), field, value: a, reason: `alias already names ${prev}` });
      }
      owner.set(a.toLowerCase(), s.id);
    }
  });
  return master;
}

function optionalLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
