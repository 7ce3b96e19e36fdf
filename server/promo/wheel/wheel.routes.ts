/** @module Wheel route: spend one attempt and draw (its rate limit is in http/route-limits.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { AttemptsSchema, actionErrors, CampaignParams, GrantSchema, json, SectorSchema } from '../promo.schemas.ts';
import { spinWheel } from './wheel.service.ts';

const spinRoute = createRoute({
  method: 'post',
  path: '/{id}/wheel/spin',
  tags: ['promo'],
  summary: 'Spin: 409 daily_limit or no_attempts when none is available; a loss is a result too',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: {
    200: json(
      z
        .object({
          sector: SectorSchema,
          sectors: z.array(SectorSchema).openapi({ description: 'The wheel the draw was made on' }),
          outcome: z.enum(['win', 'lose']),
          lossReason: z.enum(['sold_out', 'daily_cap', 'already_won']).nullable(),
          prize: GrantSchema.nullable(),
          attempts: AttemptsSchema,
        })
        .openapi('SpinResult'),
      'Where the wheel stopped',
    ),
    ...actionErrors,
  },
});

export const wheelRoutes = newRouter();
wheelRoutes.openapi(spinRoute, async (c) =>
  c.json(await spinWheel(c.var.deps, c.var.identity, c.req.valid('param').id), 200),
);
