/**
 * @module Brand-facing mailing API (`/api/admin/mailing`, section `mailings`): funnel rules (create, switch, dry run,
 * stats), broadcasts (segment preview, dry run, send now or scheduled, cancel, stats), participant tags
 * (tag.routes.ts) and the frequency cap.
 */
import { z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { requireBrandSwitchedOn } from '../auth/permissions.ts';
import { inTransaction } from '../db/transactions.ts';
import { withoutClientKey } from '../http/client-key.ts';
import { ApiError } from '../http/errors.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { campaignGroupId } from '../promo/promo-context.ts';
import { requireCampaignAccess } from './admin-access.ts';
import {
  broadcastOfCampaign,
  cancelBroadcast,
  createBroadcast,
  previewSegment,
  requireBroadcastStages,
  requireScheduleAhead,
} from './broadcast.service.ts';
import { broadcastSentWithKey } from './broadcast-keys.ts';
import { requireCommunityToken } from './community-token-required.ts';
import { requireCampaignScreen } from './deep-link.ts';
import {
  BroadcastParams,
  BroadcastSchema,
  CampaignParam,
  CapSchema,
  mailingErrors,
  mailingTags,
  NewBroadcastSchema,
  PreviewRequest,
  PreviewSchema,
  RuleCreateSchema,
  RuleParams,
  RuleRunSchema,
  RuleSchema,
  StatsSchema,
} from './mailing.schemas.ts';
import type { MailingActor } from './mailing-audit.ts';
import { mailingOfficeRoutes } from './mailing-office.routes.ts';
import { broadcastStats, ruleStats } from './mailing-stats.ts';
import { broadcastKeyboard, ruleDecorator } from './open-app-button.ts';
import {
  campaignRules,
  createRule,
  getRule,
  type NewRule,
  ruleSentBefore,
  setFrequencyCap,
  setRuleActive,
} from './rule.service.ts';
import { evaluateRule } from './rule-evaluation.ts';
import { tagRoutes } from './tag.routes.ts';

const errors = mailingErrors;
const tags = mailingTags;

const listRules = officeRoute('mailings', {
  method: 'get',
  path: '/campaigns/{id}/rules',
  tags,
  summary: "A campaign's funnel rules",
  security: LAUNCH_AUTH,
  request: { params: CampaignParam },
  responses: { 200: json(z.object({ rules: z.array(RuleSchema) }), 'Rules'), ...errors },
});
const addRule = officeRoute('mailings', {
  method: 'post',
  path: '/campaigns/{id}/rules',
  tags,
  summary: 'Create a funnel rule; sent again with the same `clientKey`, it is the rule that created (nothing written)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParam, ...jsonBody(RuleCreateSchema) },
  responses: {
    201: json(RuleSchema, 'Created (or, sent again with its clientKey, the one it created)'),
    ...errors,
    409: errorResponse('client_key_reused: this clientKey created another rule; make a new one per rule'),
  },
});
const switchRule = officeRoute('mailings', {
  method: 'patch',
  path: '/campaigns/{id}/rules/{ruleId}',
  tags,
  summary: 'Switch a rule on or off; a rule already so is answered as it is, with no audit entry',
  security: LAUNCH_AUTH,
  request: { params: RuleParams, ...jsonBody(z.object({ active: z.boolean() })) },
  responses: { 200: json(RuleSchema, 'Updated'), ...errors },
});
const dryRunRule = officeRoute('mailings', {
  method: 'post',
  path: '/campaigns/{id}/rules/{ruleId}/dry-run',
  tags,
  summary: 'Who the rule would message now (nothing is written)',
  security: LAUNCH_AUTH,
  request: { params: RuleParams },
  responses: { 200: json(RuleRunSchema, 'Dry run'), ...errors },
});
const ruleStatsRoute = officeRoute('mailings', {
  method: 'get',
  path: '/campaigns/{id}/rules/{ruleId}/stats',
  tags,
  summary: 'Queued, sent, failed by reason, converted, holdout',
  security: LAUNCH_AUTH,
  request: { params: RuleParams },
  responses: { 200: json(StatsSchema, 'Stats'), ...errors },
});
const preview = officeRoute('mailings', {
  method: 'post',
  path: '/campaigns/{id}/broadcasts/preview',
  tags,
  summary: 'How many participants a segment reaches',
  security: LAUNCH_AUTH,
  request: { params: CampaignParam, ...jsonBody(PreviewRequest) },
  responses: { 200: json(PreviewSchema, 'Preview'), ...errors },
});
const addBroadcast = officeRoute('mailings', {
  method: 'post',
  path: '/campaigns/{id}/broadcasts',
  tags,
  summary:
    'Create a broadcast (now or scheduled); `dryRun` only counts. Sent again with the same `clientKey`, it is the ' +
    'broadcast already written (201, nothing sent twice)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParam, ...jsonBody(NewBroadcastSchema) },
  responses: {
    200: json(z.object({ dryRun: z.literal(true), preview: PreviewSchema }), 'Dry run: nothing written'),
    201: json(z.object({ broadcast: BroadcastSchema, enqueued: z.number().int() }), 'Created'),
    409: errorResponse(
      'no_community: the campaign has no VK community | brand_switched_off: the agency switched the brand off (nothing written; a dry run still counts) | ' +
        "no_community_token: community messages, and the campaign's community has no token to send them with (none stored by the agency, or its brand switched off); the issue names the community (nothing written; a dry run still counts) | " +
        'client_key_reused: the clientKey was sent with another broadcast',
    ),
    ...errors,
    422: errorResponse(
      'Invalid input | scheduled_in_past: `scheduledAt` more than 5 minutes before now (nothing written; leave it out to send now)',
    ),
  },
});
const broadcastStatsRoute = officeRoute('mailings', {
  method: 'get',
  path: '/campaigns/{id}/broadcasts/{broadcastId}/stats',
  tags,
  summary: "A broadcast's messages by status (sent, still to send, failed and closed, with reasons) and conversion",
  security: LAUNCH_AUTH,
  request: { params: BroadcastParams },
  responses: { 200: json(StatsSchema, 'Stats'), ...errors },
});
// DELETE on the broadcast rather than POST …/cancel: a POST param route beside the static POST …/preview makes Hono
// fall back from its RegExpRouter to the slower TrieRouter for the whole app (server/app.test.ts guards this).
const cancelRoute = officeRoute('mailings', {
  method: 'delete',
  path: '/campaigns/{id}/broadcasts/{broadcastId}',
  tags,
  summary: 'Cancel a scheduled broadcast, or the unsent rest of one in progress',
  security: LAUNCH_AUTH,
  request: { params: BroadcastParams },
  responses: {
    200: json(z.object({ broadcast: BroadcastSchema, cancelled: z.number().int() }), 'Cancelled'),
    409: errorResponse('Already cancelled, or every message already handled'),
    ...errors,
  },
});
const capRoute = officeRoute('mailings', {
  method: 'put',
  path: '/campaigns/{id}/frequency-cap',
  tags,
  summary:
    "Per-user cap on rule messages across the campaign's community; the cap it already has is answered as it is, " +
    'with no audit entry',
  security: LAUNCH_AUTH,
  request: { params: CampaignParam, ...jsonBody(CapSchema) },
  responses: { 200: json(CapSchema, 'Saved'), 409: errorResponse('The campaign has no VK community'), ...errors },
});

export const mailingRoutes = newRouter();
mailingRoutes.use('*', requireIdentity);
mailingRoutes.route('/', tagRoutes);
mailingRoutes.route('/', mailingOfficeRoutes);

const access = (
  c: {
    var: {
      deps: { db: Parameters<typeof requireCampaignAccess>[0] };
      identity: Parameters<typeof requireCampaignAccess>[1];
    };
  },
  id: number,
) => requireCampaignAccess(c.var.deps.db, c.var.identity, id, 'mailings');

/** The member and brand a mailing change is audited under. */
const actorOf = (c: { var: { identity: MailingActor['actor'] } }, campaign: { brandId: number }): MailingActor => ({
  actor: c.var.identity,
  brandId: campaign.brandId,
});

/** Every variant's deep link must open a screen of the campaign. */
async function requireRuleScreens(db: Parameters<typeof getRule>[0], campaignId: number, rule: NewRule) {
  for (const [i, v] of rule.variants.entries()) {
    await requireCampaignScreen(db, campaignId, `variants.${i}.fragment`, v.fragment);
  }
}

async function ruleOf(db: Parameters<typeof getRule>[0], campaignId: number, ruleId: number) {
  const rule = await getRule(db, ruleId);
  if (rule.campaignId !== campaignId) throw new ApiError(404, 'rule_not_found', `Rule ${ruleId} does not exist`);
  return rule;
}

mailingRoutes.openapi(listRules, async (c) => {
  const { id } = c.req.valid('param');
  await access(c, id);
  return c.json({ rules: (await campaignRules(c.var.deps.db, id)).map(withoutClientKey) }, 200);
});
mailingRoutes.openapi(addRule, async (c) => {
  const { id } = c.req.valid('param');
  const campaign = await access(c, id);
  const input = c.req.valid('json');
  // A create repeated with its key (its answer lost) is the rule it wrote, though a screen it links to went since.
  const earlier = await ruleSentBefore(c.var.deps.db, id, input);
  if (earlier) return c.json(withoutClientKey(earlier), 201);
  await requireRuleScreens(c.var.deps.db, id, input);
  return c.json(
    withoutClientKey(await createRule(c.var.deps.db, id, input, actorOf(c, campaign), c.var.deps.now())),
    201,
  );
});
mailingRoutes.openapi(switchRule, async (c) => {
  const { id, ruleId } = c.req.valid('param');
  const campaign = await access(c, id);
  await ruleOf(c.var.deps.db, id, ruleId);
  const rule = await setRuleActive(c.var.deps.db, ruleId, c.req.valid('json').active, actorOf(c, campaign));
  return c.json(withoutClientKey(rule), 200);
});
mailingRoutes.openapi(dryRunRule, async (c) => {
  const { id, ruleId } = c.req.valid('param');
  await access(c, id);
  const { deps } = c.var;
  const rule = await ruleOf(deps.db, id, ruleId);
  return c.json(await evaluateRule(deps.db, rule, deps.now(), ruleDecorator(deps), true), 200);
});
mailingRoutes.openapi(ruleStatsRoute, async (c) => {
  const { id, ruleId } = c.req.valid('param');
  await access(c, id);
  await ruleOf(c.var.deps.db, id, ruleId);
  return c.json(await ruleStats(c.var.deps.db, ruleId), 200);
});
mailingRoutes.openapi(preview, async (c) => {
  const { id } = c.req.valid('param');
  const campaign = await access(c, id);
  const { segment, channel } = c.req.valid('json');
  requireBroadcastStages(campaign, { segment });
  return c.json(await previewSegment(c.var.deps.db, { ...segment, campaignId: id }, channel), 200);
});
mailingRoutes.openapi(addBroadcast, async (c) => {
  const { id } = c.req.valid('param');
  const campaign = await access(c, id);
  const { deps } = c.var;
  const input = c.req.valid('json');
  const { clientKey } = input;
  if (clientKey && !input.dryRun) {
    // A send repeated with its key (its answer lost) is the broadcast it wrote, though the brand was switched off or
    // its token went since: asked after the member's rights, before anything that judges a new broadcast.
    const sent = await inTransaction(deps.db, (tx) =>
      broadcastSentWithKey(tx, { ...input, campaignId: id }, clientKey),
    );
    if (sent) return c.json({ broadcast: withoutClientKey(sent), enqueued: sent.enqueuedCount }, 201);
  }
  await requireCampaignScreen(deps.db, id, 'fragment', input.fragment);
  // A bad moment is a 422 whatever the brand's state (the key's earlier send, above, keeps its answer).
  if (!input.dryRun) requireScheduleAhead(input.scheduledAt, deps.now());
  if (input.dryRun) {
    requireBroadcastStages(campaign, input);
    const preview = await previewSegment(deps.db, { ...input.segment, campaignId: id }, input.channel);
    return c.json({ dryRun: true as const, preview }, 200);
  }
  // Sent now it would be held or closed unsent, scheduled it would reach its moment while off (decision 054).
  await requireBrandSwitchedOn(deps.db, campaign.brandId);
  // Community messages with no token to send them would wait queued for ever (decision 071); notifications go with
  // the app's service token. Asked after the input's own checks: a bad field is a 422 whatever the community.
  if (input.channel === 'message') {
    requireBroadcastStages(campaign, input);
    await requireCommunityToken(deps, id);
  }
  const now = deps.now();
  const who = actorOf(c, campaign);
  const b = await createBroadcast(deps.db, { ...input, campaignId: id }, now, who, {
    keyboard: (row) => broadcastKeyboard(deps, row),
  });
  // As it was written: a send repeated with its key gets the same answer as the first.
  const broadcast = withoutClientKey(await broadcastOfCampaign(deps.db, id, b.id));
  return c.json({ broadcast, enqueued: b.enqueuedCount }, 201);
});
mailingRoutes.openapi(broadcastStatsRoute, async (c) => {
  const { id, broadcastId } = c.req.valid('param');
  await access(c, id);
  await broadcastOfCampaign(c.var.deps.db, id, broadcastId);
  return c.json(await broadcastStats(c.var.deps.db, broadcastId), 200);
});
mailingRoutes.openapi(cancelRoute, async (c) => {
  const { id, broadcastId } = c.req.valid('param');
  const campaign = await access(c, id);
  await broadcastOfCampaign(c.var.deps.db, id, broadcastId);
  const { broadcast, cancelled } = await cancelBroadcast(
    c.var.deps.db,
    broadcastId,
    c.var.deps.now(),
    actorOf(c, campaign),
  );
  return c.json({ broadcast: withoutClientKey(broadcast), cancelled }, 200);
});
mailingRoutes.openapi(capRoute, async (c) => {
  const { id } = c.req.valid('param');
  const campaign = await access(c, id);
  const groupId = await campaignGroupId(c.var.deps.db, campaign);
  if (groupId === undefined) throw new ApiError(409, 'no_community', `Campaign ${id} has no VK community`);
  const cap = c.req.valid('json');
  await setFrequencyCap(c.var.deps.db, groupId, cap.capCount, cap.capHours, actorOf(c, campaign));
  return c.json(cap, 200);
});
