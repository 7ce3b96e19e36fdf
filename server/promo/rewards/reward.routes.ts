/** @module Reward routes for participants: claim (idempotent; its rate limit is in http/route-limits.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { actionErrors, GrantSchema, json, RewardParams } from '../promo.schemas.ts';
import { claimReward } from './reward.service.ts';

const claimRoute = createRoute({
  method: 'post',
  path: '/{id}/rewards/{rewardKey}/claim',
  tags: ['promo'],
  summary: 'Claim an unlocked reward. Idempotent: a repeat returns the first grant. 409 sold_out when none are left',
  security: LAUNCH_AUTH,
  request: { params: RewardParams },
  responses: {
    200: json(z.object({ status: z.enum(['issued', 'already_issued']), grant: GrantSchema }), 'The grant'),
    ...actionErrors,
  },
});

export const rewardRoutes = newRouter();
rewardRoutes.openapi(claimRoute, async (c) => {
  const { id, rewardKey } = c.req.valid('param');
  return c.json(await claimReward(c.get('deps'), c.get('identity'), id, rewardKey), 200);
});
