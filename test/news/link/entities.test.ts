import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entitiesOfFile } from '../../../src/app/news/entities.js';
import { tempDirs } from '../../support/tempDirs.js';

const tmp = tempDirs();

describe('news entities on an inline article', () => {
  it('returns each link with offsets into title + "\\n\\n" + body, the alias and the text as written', async () => {
    const dir = tmp('iw-entities-');
    const file = join(dir, 'a.md');
    writeFileSync(file, [
      '---', 'title: "Xiaomi (1810) and 阿里巴巴 rise"', 'date: 2025-02-07T16:30:00+08:00', 'url: https://example.com/a', '---', '',
      'XIAOMI gained 4.7 percent while the Hang Seng Tech Index rose 700 points in 2025. HSBC analysts said AI demand helped.', '',
    ].join('\n'));
    const r = await entitiesOfFile(file);
    expect(r.rejected).toEqual([]);
    const a = r.articles[0]!;
    // title: "Xiaomi" 6 + " " 1 + "(1810)" 6 + " and " 5 + "阿里巴巴" 4 + " rise" 5 = 27 units; body starts at 27 + 2 = 29
    // "XIAOMI gained 4.7 percent while the " is 36 units -> Hang Seng Tech Index at 29 + 36 = 65 .. 85
    expect(a.links.map((l) => [l.securityId, l.start, l.end, l.alias, l.text])).toEqual([
      ['1810.HK', 0, 6, 'Xiaomi', 'Xiaomi'],
      ['1810.HK', 7, 13, '(1810)', '(1810)'],
      ['9988.HK', 18, 22, '阿里巴巴', '阿里巴巴'],
      ['1810.HK', 29, 35, 'Xiaomi', 'XIAOMI'],
      ['HSTECH', 65, 85, 'Hang Seng Tech Index', 'Hang Seng Tech Index'],
    ]);
    expect(a.securities).toEqual([
      { id: '1810.HK', name: 'Xiaomi Corporation', mentions: 3 },
      { id: '9988.HK', name: 'Alibaba Group Holding', mentions: 1 },
      { id: 'HSTECH', name: 'Hang Seng Tech Index', mentions: 1 },
    ]);
    expect(a.themes.map((t) => t.theme)).toEqual(['ai']);
    expect(a.institutions.map((i) => [i.id, i.analystContext])).toEqual([['hsbc', true]]);
  });
});
