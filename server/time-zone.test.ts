import { describe, expect, it } from 'vitest';
import { localDate, localParts, offsetAt } from './time-zone.ts';

describe('wall-clock time in a time zone', () => {
  it('names the local date, which differs from the UTC one around midnight', () => {
    const evening = Date.UTC(2025, 11, 31, 21, 30); // 00:30 on 1 January in Moscow, 07:30 in Vladivostok
    expect(localDate(evening, 'Europe/Moscow')).toBe('2026-01-01');
    expect(localDate(evening, 'UTC')).toBe('2025-12-31');
    expect(localDate(evening, 'America/New_York')).toBe('2025-12-31');
    expect(localParts(evening, 'Asia/Vladivostok')).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 7,
      minute: 30,
      second: 0,
    });
  });

  it('gives the offset in force at the instant, across a DST change', () => {
    expect(offsetAt(Date.UTC(2026, 0, 15), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(Date.UTC(2026, 6, 15), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.UTC(2026, 6, 15), 'Europe/Moscow')).toBe(10_800_000);
  });
});
