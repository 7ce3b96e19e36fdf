import { describe, expect, it } from 'vitest';
import { campaignDay, nextDayStart } from './campaign-day.ts';

describe('campaignDay', () => {
  it('counts the day from the reset hour in the campaign time zone', async () => {
    // 03:30 UTC = 06:30 in Moscow (UTC+3): before a 07:00 reset it is still the previous day.
    expect(campaignDay(Date.UTC(2026, 0, 10, 3, 30), 'Europe/Moscow', 7)).toBe('2026-01-09');
    expect(campaignDay(Date.UTC(2026, 0, 10, 4, 0), 'Europe/Moscow', 7)).toBe('2026-01-10');
  });

  it('gives different days for the same instant in different time zones', async () => {
    const at = Date.UTC(2026, 0, 10, 20, 0); // 23:00 Moscow, 06:00 next day in Vladivostok (UTC+10)
    expect(campaignDay(at, 'Europe/Moscow', 0)).toBe('2026-01-10');
    expect(campaignDay(at, 'Asia/Vladivostok', 0)).toBe('2026-01-11');
    expect(campaignDay(at, 'Asia/Vladivostok', 7)).toBe('2026-01-10');
    expect(campaignDay(at, 'America/New_York', 0)).toBe('2026-01-10');
  });

  it('finds the next reset instant, also across a DST change', async () => {
    expect(nextDayStart(Date.UTC(2026, 0, 10, 3, 30), 'Europe/Moscow', 7)).toBe(Date.UTC(2026, 0, 10, 4));
    expect(nextDayStart(Date.UTC(2026, 0, 10, 5), 'Europe/Moscow', 7)).toBe(Date.UTC(2026, 0, 11, 4));
    // New York springs forward on 2026-03-08: 07:00 EDT is 11:00 UTC (EST would be 12:00).
    expect(nextDayStart(Date.UTC(2026, 2, 7, 15), 'America/New_York', 7)).toBe(Date.UTC(2026, 2, 8, 11));
  });
});
