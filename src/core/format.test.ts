import { describe, expect, it } from 'vitest';
import { formatNumber, formatSignedPct, roundHalfUp } from './format.js';

describe('format', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01); // binary 1.00499999... still rounds up
    expect(roundHalfUp(-2.25, 1)).toBe(-2.3);
    expect(roundHalfUp(2.86, 1)).toBe(2.9);
  });
  it('formats index levels and signed percents', () => {
    expect(formatNumber(5150.35, 2)).toBe('5,150.35');
    expect(formatSignedPct(1.7978, 1)).toBe('+1.8%');
    expect(formatSignedPct(-0.04, 1)).toBe('0.0%');
  });
});
