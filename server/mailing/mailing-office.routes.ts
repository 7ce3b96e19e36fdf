/**
 * @module What the office's mailing screens read and edit beyond the engine's routes (section `mailings`): the pickers
 * of the composer (stages, sources, tags, the campaign's screens for deep links, the frequency cap), the rules list
 * with their numbers, editing a rule, and the broadcasts with one broadcast for its progress page.
 */
import { z } from '@hono/zod-openapi';
import { and, eq, isNotNull } from 'drizzle-orm';
import { requireIdentity } from '../auth/middleware.ts';
import { type Db, schema } from '../db/client.ts';
import { stageTaskTitles } from '../funnel/stage-task-titles.ts';
import { withoutClientKey } from '../http/client-key.ts';
import { ApiError } from '../http/errors.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { campaignGroupId } from '../promo/promo-context.ts';
import { requireCampaignAccess } from './admin-access.ts';
import { broadcastOfCampaign, campaignBroadcasts } from './broadcast.service.ts';
import { campaignScreens, requireCampaignScreen } from './deep-link.ts';
import {
  BroadcastParams,
  BroadcastSchema,
  CampaignParam,
  ComposerOptionsSchema,
  ListedBroadcastSchema,
  mailingErrors,
  mailingTags,
  RuleEditSchema,
  RuleParams,
  RuleSchema,
  RuleSummarySchema,
  StatsSchema,
} from './mailing.schemas.ts';
import { broadcastStats, ruleStats } from './mailing-stats.ts';
import { campaignTags } from './participant-tags.ts';
import { campaignRules, frequencyCap, getRule, updateRule } from './rule.service.ts';

const errors = mailingErrors;
const tags = mailingTags;

const optionsRoute = officeRoute('mailings', {
  method: 'get',
  path: '/campaigns/{id}/options',
  tags,
  summary: "What the rule editor and the composer pick from: stages, sources, tags, the campaign's screens, the cap",
  security: LAUNCH_AUTH,
  request: { params: CampaignParam },
  responses: { 200: json(ComposerOptionsSchema, 'Options'), ...errors },
});
const summariesRoute = officeRoute('mailings', {
  method: 'get',
  path: '/campaigns/{id}/rule-summaries',
  tags,
  summary: 'Rules with their numbers: sent, opened the app after, reached the next stage, holdout lift',
  security: LAUNCH_AUTH,
  request: { params: CampaignParam },
  responses: { 200: json(z.object({ rules: z.array(RuleSummarySchema) }), 'Rules'), ...errors },
});
const editRule = officeRoute('mailings', {
  method: 'put',
  path: '/campaigns/{id}/rules/{ruleId}',
  tags,
  summary:
    "Replace a rule's settings, the copy named by `savedAt` (409 `saved_meanwhile` if saved since; rows already queued " +
    'keep their text); the copy saved as it is is answered as it is, with no audit entry',
  security: LAUNCH_AUTH,
  request: { params: RuleParams, ...jsonBody(RuleEditSchema) },
  responses: {
    200: json(RuleSchema, 'Updated'),
    ...errors,
    409: errorResponse('saved_meanwhile: someone saved the rule after this copy was read (nothing written; reload it)'),
  },
});
const listBroadcasts = officeRoute('mailings', {
  method: 'get',
  path: '/campaigns/{id}/broadcasts',
  tags,
  summary: "The campaign's broadcasts, newest first",
  security: LAUNCH_AUTH,
  request: { params: CampaignParam },
  responses: { 200: json(z.object({ broadcasts: z.array(ListedBroadcastSchema) }), 'Broadcasts'), ...errors },
});
const oneBroadcast = officeRoute('mailings', {
  method: 'get',
  path: '/campaigns/{id}/broadcasts/{broadcastId}',
  tags,
  summary: 'One broadcast with its progress and results',
  security: LAUNCH_AUTH,
  request: { params: BroadcastParams },
  responses: { 200: json(z.object({ broadcast: BroadcastSchema, stats: StatsSchema }), 'Broadcast'), ...errors },
});

