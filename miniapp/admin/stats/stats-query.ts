/**
 * The statistics filter as an address keeps it (`?from=2026-12-01&to=2026-12-07&platform=ok`): the statistics page's
 * own (`#/admin/campaign/:id/stats`, `#/admin/brand/:brandId/stats`, written by paths.adminCampaignStats and
 * paths.adminBrandStats) and the funnel breakdown's, which adds the zone the page counted its days in. One reader for
 * both, lenient: an address edited by hand, or an old link, opens with the server's default instead of a refusal.
 */
import type { StatsFilter } from '../../routes.ts';
import { STATS_PLATFORMS } from './stats-api.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as `YYYY-MM-DD` (not 2026-02-30: the day read back must be the day written). */
export function isDay(day: string | null | undefined): day is string {
  if (!day || !DAY.test(day)) return false;
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === day;
}

/**
 * The days and platform the address names: the days only both together, calendar days, in order; the platform only
 * among the statistics' own. Anything else is none of it (the server's last 30 days, every platform).
 * @example statsFilterOf(new URLSearchParams('from=2026-12-01&to=2026-12-07&platform=ok'))
 *   // { from: '2026-12-01', to: '2026-12-07', platform: 'ok' }
 * @example statsFilterOf(new URLSearchParams('from=2026-12-07&to=2026-12-01&platform=icq')) // {}
 */
export function statsFilterOf(query: URLSearchParams): StatsFilter {
  const from = query.get('from');
  const to = query.get('to');
  const platform = STATS_PLATFORMS.find((p) => p.value === query.get('platform'))?.value;
  const days = isDay(from) && isDay(to) && from <= to ? { from, to } : undefined;
  return { ...days, ...(platform && { platform }) };
}
