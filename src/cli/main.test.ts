import { describe, expect, it } from 'vitest';
import { formatCliError } from './errors.js';
import { renderTable } from './output.js';

describe('cli shell', () => {
  it('prints one line without a stack unless --debug', () => {
    const err = new Error('a.csv:3: field "close": value "x" not a number\n    at foo');
    expect(formatCliError(err, false)).toBe('indexwire: error: a.csv:3: field "close": value "x" not a number');
    expect(formatCliError(err, true)).toContain('at ');
  });
  it('right-aligns numeric columns', () => {
    expect(renderTable(['sym', 'pts'], [['A', 1.5], ['BB', 12]])).toBe('sym  pts\n---  ---\nA    1.5\nBB    12');
  });
});
