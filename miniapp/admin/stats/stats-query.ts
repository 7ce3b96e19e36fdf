/**
 * The statistics filter as an address keeps it (`?from=2026-12-01&to=2026-12-07&platform=ok`): the statistics page's
 * own (`#/admin/campaign/:id/stats`, `#/admin/brand/:brandId/stats`, written by paths.adminCampaignStats and
 * paths.adminBrandStats) and the funnel breakdown's, which adds the zone the page counted its days in. One reader for
 * both, lenient: an address edited by hand, or an old link, opens with the server's default instead of a refusal.
 */
import { MAX_RANGE_DAYS } from '../../../server/stats/stats-bounds.ts';
import type { StatsFilter } from '../../routes.ts';
import { STATS_PLATFORMS } from './stats-api.ts';

export { MAX_RANGE_DAYS };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as `YYYY-MM-DD` (not 2026-02-30: the day read back must be the day written). */
export function isDay(day: string | null | undefined): day is string {
  if (!day || !DAY.test(day)) return false;
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === day;
}

const DAY_MS = 86_400_000;

/** How many days `from`…`to` counts, both ends in (1 for one day; 0 or less when `to` is before `from`). */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** `day` moved by `n` days (negative: back). */
export function dayPlus(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The days make a period the server counts: calendar days, in order, at most MAX_RANGE_DAYS of them (a longer one is
 * refused by every measure as `range_too_long`). The address reader and the date pickers ask the same question.
 */
export function isStatsRange(from: string | null | undefined, to: string | null | undefined): boolean {
  if (!isDay(from) || !isDay(to)) return false;
  const days = daysIn(from, to);
  return days >= 1 && days <= MAX_RANGE_DAYS;
}

/**
 * The days and platform the address names: the days only both together, a period the server counts (isStatsRange);
 * the platform only among the statistics' own. Anything else is none of it (the server's last 30 days, every
 * platform).
 * @example statsFilterOf(new URLSearchParams('from=2026-12-01&to=2026-12-07&platform=ok'))
 *   // { from: '2026-12-01', to: '2026-12-07', platform: 'ok' }
 * @example statsFilterOf(new URLSearchParams('from=2026-12-07&to=2026-12-01&platform=icq')) // {}
 */
export function statsFilterOf(query: URLSearchParams): StatsFilter {
  const from = query.get('from');
  const to = query.get('to');
  const platform = STATS_PLATFORMS.find((p) => p.value === query.get('platform'))?.value;
  const days = from && to && isStatsRange(from, to) ? { from, to } : undefined;
  return { ...days, ...(platform && { platform }) };
}
