/**
 * The office's calls to the statistics API (server/stats/stats.routes.ts): one GET per measure and scope, JSON for the
 * page and the same address with `format=csv` for the download, so the file holds the numbers the page shows. Types
 * come from the server's zod schemas (type-only import, erased from the bundle).
 */
import type { StatsMeasure, StatsResponse } from '../../../server/stats/stats.schemas.ts';
import type { ApiClient } from '../../api/client.ts';
import type { StatsFilter } from '../../routes.ts';
import type { OfficeCsv } from '../office-csv-download.ts';

export type { StatsFilter, StatsMeasure, StatsResponse };

export type StatsPlatform = 'vk' | 'ok' | 'telegram';

/** The platforms the statistics filter by, as the filter names them. */
export const STATS_PLATFORMS: readonly { value: StatsPlatform; label: string }[] = [
  { value: 'vk', label: 'VK' },
  { value: 'ok', label: 'OK' },
  { value: 'telegram', label: 'Telegram' },
];

/** What the page is about: one campaign or a whole brand. */
export type StatsScope = { kind: 'campaign'; id: number } | { kind: 'brand'; id: number };

/** `/api/admin/stats/campaigns/1/funnel?from=…&to=…&platform=…[&format=csv]` */
export function statsPath(scope: StatsScope, measure: StatsMeasure, filter: StatsFilter, csv = false): string {
  const root = scope.kind === 'campaign' ? `campaigns/${scope.id}` : `brands/${scope.id}`;
  const query = new URLSearchParams();
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  if (filter.platform) query.set('platform', filter.platform);
  if (csv) query.set('format', 'csv');
  const q = query.toString();
  return `/api/admin/stats/${root}/${measure}${q ? `?${q}` : ''}`;
}

export const fetchMeasure = <M extends StatsMeasure>(
  api: Pick<ApiClient, 'request'>,
  scope: StatsScope,
  measure: M,
  filter: StatsFilter,
) => api.request<StatsResponse<M>>('GET', statsPath(scope, measure, filter));

/**
 * The measure's CSV for downloadOfficeCsv: the `format=csv` address, and the route that signs a one-minute link to the
 * same file (worded in the office's `language`) for a client whose downloader sends no launch data.
 */
export function measureCsv(
  scope: StatsScope,
  measure: StatsMeasure,
  filter: StatsFilter,
  language: 'ru' | 'en',
  fileName: string,
): OfficeCsv {
  const [path, q] = statsPath(scope, measure, filter).split('?');
  const query = new URLSearchParams(q);
  query.set('lang', language);
  return { csvPath: statsPath(scope, measure, filter, true), linkPath: `${path}/download-link?${query}`, fileName };
}

/** The file name a download is saved under: `stats-campaign-1-funnel-2026-06-01-2026-06-30.csv`. */
export function csvFileName(scope: StatsScope, measure: StatsMeasure, range?: { from: string; to: string }): string {
  return `stats-${scope.kind}-${scope.id}-${measure}${range ? `-${range.from}-${range.to}` : ''}.csv`;
}
