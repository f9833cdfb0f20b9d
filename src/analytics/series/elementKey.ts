import { weekKey } from './BarsView.js';

/**
 * How bars group into the elements a since-query or a streak runs over: one element per session, or one per
 * calendar (ISO, Monday-based) week whose value is taken at its last session. The current week is provisional:
 * each session of it revises the week's value ("week to date").
 */
export type ElementUnit = 'session' | 'week';

/** The element key of bar `i` with day number `day`. */
export function elementKey(unit: ElementUnit, i: number, day: number): number {
  return unit === 'session' ? i : weekKey(day);
}
