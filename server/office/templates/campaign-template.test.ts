import { describe, expect, it } from 'vitest';
import { localParts } from '../../time-zone.ts';
import { tomorrow } from './campaign-template.ts';
import { TEMPLATES } from './index.ts';

describe('tomorrow: the start of the next day where the campaign runs', () => {
  it('is the next Moscow midnight, in the afternoon and after 21:00 UTC alike', () => {
    // 13:00 in Moscow on 6 December: tomorrow is 7 December 00:00 Moscow = 6 December 21:00 UTC.
    expect(tomorrow(Date.UTC(2026, 11, 6, 10), 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 6, 21));
    // 01:00 in Moscow on 7 December (still 6 December in UTC): 00:00 UTC of the 7th would be 03:00 the same Moscow day.
    expect(tomorrow(Date.UTC(2026, 11, 6, 22), 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 7, 21));
  });

  it('carries into the next month and year', () => {
    expect(tomorrow(Date.UTC(2026, 11, 31, 12), 'Europe/Moscow')).toBe(Date.UTC(2026, 11, 31, 21));
  });

  it('starts at 01:00 on a day whose midnight a DST change skips', () => {
    // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September (6 September 2026).
    const at = tomorrow(Date.UTC(2026, 8, 5, 15), 'America/Santiago');
    expect(localParts(at, 'America/Santiago')).toMatchObject({ year: 2026, month: 9, day: 6, hour: 1, minute: 0 });
  });

  it('is where every template starts its draft, in the zone the draft names', () => {
    const now = Date.UTC(2026, 11, 6, 22, 30);
    for (const template of TEMPLATES) {
      const doc = template.document(now);
      const start = localParts(doc.startsAt as number, doc.timeZone as string);
      expect({ key: template.key, ...start }).toEqual({
        key: template.key,
        year: 2026,
        month: 12,
        day: 8,
        hour: 0,
        minute: 0,
        second: 0,
      });
    }
  });
});
