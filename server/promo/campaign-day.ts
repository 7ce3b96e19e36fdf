/**
 * @module The campaign's day: daily limits and per-day caps reset at `resetHour` local time in the campaign's
 * time zone, not at UTC midnight. A day is named by its local date (`YYYY-MM-DD`).
 */
import { localParts, offsetAt } from '../time-zone.ts';

/**
 * The last hour a campaign's day may start at (`settings.resetHour`, `settings.wheel.resetHour`: 0–23). Plain, so the
 * office's editor names the same bound its fields are saved with.
 */
export const MAX_RESET_HOUR = 23;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The campaign day an instant belongs to.
 * @example campaignDay(Date.UTC(2025, 0, 1, 3, 30), 'Europe/Moscow', 7) // '2024-12-31' (06:30 local is before 07:00)
 */
export function campaignDay(at: number, timeZone: string, resetHour = 0): string {
  // Every claim and spin asks; the answer only changes at the next reset, so it is remembered until then.
  const key = `${timeZone}|${resetHour}`;
  const known = dayCache.get(key);
  if (known && at >= known.from && at < known.until) return known.day;
  const day = computeCampaignDay(at, timeZone, resetHour);
  dayCache.set(key, { day, from: at, until: nextDayStart(at, timeZone, resetHour) });
  return day;
}

const dayCache = new Map<string, { day: string; from: number; until: number }>();

function computeCampaignDay(at: number, timeZone: string, resetHour: number): string {
  const p = localParts(at, timeZone);
  const date = Date.UTC(p.year, p.month - 1, p.day);
  return iso(p.hour < resetHour ? date - 86_400_000 : date);
}

/** When the next campaign day begins (UTC ms), for "next attempt at" hints. */
export function nextDayStart(at: number, timeZone: string, resetHour = 0): number {
  const offset = offsetAt(at, timeZone);
  const [y, m, d] = computeCampaignDay(at, timeZone, resetHour).split('-').map(Number) as [number, number, number];
  const localStart = Date.UTC(y, m - 1, d + 1, resetHour);
  const guess = localStart - offset;
  // Across a DST change the offset differs at the target instant; correct once.
  return localStart - offsetAt(guess, timeZone);
}
