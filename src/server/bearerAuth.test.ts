import { describe, expect, it } from 'vitest';
import { isAuthorized } from './bearerAuth.js';

describe('isAuthorized', () => {
  const tokens = ['alpha-token', 'beta-token'];
  it('accepts any configured token, scheme case-insensitive', () => {
    expect(isAuthorized('Bearer alpha-token', tokens)).toBe(true);
    expect(isAuthorized('bearer beta-token', tokens)).toBe(true);
  });
  it('rejects prefixes, extensions, other schemes and empty lists', () => {
    expect(isAuthorized('Bearer alpha-toke', tokens)).toBe(false);
    expect(isAuthorized('Bearer alpha-token2', tokens)).toBe(false);
    expect(isAuthorized('Basic alpha-token', tokens)).toBe(false);
    expect(isAuthorized('alpha-token', tokens)).toBe(false);
    expect(isAuthorized(undefined, tokens)).toBe(false);
    expect(isAuthorized('Bearer alpha-token', [])).toBe(false);
  });
});
