import { describe, expect, it } from 'vitest';
import { crossedLevel, roundStep } from '../../src/analytics/extremes/roundNumber.js';

describe('round numbers', () => {
  it('steps by half the power of ten below the price', () => {
    expect(roundStep(5059.38)).toBe(500); // 10^3 / 2
    expect(roundStep(42.45)).toBe(5); // 10^1 / 2
    expect(roundStep(0.8)).toBe(0.05); // 10^-1 / 2
  });
  it('finds the furthest level crossed, signed by direction', () => {
    expect(crossedLevel(4930.2, 5059.38)).toBe(5000); // 4930.2 <= 5000 < 5059.38
    expect(crossedLevel(5059.38, 5150.35)).toBe(0); // no multiple of 500 in between
    expect(crossedLevel(2741.38, 2480.64)).toBe(-2500); // 2480.64 < 2500 <= 2741.38
    expect(crossedLevel(4400, 5600, 500)).toBe(5500); // 4500, 5000 and 5500 crossed: the furthest
    expect(crossedLevel(5000, 5000.5)).toBe(5000); // from exactly on the level to above it
    expect(crossedLevel(5000, 4999)).toBe(-5000);
    expect(crossedLevel(0.83, 0.86)).toBe(0.85); // no binary tail: 17 x 0.05 printed as 0.85
  });
});
