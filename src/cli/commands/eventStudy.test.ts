import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { parseWindows } from './eventStudy.js';

describe('event-study --windows', () => {
  it('reads FROM:TO pairs with signs and spaces', () => {
    expect(parseWindows('0:0, -1:+1,0:5')).toEqual([[0, 0], [-1, 1], [0, 5]]);
  });
  it('names the bad part', () => {
    expect(() => parseWindows('0:0,1-2')).toThrow(InputError);
    expect(() => parseWindows('0:0,1-2')).toThrow('--windows: value "1-2" expected FROM:TO');
  });
});
