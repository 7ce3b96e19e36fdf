/**
 * @module The dashboard's date range: local days (`YYYY-MM-DD`, both ends inclusive) in a time zone, turned into UTC
 * milliseconds once — the start of every day in the range — so a million events are put into days by a moving
 * pointer, not a time-zone conversion each. Also the previous period of the same length.
 */
import { ApiError, fieldRefusal } from '../http/errors.ts';
import { localDate, offsetAt } from '../time-zone.ts';
import type { StatsRange } from './stats.schemas.ts';
import { MAX_RANGE_DAYS } from './stats-bounds.ts';

export const DAY_MS = 86_400_000;

const dayUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const isoDay = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => isoDay(dayUtc(day) + n * DAY_MS);

/** The UTC instant local midnight of `day` begins in `timeZone` (corrected once across a DST change). */
export function localDayStart(day: string, timeZone: string): number {
  const wall = dayUtc(day);
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** The days of a range and where each begins; `dayOf` finds the day index of a time (−1 outside). */
export class DayGrid {
  readonly days: string[];
  /** `starts[i]` is where `days[i]` begins; `starts[days.length]` is where the range ends. */
  readonly starts: number[];

  constructor(from: string, count: number, timeZone: string) {
    this.days = Array.from({ length: count }, (_, i) => addDays(from, i));
    this.starts = [...this.days, addDays(from, count)].map((d) => localDayStart(d, timeZone));
  }

  dayOf(at: number): number {
    const s = this.starts;
    if (at < (s[0] as number) || at >= (s[s.length - 1] as number)) return -1;
    let lo = 0;
    let hi = s.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((s[mid] as number) <= at) lo = mid;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The range asked for, defaulting to the 30 days that end today.
 * @example resolveRange({ from: '2026-06-01', to: '2026-06-30' }, 'Europe/Moscow', Date.now())
 */
export function resolveRange(q: { from?: string; to?: string }, timeZone: string, now: number): StatsRange {
  const to = q.to ?? localDate(now, timeZone);
  const from = q.from ?? addDays(to, -29);
  const days = Math.round((dayUtc(to) - dayUtc(from)) / DAY_MS) + 1;
  if (days < 1) throw fieldRefusal('invalid_range', 'from', '`from` must not be after `to`');
  if (days > MAX_RANGE_DAYS)
    throw new ApiError(422, 'range_too_long', `A range is at most ${MAX_RANGE_DAYS} days`, [
      {
        path: 'to',
        code: 'day_limit',
        params: { max: MAX_RANGE_DAYS },
        message: `${days} days; at most ${MAX_RANGE_DAYS}`,
      },
    ]);
  return rangeOf(from, days, timeZone);
}

export function rangeOf(from: string, days: number, timeZone: string): StatsRange {
  const to = addDays(from, days - 1);
  return {
    from,
    to,
    timeZone,
    fromMs: localDayStart(from, timeZone),
    toMs: localDayStart(addDays(to, 1), timeZone),
    days,
  };
}

/** The period of the same number of days that ends the day before `range` begins. */
export function previousRange(range: StatsRange): StatsRange {
  return rangeOf(addDays(range.from, -range.days), range.days, range.timeZone);
}

export const dayGrid = (range: StatsRange) => new DayGrid(range.from, range.days, range.timeZone);
