import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const calendarFor = fileURLToPath(new URL('./calendarFor.ts', import.meta.url));
const units = fileURLToPath(new URL('../core/units.ts', import.meta.url));

/** Prints sessions, half days and hours of 2024-2025 for both exchanges, as one JSON string. */
const PROBE = `
import { calendarFor } from ${JSON.stringify(calendarFor)};
import { asSessionDate } from ${JSON.stringify(units)};
const out = {};
for (const x of ['XHKG', 'XNYS']) {
  const cal = calendarFor(x);
  const s = cal.sessionsBetween(asSessionDate('2024-01-01'), asSessionDate('2025-12-31'));
  out[x] = s.map((d) => d + ':' + cal.sessionHours(d).map((h) => h.startMs + '-' + h.endMs).join(','));
}
process.stdout.write(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, out }));
`;

function probe(tz: string): { tz: string; out: Record<string, string[]> } {
  const text = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(text) as { tz: string; out: Record<string, string[]> };
}

describe('calendars do not depend on the machine time zone', () => {
  it('gives identical sessions and UTC hours under UTC, Kiritimati (+14) and Honolulu (-10)', () => {
    const a = probe('UTC');
    const b = probe('Pacific/Kiritimati');
    const c = probe('Pacific/Honolulu');
    expect([a.tz, b.tz, c.tz]).toEqual(['UTC', 'Pacific/Kiritimati', 'Pacific/Honolulu']);
    expect(a.out.XHKG?.length).toBe(246 + 246); // 2024: 246 sessions too (checked against HSTECH.csv)
    expect(b.out).toEqual(a.out);
    expect(c.out).toEqual(a.out);
  });
});
