/** @module Participant routes: open (join) a campaign, read its state, rules viewed, my prizes. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { actionErrors, CampaignParams, GrantSchema, json, jsonBody, StateSchema } from '../promo.schemas.ts';
import { myPrizes } from '../rewards/reward.service.ts';
import { openCampaign, recordRulesViewed } from './participation.service.ts';
import { campaignState } from './state.service.ts';

const openRoute = createRoute({
  method: 'post',
  path: '/{id}/open',
  tags: ['promo'],
  summary: 'Open a campaign: joins on the first open of a running campaign (one participation per user)',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParams,
    ...jsonBody(
      z.object({
        ref: z.string().max(64).optional().openapi({ description: "Referral code from the inviter's share link" }),
      }),
    ),
  },
  responses: {
    200: json(z.object({ created: z.boolean(), state: StateSchema }), 'Opened; `created` on the first open'),
    ...actionErrors,
  },
});

const stateRoute = createRoute({
  method: 'get',
  path: '/{id}/state',
  tags: ['promo'],
  summary: 'Campaign home: phase, participation, tasks with progress, rewards, quiz or wheel',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(StateSchema, 'State'), ...actionErrors },
});

const rulesRoute = createRoute({
  method: 'post',
  path: '/{id}/rules-viewed',
  tags: ['promo'],
  summary: 'Record that the rules screen was shown',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(z.object({ recorded: z.literal(true) }), 'Recorded'), ...actionErrors },
});

const prizesRoute = createRoute({
  method: 'get',
  path: '/{id}/prizes',
  tags: ['promo'],
  summary: 'My prizes in this campaign (codes included)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(z.object({ prizes: z.array(GrantSchema) }), 'Prizes'), ...actionErrors },
});

export const participationRoutes = newRouter();
participationRoutes.openapi(openRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { created } = await openCampaign(c.var.deps, c.var.identity, id, c.req.valid('json'));
  return c.json({ created, state: await campaignState(c.var.deps, c.var.identity, id) }, 200);
});
participationRoutes.openapi(stateRoute, async (c) =>
  c.json(await campaignState(c.var.deps, c.var.identity, c.req.valid('param').id), 200),
);
participationRoutes.openapi(rulesRoute, async (c) => {
  await recordRulesViewed(c.var.deps, c.var.identity, c.req.valid('param').id);
  return c.json({ recorded: true as const }, 200);
});
participationRoutes.openapi(prizesRoute, async (c) =>
  c.json({ prizes: await myPrizes(c.var.deps, c.var.identity, c.req.valid('param').id) }, 200),
);
