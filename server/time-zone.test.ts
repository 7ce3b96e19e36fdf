import { describe, expect, it } from 'vitest';
import { localDate, localParts, offsetAt, wallClockInstant } from './time-zone.ts';

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

describe('the instant of a wall-clock time', () => {
  const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
  });

  it('reads it in the zone, with the offset in force then', () => {
    expect(wallClockInstant(wall(2026, 6, 5, 12), 'Europe/Moscow')).toBe(Date.UTC(2026, 5, 5, 9));
    expect(wallClockInstant(wall(2026, 1, 15, 12), 'Europe/Berlin')).toBe(Date.UTC(2026, 0, 15, 11));
    expect(wallClockInstant(wall(2026, 7, 15, 12), 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 15, 10));
    expect(wallClockInstant(wall(2026, 1, 1, 0), 'Asia/Vladivostok')).toBe(Date.UTC(2025, 11, 31, 14));
  });

  it('has none for a time the zone skips or a date that does not exist; of a repeated time, the earlier', () => {
    expect(wallClockInstant(wall(2026, 3, 29, 2, 30), 'Europe/Berlin')).toBeUndefined();
    expect(wallClockInstant(wall(2026, 2, 31, 12), 'Europe/Moscow')).toBeUndefined();
    expect(wallClockInstant(wall(2026, 10, 25, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });
});
