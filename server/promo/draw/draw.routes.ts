/**
 * @module The participant's draw routes: `GET /api/campaigns/{id}/draw` (the commitment from the launch, whether the
 * caller is in the draw or what they miss, and after the draw the seed, list hash and masked winners) and
 * `GET /api/campaigns/{id}/draw/entries` (the frozen list as index + hash) so anyone can recompute it.
 */
import { createRoute } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { actionErrors, CampaignParams, json } from '../promo.schemas.ts';
import { loadCampaign } from '../promo-context.ts';
import { DrawEntriesSchema, ParticipantDrawSchema } from './draw.schemas.ts';
import { participantDrawView, publicEntries } from './draw-views.ts';

const drawRoute = createRoute({
  method: 'get',
  path: '/{id}/draw',
  tags: ['promo'],
  summary: "The giveaway's draw: commitment, the caller's entry, and the results with the revealed seed",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(ParticipantDrawSchema, 'The draw'), ...actionErrors },
});

const entriesRoute = createRoute({
  method: 'get',
  path: '/{id}/draw/entries',
  tags: ['promo'],
  summary: 'The frozen list of entries (index and SHA-256 of `platform:userId`), once drawn (409 `not_drawn` before)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(DrawEntriesSchema, 'The frozen list'), ...actionErrors },
});

export const drawRoutes = newRouter();
drawRoutes.openapi(drawRoute, async (c) => {
  const { db } = c.var.deps;
  const campaign = await loadCampaign(c.var.deps, c.var.identity, c.req.valid('param').id);
  return c.json(await participantDrawView(db, c.var.identity, campaign), 200);
});
drawRoutes.openapi(entriesRoute, async (c) => {
  const { db } = c.var.deps;
  const campaign = await loadCampaign(c.var.deps, c.var.identity, c.req.valid('param').id);
  return c.json(await publicEntries(db, campaign), 200);
});
