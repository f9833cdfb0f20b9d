import { describe, expect, it } from 'vitest';
import { shortSourceName } from '../../src/stories/select/planCatalyst.js';

describe('the source of a cited article is escaped in story Markdown (issue 15)', () => {
  it('shortens "ACRONYM (Long name)" and makes markup and Markdown punctuation inert', () => {
    expect(shortSourceName('RTHK (Radio Television Hong Kong), English finance news')).toBe('RTHK');
    expect(shortSourceName('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert');
    expect(shortSourceName('*Wire* [x](javascript:alert(1))')).toBe('\\*Wire\\* \\[x\\]');
    expect(shortSourceName('AT&T Wire')).toBe('AT&amp;T Wire');
  });
});
