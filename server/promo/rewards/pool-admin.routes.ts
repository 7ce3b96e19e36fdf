/** @module Brand-facing code pool routes: stock (low-stock visible) and all-or-nothing CSV import. */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../../auth/middleware.ts';
import { newRouter } from '../../http/router.ts';
import { authErrors, errorResponse, LAUNCH_AUTH } from '../../http/schemas.ts';
import { CampaignParams, json, jsonBody } from '../promo.schemas.ts';
import { importCodes, listPools } from './pool-admin.service.ts';

const PoolStockSchema = z
  .object({
    poolId: z.number().int(),
    key: z.string(),
    name: z.string(),
    purpose: z.enum(['reward', 'entry']),
    total: z.number().int(),
    used: z.number().int(),
    free: z.number().int(),
    lowStockThreshold: z.number().int(),
    lowStock: z.boolean(),
    soldOut: z.boolean(),
  })
  .openapi('PoolStock');

const adminErrors = {
  ...authErrors,
  403: errorResponse('No `prizes` rights on this brand'),
  404: errorResponse('No such campaign or pool'),
} as const;

const listRoute = createRoute({
  method: 'get',
  path: '/{id}/pools',
  tags: ['admin'],
  summary: "A campaign's code pools with stock and low-stock flags",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(z.object({ pools: z.array(PoolStockSchema) }), 'Pools'), ...adminErrors },
});

const importRoute = createRoute({
  method: 'post',
  path: '/{id}/pools/{poolId}/codes',
  tags: ['admin'],
  summary: 'Import codes from CSV (first column; optional `code` header). All or nothing; 422 lists problems by line',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParams.extend({ poolId: z.coerce.number().int().positive() }),
    ...jsonBody(z.object({ csv: z.string().min(1).max(1_000_000) })),
  },
  responses: {
    200: json(z.object({ imported: z.number().int(), total: z.number().int(), stock: PoolStockSchema }), 'Imported'),
    ...adminErrors,
    422: errorResponse('invalid_csv: issues are `line N` with the reason; nothing was imported'),
  },
});

export const poolAdminRoutes = newRouter();
poolAdminRoutes.use('*', requireIdentity);
poolAdminRoutes.openapi(listRoute, (c) =>
  c.json({ pools: listPools(c.var.deps.db, c.var.identity, c.req.valid('param').id) }, 200),
);
poolAdminRoutes.openapi(importRoute, (c) => {
  const { id, poolId } = c.req.valid('param');
  return c.json(importCodes(c.var.deps.db, c.var.identity, id, poolId, c.req.valid('json').csv), 200);
});
