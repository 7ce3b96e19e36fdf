/**
 * @module The statistics dashboard API (`/api/admin/stats`, section `stats`): one GET per measure and scope, JSON or
 * CSV (`format=csv`) of the same numbers. The contract is in `stats.schemas.ts`; each measure is computed by its own
 * file in this folder.
 */
import { requireIdentity } from '../auth/middleware.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { authErrors, errorResponse, LAUNCH_AUTH } from '../http/schemas.ts';
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

export const statsRoutes = newRouter();
statsRoutes.use('*', requireIdentity);
for (const measure of STATS_MEASURES) {
  for (const scope of ['campaign', 'brand'] as const) {
    statsRoutes.openapi(measureRoute(measure, scope), async (c) => {
      const params = c.req.valid('param') as { id?: number; brandId?: number };
      const q = c.req.valid('query');
      const { db } = c.var.deps;
      const now = c.var.deps.now();
      const target = { kind: scope, id: (scope === 'campaign' ? params.id : params.brandId) as number };
      const found = await statsScope(db, c.var.identity, target);
      const ids = found.campaigns.map((x) => x.id);
      const ctx: StatsContext = {
        db,
        scope: found,
        range: resolveRange(q, q.timeZone ?? found.timeZone, now),
        platform: q.platform,
        testers: await testersOf(db, ids),
        now,
      };
      const body = await (MEASURES[measure] as (ctx: StatsContext) => Promise<StatsResponse<typeof measure>>)(ctx);
      if (q.format === 'csv') {
        c.header('Content-Disposition', `attachment; filename="stats-${scope}-${target.id}-${measure}.csv"`);
        return c.body(statsCsv(measure, body, q.lang ?? c.var.identity.language), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
        });
      }
      return c.json(body, 200);
    });
  }
}
