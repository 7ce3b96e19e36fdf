/** @module The rules route: a campaign's rules generated from its settings, in the launch's language. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { actionErrors, CampaignParams, json } from '../promo.schemas.ts';
import { loadCampaign } from '../promo-context.ts';
import { brandNameOf, campaignRules } from './campaign-rules.ts';

export const RulesSchema = z
  .object({
    legalType: z.enum(['instant_win', 'draw', 'merit_contest', 'giveaway']),
    sections: z.array(
      z.object({
        key: z.enum(['organizer', 'dates', 'prizes', 'winners', 'draw', 'terms']),
        title: z.string(),
        text: z.string(),
      }),
    ),
  })
  .openapi('CampaignRules');

const rulesRoute = createRoute({
  method: 'get',
  path: '/{id}/rules',
  tags: ['promo'],
  summary: 'The rules: organiser, dates, prize fund, how winners are chosen, further terms',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(RulesSchema, 'The rules, in the launch language'), ...actionErrors },
});

export const rulesRoutes = newRouter();
rulesRoutes.openapi(rulesRoute, async (c) => {
  const { db } = c.var.deps;
  const campaign = await loadCampaign(c.var.deps, c.var.identity, c.req.valid('param').id);
  const sections = await campaignRules(db, campaign, await brandNameOf(db, campaign), c.var.identity.language);
  return c.json({ legalType: campaign.legalType, sections }, 200);
});
