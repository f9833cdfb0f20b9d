import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asSessionDate } from '../../../src/core/units.js';
import { studyOrNote } from '../../../src/app/news/why.js';
import { tempDirs } from '../../support/tempDirs.js';

const tmp = tempDirs();

/** 160 weekday sessions from 2024-06-03; `skip` leaves one date out of the stock's file. */
function writeSeries(dir: string, symbol: string, skip: string | null, seed: number): string[] {
  const dates: string[] = [];
  const rows = ['date,open,high,low,close,adj_close,volume'];
  let t = Date.UTC(2024, 5, 3);
  let px = 100;
  let x = seed;
  while (dates.length < 160) {
    const d = new Date(t);
    t += 86_400_000;
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const iso = d.toISOString().slice(0, 10);
    dates.push(iso);
    x = (x * 1103515245 + 12345) % 2147483648;
    px *= 1 + ((x / 2147483648) - 0.5) * 0.04;
    if (iso !== skip) rows.push(`${iso},${px},${px * 1.01},${px * 0.99},${px},,1000`);
  }
  writeFileSync(join(dir, `${symbol}.csv`), `${rows.join('\n')}\n`);
  return dates;
}

describe('news why: the event study of a session', () => {
  it('gives the study when the stock traded that day, and a note (not the next day\'s move) when it did not', () => {
    const dir = tmp('iw-why-');
    const dates = writeSeries(dir, 'BENCH', null, 1);
    const event = dates[150] as string;
    writeSeries(dir, 'TRADED', null, 2);
    writeSeries(dir, 'HALTED', event, 2);
    const ok = studyOrNote(dir, 'TRADED', 'BENCH', asSessionDate(event));
    expect(ok.eventStudy).not.toBeNull();
    const halted = studyOrNote(dir, 'HALTED', 'BENCH', asSessionDate(event));
    expect(halted.eventStudy).toBeNull();
    expect(halted.eventStudyNote).toBe(`HALTED and BENCH have no common session on ${event} (the next is ${dates[151]}): no event study for this session`);
  });
});
