/** @module Reward routes for participants: claim (idempotent; its rate limit is in http/route-limits.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { writerOf } from '../../writer/db-writer.ts';
import { refusalError } from '../../writer/write-ops.ts';
import { actionErrors, GrantSchema, json, RewardParams } from '../promo.schemas.ts';

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
  const deps = c.get('deps');
  const identity = c.get('identity');
  // A refusal (sold out, not eligible) is an answer, not a failure: its `sold_out_seen` event is kept.
  const outcome = await writerOf(deps).run('claimReward', { identity, campaignId: id, rewardKey }, deps.now());
  if ('refused' in outcome) throw refusalError(outcome.refused);
  return c.json(outcome.value, 200);
});