async function campaignSources(db: Db, campaignId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ source: schema.participants.source })
    .from(schema.participants)
    .where(and(eq(schema.participants.campaignId, campaignId), isNotNull(schema.participants.source)))
    .limit(100);
  return rows.flatMap((r) => (r.source ? [r.source] : [])).sort();
}

/** The names a recipient sees as the sender: the community (messages) and the mini app (notifications). */
async function campaignSenders(db: Db, campaignId: number) {
  const [row] = await db
    .select({ community: schema.communities.name, app: schema.apps.name })
    .from(schema.campaigns)
    .leftJoin(schema.communities, eq(schema.communities.id, schema.campaigns.communityId))
    .leftJoin(schema.apps, eq(schema.apps.id, schema.campaigns.appId))
    .where(eq(schema.campaigns.id, campaignId))
    .limit(1);
  return { message: row?.community ?? null, notification: row?.app ?? null };
}

export const mailingOfficeRoutes = newRouter();
mailingOfficeRoutes.use('*', requireIdentity);

mailingOfficeRoutes.openapi(optionsRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { db } = c.var.deps;
  const campaign = await requireCampaignAccess(db, c.var.identity, id, 'mailings');
  const groupId = await campaignGroupId(db, campaign);
  return c.json(
    {
      stages: campaign.stages,
      taskTitles: await stageTaskTitles(db, id, campaign.stages, c.var.identity.language),
      sources: await campaignSources(db, id),
      tags: (await campaignTags(db, id)).map((t) => t.tag),
      screens: await campaignScreens(db, id, c.var.identity.language),
      cap: groupId === undefined ? null : await frequencyCap(db, groupId),
      timeZone: campaign.timeZone,
      senders: await campaignSenders(db, id),
    },
    200,
  );
});
mailingOfficeRoutes.openapi(summariesRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { db } = c.var.deps;
  await requireCampaignAccess(db, c.var.identity, id, 'mailings');
  const rules = [];
  for (const rule of await campaignRules(db, id)) {
    const s = await ruleStats(db, rule.id);
    rules.push({
      rule: withoutClientKey(rule),
      sent: s.byStatus.sent ?? 0,
      openedAfter: s.openedAfter,
      converted: s.treated.converted,
      liftPoints: s.liftPoints,
    });
  }
  return c.json({ rules }, 200);
});
mailingOfficeRoutes.openapi(editRule, async (c) => {
  const { id, ruleId } = c.req.valid('param');
  const { db } = c.var.deps;
  const campaign = await requireCampaignAccess(db, c.var.identity, id, 'mailings');
  const rule = await getRule(db, ruleId);
  // Another campaign's rule answers like a missing one.
  if (rule.campaignId !== id) throw new ApiError(404, 'rule_not_found', `Rule ${ruleId} does not exist`);
  const input = c.req.valid('json');
  for (const [i, v] of input.variants.entries()) {
    await requireCampaignScreen(db, id, `variants.${i}.fragment`, v.fragment);
  }
  const who = { actor: c.var.identity, brandId: campaign.brandId };
  return c.json(withoutClientKey(await updateRule(db, ruleId, input, who, c.var.deps.now())), 200);
});
mailingOfficeRoutes.openapi(listBroadcasts, async (c) => {
  const { id } = c.req.valid('param');
  await requireCampaignAccess(c.var.deps.db, c.var.identity, id, 'mailings');
  return c.json({ broadcasts: (await campaignBroadcasts(c.var.deps.db, id)).map(withoutClientKey) }, 200);
});
mailingOfficeRoutes.openapi(oneBroadcast, async (c) => {
  const { id, broadcastId } = c.req.valid('param');
  const { db } = c.var.deps;
  await requireCampaignAccess(db, c.var.identity, id, 'mailings');
  const broadcast = await broadcastOfCampaign(db, id, broadcastId);
  return c.json({ broadcast: withoutClientKey(broadcast), stats: await broadcastStats(db, broadcastId) }, 200);
});
