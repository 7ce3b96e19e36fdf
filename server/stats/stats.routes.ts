/**
 * @module The statistics dashboard API (`/api/admin/stats`, section `stats`): one GET per measure and scope, JSON or
 * CSV (`format=csv`) of the same numbers. The contract is in `stats.schemas.ts`; each measure is computed by its own
 * file in this folder.
 */
import { createRoute } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { ApiError } from '../http/errors.ts';
import { newRouter } from '../http/router.ts';
import { authErrors, errorResponse, LAUNCH_AUTH } from '../http/schemas.ts';
import {
  BrandScopeParam,
  CampaignScopeParam,
  MEASURE_SCHEMAS,
  STATS_MEASURES,
  type StatsMeasure,
  StatsQuerySchema,
} from './stats.schemas.ts';

const tags = ['admin: stats'];
const errors = {
  ...authErrors,
  403: errorResponse('A member of the brand without `stats` rights'),
  404: errorResponse('No such campaign or brand among yours'),
  422: errorResponse('Invalid query (dates, time zone, platform)'),
} as const;

function measureRoute(measure: StatsMeasure, scope: 'campaign' | 'brand') {
  return createRoute({
    method: 'get',
    path: scope === 'campaign' ? `/campaigns/{id}/${measure}` : `/brands/{brandId}/${measure}`,
    tags,
    summary: `Statistics: ${measure} of a ${scope} (JSON, or CSV with format=csv)`,
    security: LAUNCH_AUTH,
    'x-section': 'stats',
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
    statsRoutes.openapi(measureRoute(measure, scope), () => {
      throw new ApiError(501, 'not_implemented', `stats contract: ${measure} of a ${scope} is not computed yet`);
    });
  }
}
