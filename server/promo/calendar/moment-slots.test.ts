import { describe, expect, it, vi } from 'vitest';
import { campaignDay } from '../campaign-day.ts';
import { DAY, HOUR } from '../testing/promo-world.ts';
import { drawMoments, momentCount, nextLocalHourStart, slotsOf } from './moment-slots.ts';

const hourOf = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', day: '2-digit', hourCycle: 'h23' }).format(
    new Date(at),
  );

describe('drawing calendar moments', () => {
  it('item 1: per_day draws K moments in every local day of the campaign time zone, none outside the window', () => {
    // 1 June 00:00 in Vladivostok (UTC+10) is 31 May 14:00 UTC.
    const from = Date.UTC(2026, 4, 31, 14);
    const to = from + 10 * DAY;
    const plan = { mode: 'per_day' as const, count: 3, from, to, timeZone: 'Asia/Vladivostok', resetHour: 0 };
    const moments = drawMoments(plan);
    expect(momentCount(plan)).toBe(30);
    expect(moments).toHaveLength(30);
    expect(moments.every((m) => m >= from && m < to)).toBe(true);
    const perDay = new Map<string, number>();
    for (const m of moments) {
      const day = campaignDay(m, 'Asia/Vladivostok');
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect([...perDay.values()]).toEqual(Array(10).fill(3));
  });

  it('item 1: per_hour slots follow local hours, also in a half-hour zone; spread stays in the window', () => {
    const from = Date.UTC(2026, 5, 1, 0, 0); // 05:30 in Kolkata
    const to = from + 5 * HOUR;
    expect(nextLocalHourStart(from, 'Asia/Kolkata')).toBe(from + 30 * 60_000);
    const slots = slotsOf({ mode: 'per_hour', from, to, timeZone: 'Asia/Kolkata', resetHour: 0 });
    // 05:30–06:00, four whole local hours, 10:00–10:30.
    expect(slots).toHaveLength(6);
    const moments = drawMoments({ mode: 'per_hour', count: 2, from, to, timeZone: 'Asia/Kolkata', resetHour: 0 });
    const perHour = new Map<string, number>();
    for (const m of moments) perHour.set(hourOf(m, 'Asia/Kolkata'), (perHour.get(hourOf(m, 'Asia/Kolkata')) ?? 0) + 1);
    expect([...perHour.values()]).toEqual(Array(6).fill(2));
    const spread = drawMoments({ mode: 'spread', count: 50, from, to, timeZone: 'UTC', resetHour: 0 });
    expect(spread).toHaveLength(50);
    expect(spread.every((m) => m >= from && m < to)).toBe(true);
    // A crypto draw over 5 hours does not put 50 moments in its first 5 minutes.
    expect(spread.filter((m) => m < from + 5 * 60_000).length).toBeLessThan(50);
  });

  it('item 1: per_day slots start at the campaign reset hour', () => {
    const from = Date.UTC(2026, 4, 31, 21); // 1 June 00:00 Moscow
    const slots = slotsOf({ mode: 'per_day', from, to: from + 2 * DAY, timeZone: 'Europe/Moscow', resetHour: 7 });
    // 00:00–07:00 (the end of 31 May's campaign day), then 07:00–07:00, then 07:00–24:00.
    expect(slots.map(([a, b]) => (b - a) / HOUR)).toEqual([7, 24, 17]);
  });

  it('counting a request past the limit walks only the slots up to it (found from outside: 20 years × 10 prizes held the server 5 s)', () => {
    const from = Date.UTC(2026, 0, 1);
    const plan = (mode: 'per_day' | 'per_hour', years: number) =>
      ({ mode, count: 10, from, to: from + years * 365 * DAY, timeZone: 'Europe/Berlin', resetHour: 0 }) as const;
    const walked = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    const far = momentCount(plan('per_hour', 20), 10_000);
    // One local-hour boundary per slot, and the limit is reached after 1,001 slots of 10 moments.
    expect(walked.mock.calls.length).toBeLessThan(1_100);
    walked.mockRestore();
    expect(far).toBe(20 * 365 * 24 * 10);
    // Past the limit the rest is counted by nominal slot length: a year of Berlin's clock changes stays within a slot.
    for (const mode of ['per_hour', 'per_day'] as const) {
      const exact = momentCount(plan(mode, 1));
      expect(Math.abs(momentCount(plan(mode, 1), 50) - exact)).toBeLessThanOrEqual(10);
    }
    // Under the limit the count is the walked, exact one.
    expect(momentCount(plan('per_day', 1), 10_000)).toBe(momentCount(plan('per_day', 1)));
  });
});
