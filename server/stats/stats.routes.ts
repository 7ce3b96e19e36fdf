/**
 * @module The statistics dashboard API (`/api/admin/stats`, section `stats`): one GET per measure and scope, JSON or
 * CSV (`format=csv`) of the same numbers. The contract is in `stats.schemas.ts`; each measure is computed by its own
 * file in this folder.
 */

import type { Identity } from '../auth/identity.ts';
import { requireIdentity } from '../auth/middleware.ts';
import type { Deps } from '../deps.ts';
import { csvAttachment } from '../http/csv.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { authErrors, errorResponse, json, LAUNCH_AUTH } from '../http/schemas.ts';
import {
  type OfficeCsv,
  OfficeDownloadLinkSchema,
  type OfficeDownloadParams,
  officeDownloadLink,
} from '../office-downloads/office-download-grant.ts';
import { clientErrorRate } from './client-error-rate.ts';
import { dailyActivity } from './daily-activity.ts';
import { dropOffScreens } from './drop-off-screens.ts';
import { mailingPerformance } from './mailing-performance.ts';
import { periodComparison } from './period-comparison.ts';
import { retentionCohorts } from './retention-cohorts.ts';
import { rewardsUse } from './rewards-use.ts';
import { sessionStats } from './session-stats.ts';
import {
  BrandScopeParam,
  CampaignScopeParam,
  MEASURE_SCHEMAS,
  STATS_MEASURES,
  type StatsMeasure,
  type StatsQuery,
  StatsQuerySchema,
  type StatsResponse,
} from './stats.schemas.ts';
import type { StatsContext } from './stats-context.ts';
import { statsCsv } from './stats-csv.ts';
import { statsFunnel } from './stats-funnel.ts';
import { resolveRange } from './stats-range.ts';
import { statsScope, testersOf } from './stats-scope.ts';

/** Each measure's computation, one file each. */
const MEASURES: { [M in StatsMeasure]: (ctx: StatsContext) => Promise<StatsResponse<M>> } = {
  summary: periodComparison,
  funnel: statsFunnel,
  activity: dailyActivity,
  sessions: sessionStats,
  retention: retentionCohorts,
  'drop-off-screens': dropOffScreens,
  errors: clientErrorRate,
  rewards: rewardsUse,
  mailings: mailingPerformance,
};

const tags = ['admin: stats'];
const errors = {
  ...authErrors,
  403: errorResponse('A member of the brand without `stats` rights'),
  404: errorResponse('No such campaign or brand among yours'),
  422: errorResponse('Invalid query (dates, time zone, platform)'),
} as const;

function measureRoute(measure: StatsMeasure, scope: 'campaign' | 'brand') {
  return officeRoute('stats', {
    method: 'get',
    path: scope === 'campaign' ? `/campaigns/{id}/${measure}` : `/brands/{brandId}/${measure}`,
    tags,
    summary: `Statistics: ${measure} of a ${scope} (JSON, or CSV with format=csv)`,
    security: LAUNCH_AUTH,
    request: { params: scope === 'campaign' ? CampaignScopeParam : BrandScopeParam, query: StatsQuerySchema },
    responses: {
      200: {
        content: {
          'application/json': { schema: MEASURE_SCHEMAS[measure] },
          'text/csv': { schema: { type: 'string' } },
        },
        description: `The ${measure} measure`,
      },
      ...errors,
    },
  });
}

/**
 * A measure for the identity, after the `stats` check (statsScope): the JSON body and the brand it belongs to.
 * @example const { body } = await computeMeasure(deps, identity, { kind: 'campaign', id: 1 }, 'sessions', query);
 */
export async function computeMeasure(
  deps: Deps,
  identity: Identity,
  target: { kind: 'campaign' | 'brand'; id: number },
  measure: StatsMeasure,
  q: Omit<StatsQuery, 'format'>,
) {
  const { db } = deps;
  const now = deps.now();
  const found = await statsScope(db, identity, target);
  const ids = found.campaigns.map((x) => x.id);
  const ctx: StatsContext = {
    db,
    scope: found,
    range: resolveRange(q, q.timeZone ?? found.timeZone, now),
    platform: q.platform,
    testers: await testersOf(db, ids),
    now,
    language: q.lang ?? identity.language,
  };
  const body = await (MEASURES[measure] as (ctx: StatsContext) => Promise<StatsResponse<typeof measure>>)(ctx);
  const brandId = found.kind === 'brand' ? found.id : (found.campaigns[0]?.brandId as number);
  return { body, brandId };
}

/**
 * A measure's CSV for the identity (after the `stats` check), worded in the query's language or the member's, saved
 * under a name that says what it holds: what `format=csv` and a signed link (server/office-downloads/) both serve.
 * @example const { csv, fileName } = await statsCsvFile(deps, identity, { scope, measure: 'sessions', query });
 */
export async function statsCsvFile(
  deps: Deps,
  identity: Identity,
  { scope, measure, query }: OfficeDownloadParams['stats-csv'],
): Promise<OfficeCsv> {
  const { body, brandId } = await computeMeasure(deps, identity, scope, measure, query);
  const csv = statsCsv(measure, body, query.lang ?? identity.language);
  return { csv, fileName: `stats-${scope.kind}-${scope.id}-${measure}.csv`, brandId };
}

function linkRoute(measure: StatsMeasure, scope: 'campaign' | 'brand') {
  return officeRoute('stats', {
    method: 'post',
    path:
      scope === 'campaign' ? `/campaigns/{id}/${measure}/download-link` : `/brands/{brandId}/${measure}/download-link`,
    tags,
    summary: `A signed one-minute link to download the ${measure} CSV of a ${scope} (for VKWebAppDownloadFile)`,
    security: LAUNCH_AUTH,
    request: { params: scope === 'campaign' ? CampaignScopeParam : BrandScopeParam, query: StatsQuerySchema },
    responses: {
      200: json(OfficeDownloadLinkSchema, 'The link (relative to the API origin)'),
      ...errors,
    },
  });
}

export const statsRoutes = newRouter();
statsRoutes.use('*', requireIdentity);
for (const measure of STATS_MEASURES) {
  for (const scope of ['campaign', 'brand'] as const) {
    statsRoutes.openapi(measureRoute(measure, scope), async (c) => {
      const params = c.req.valid('param') as { id?: number; brandId?: number };
      const q = c.req.valid('query');
      const target = { kind: scope, id: (scope === 'campaign' ? params.id : params.brandId) as number };
      if (q.format === 'csv') {
        const { format: _, ...query } = q;
        const file = await statsCsvFile(c.var.deps, c.var.identity, { scope: target, measure, query });
        return csvAttachment(c, file.csv, file.fileName);
      }
      const { body } = await computeMeasure(c.var.deps, c.var.identity, target, measure, q);
      return c.json(body, 200);
    });
    // The measure is computed once here too: the link is only issued for what the member may read now.
    statsRoutes.openapi(linkRoute(measure, scope), async (c) => {
      const params = c.req.valid('param') as { id?: number; brandId?: number };
      const { format: _, ...query } = c.req.valid('query');
      const target = { kind: scope, id: (scope === 'campaign' ? params.id : params.brandId) as number };
      const { deps, identity } = c.var;
      const { brandId } = await computeMeasure(deps, identity, target, measure, query);
      const grant = { scope: target, measure, query: { ...query, lang: query.lang ?? identity.language } };
      return c.json(officeDownloadLink(deps, { purpose: 'stats-csv', identity, brandId, ...grant }), 200);
    });
  }
}
