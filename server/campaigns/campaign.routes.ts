/** @module Campaigns as a participant sees them. */

import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { CAMPAIGN_STATUSES, MECHANICS } from '../db/schema/campaign.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam } from '../http/row-id.ts';
import { authErrors, errorResponse, LAUNCH_AUTH } from '../http/schemas.ts';
import { getVisibleCampaign, listVisibleCampaigns, publicCampaign } from './campaign.service.ts';

export const CampaignSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    mechanic: z.enum(MECHANICS),
    status: z.enum(CAMPAIGN_STATUSES),
    phase: z.enum(['not_started', 'running', 'paused', 'ended']),
    startsAt: z.number().int(),
    endsAt: z.number().int(),
    timeZone: z.string(),
    startsOn: z.iso
      .date()
      .openapi({ description: 'The local date `startsAt` falls on in `timeZone`', example: '2026-06-01' }),
    endsOn: z.iso
      .date()
      .openapi({ description: 'The local date `endsAt` falls on in `timeZone`', example: '2026-08-31' }),
    legalType: z.enum(['instant_win', 'draw', 'merit_contest', 'giveaway']),
    rulesText: z.string(),
    theme: z.object({ accent: z.string().optional(), coverUrl: z.string().optional() }),
  })
  .openapi('Campaign');

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['campaigns'],
  summary: 'Campaigns this user can open in this app (and community, when launched from one)',
  security: LAUNCH_AUTH,
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ campaigns: z.array(CampaignSchema) }) } },
      description: 'Campaigns',
    },
    ...authErrors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['campaigns'],
  summary: 'One campaign',
  security: LAUNCH_AUTH,
  request: { params: z.object({ id: RowIdParam }) },
  responses: {
    200: { content: { 'application/json': { schema: CampaignSchema } }, description: 'The campaign' },
    ...authErrors,
    404: errorResponse('No such campaign for this app'),
    409: errorResponse(
      'campaign_not_started: scheduled; `params.startsAt` says when while it is ahead (no params once it passed), nothing else of it',
    ),
    422: errorResponse('Invalid id'),
  },
});

export const campaignRoutes = newRouter();
campaignRoutes.use('*', requireIdentity);
campaignRoutes.openapi(listRoute, async (c) => {
  const { db, now } = c.var.deps;
  const at = now();
  return c.json(
    {
      campaigns: (await listVisibleCampaigns(db, c.var.identity)).map((x) =>
        publicCampaign(x, at, c.var.identity.language),
      ),
    },
    200,
  );
});
campaignRoutes.openapi(getRoute, async (c) => {
  const { now } = c.var.deps;
  return c.json(
    publicCampaign(
      await getVisibleCampaign(c.var.deps, c.var.identity, c.req.valid('param').id),
      now(),
      c.var.identity.language,
    ),
    200,
  );
});
