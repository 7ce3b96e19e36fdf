/** @module Reward routes for participants: claim (idempotent, rate-limited). */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { actionErrors, GrantSchema, json, RewardParams } from '../promo.schemas.ts';
import { rateLimit } from '../rate-limit.ts';
import { claimReward } from './reward.service.ts';

const claimRoute = createRoute({
  method: 'post',
  path: '/{id}/rewards/{rewardKey}/claim',
  tags: ['promo'],
  summary: 'Claim an unlocked reward. Idempotent: a repeat returns the first grant. 409 sold_out when none are left',
  security: LAUNCH_AUTH,
  middleware: [rateLimit('claim')] as const,
  request: { params: RewardParams },
  responses: {
    200: json(z.object({ status: z.enum(['issued', 'already_issued']), grant: GrantSchema }), 'The grant'),
    ...actionErrors,
  },
});

export const rewardRoutes = newRouter();
rewardRoutes.openapi(claimRoute, (c) => {
  const { id, rewardKey } = c.req.valid('param');
  return c.json(claimReward(c.var.deps, c.var.identity, id, rewardKey), 200);
});
