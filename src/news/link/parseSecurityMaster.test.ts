import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { parseSecurityMaster } from './parseSecurityMaster.js';

const GOOD = `securities:
  - id: 9988.HK
    kind: stock
    name: Alibaba Group Holding
    code: "9988"
    aliases: [Alibaba]
  - id: HSI
    kind: index
    name: Hang Seng Index
blockers: [Hang Seng Bank]
`;

function errorOf(text: string): ConfigError {
  try {
    parseSecurityMaster(text, 'm.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parseSecurityMaster', () => {
  it('reads securities with defaults for missing lists', () => {
    const m = parseSecurityMaster(GOOD, 'm.yaml');
    expect(m.securities.map((s) => s.id)).toEqual(['9988.HK', 'HSI']);
    expect(m.securities[1]!.aliases).toEqual([]);
    expect(m.blockers).toEqual(['Hang Seng Bank']);
  });
  it('names file, line and field of a bad value', () => {
    const e = errorOf(GOOD.replace('code: "9988"', 'code: "99x8"'));
    expect(e.message).toMatch(/^m\.yaml:5: field "securities\.0\.code": value "99x8" /);
  });
  it('names the line of a missing field (the entry)', () => {
    const e = errorOf(GOOD.replace('    kind: index\n', ''));
    expect(e.field).toBe('securities.1.kind');
    expect(e.line).toBe(7);
  });
  it('rejects unknown fields, duplicate ids and an alias claimed by two securities', () => {
    expect(errorOf(GOOD.replace('kind: stock', 'kind: stock\n    colour: red')).message).toContain('securities.0');
    expect(errorOf(GOOD.replace('id: HSI', 'id: 9988.HK')).reason).toContain('duplicate id');
    expect(errorOf(GOOD.replace('name: Hang Seng Index', 'name: Hang Seng Index\n    aliases: [alibaba]')).reason).toContain(
      'alias already names 9988.HK',
    );
  });
  it('reports broken YAML with its line', () => {
    const e = errorOf('securities:\n  - id: [unclosed\n');
    expect(e.line).toBeGreaterThanOrEqual(2);
    expect(e.reason).toMatch(/invalid YAML/);
  });
});
