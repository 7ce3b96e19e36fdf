/**
 * @module Brand-facing funnel API (`/api/admin/funnel`, section `stats`): the funnel report (uniques, ordered,
 * conversion window, optional breakdown by launch source or message variant) and who is stuck at a stage (JSON or CSV,
 * the CSV also by a signed link).
 */
import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { requireIdentity } from '../auth/middleware.ts';
import { type Db, schema } from '../db/client.ts';
import { csvAttachment } from '../http/csv.ts';
import { fieldRefusal } from '../http/errors.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { RowIdParam } from '../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { EpochMsParam, wholeNumberParamOr } from '../http/url-number.ts';
import { requireCampaignAccess } from '../mailing/admin-access.ts';
import { OfficeDownloadLinkSchema, officeDownloadLink } from '../office-downloads/office-download-grant.ts';
import { profileUrl } from '../profile-url.ts';
import { StatsPlatformParam } from '../stats/stats.schemas.ts';
import { funnelReport } from './funnel-report.ts';
import { stuckCampaign, stuckCsvFile } from './stuck-csv-file.ts';
import { stuckCounts, stuckParticipants } from './stuck-participants.ts';

const HOUR = 3_600_000;
const tags = ['admin: funnel'];
const CampaignParam = z.object({ id: RowIdParam });
const errors = {
  ...authErrors,
  403: errorResponse('No `stats` rights on this brand'),
  404: errorResponse('No such campaign'),
  422: errorResponse('Invalid query'),
} as const;

const StageRowSchema = z.object({
  stage: z.string(),
  count: z.number().int(),
  pctOfFirst: z.number(),
  pctOfPrevious: z.number(),
  dropOff: z.number().int(),
  medianMsFromPrevious: z.number().nullable(),
  meanMsFromPrevious: z.number().nullable(),
});
const ReportSchema = z
  .object({
    campaignId: z.number().int(),
    from: z.number().int(),
    to: z.number().int(),
    windowMs: z.number().int(),
    counting: z.literal('uniques'),
    order: z.literal('ordered'),
    stages: z.array(StageRowSchema),
    eventsWithoutIdentity: z.number().int(),
    breakdown: z.array(z.object({ value: z.string(), stages: z.array(StageRowSchema) })).optional(),
  })
  .openapi('FunnelReport');

const reportRoute = officeRoute('stats', {
  method: 'get',
  path: '/campaigns/{id}/report',
  tags,
  summary: 'Funnel report: uniques, ordered, within a conversion window; step-1 events in [from, to)',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParam,
    query: z.object({
      from: EpochMsParam.optional().openapi({ description: "Epoch ms; default: the campaign's start" }),
      to: EpochMsParam.optional().openapi({ description: 'Epoch ms, exclusive; default: now' }),
      windowHours: wholeNumberParamOr({ min: 1, max: 366 * 24 }, 7 * 24),
      breakdown: z.enum(['source', 'variant']).optional(),
      ruleId: RowIdParam.optional(),
      platform: StatsPlatformParam.optional(),
    }),
  },
  responses: { 200: { content: { 'application/json': { schema: ReportSchema } }, description: 'Report' }, ...errors },
});

/** One person in the stuck list; the office reads its type from here (miniapp/admin/stats/stuck-api.ts). */
export const StuckRowSchema = z.object({
  participantId: z.number().int(),
  platform: z.string(),
  userId: z.string(),
  stage: z.string(),
  stageReachedAt: z.number().int(),
  source: z.string().nullable(),
  // The office links a person from the server's address (profile-url.ts): builds carry no external URL of their own.
  profileUrl: z.string().nullable().openapi({ description: 'The profile page (VK only), else null' }),
});
/** Ten years: longer than any campaign runs, and `now - minHours` stays a moment (PostgreSQL's bigint refused 1e13). */
const MAX_STUCK_HOURS = 10 * 366 * 24;
/** The largest answer: the office's CSV asks for it, so the file holds everyone stuck. */
const MAX_STUCK_LIMIT = 50_000;
const StuckQueryFields = { stage: z.string().min(1).max(64) };
const stuckRoute = officeRoute('stats', {
  method: 'get',
  path: '/campaigns/{id}/stuck',
  tags,
  summary: 'Participants whose current stage is `stage`, reached at least `minHours` ago (keyset paged; CSV too)',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParam,
    query: z.object({
      stage: StuckQueryFields.stage,
      minHours: wholeNumberParamOr({ min: 0, max: MAX_STUCK_HOURS }, 24),
      limit: wholeNumberParamOr({ min: 1, max: MAX_STUCK_LIMIT }, 100),
      afterReachedAt: EpochMsParam.optional(),
      afterId: RowIdParam.optional(),
      format: z.enum(['json', 'csv']).default('json'),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: z.object({ total: z.number().int(), rows: z.array(StuckRowSchema) }) },
        'text/csv': { schema: z.string() },
      },
      description: 'Stuck participants, oldest first',
    },
    ...errors,
  },
});

const StuckCountsSchema = z
  .object({
    minHours: z.number().int(),
    stages: z.array(z.object({ stage: z.string(), count: z.number().int() })),
  })
  .openapi('StuckCounts');
const stuckCountsRoute = officeRoute('stats', {
  method: 'get',
  path: '/campaigns/{id}/stuck/counts',
  tags,
  summary:
    "How many participants stand at each stage (the campaign's, in order) reached at least `minHours` ago: the stuck list's totals in one answer",
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParam,
    query: z.object({ minHours: wholeNumberParamOr({ min: 0, max: MAX_STUCK_HOURS }, 24) }),
  },
  responses: { 200: json(StuckCountsSchema, "Per stage, in the funnel's order"), ...errors },
});

const stuckLinkRoute = officeRoute('stats', {
  method: 'post',
  path: '/campaigns/{id}/stuck/download-link',
  tags,
  summary:
    'A signed one-minute link to the stuck CSV, for a downloader that sends no launch data (VKWebAppDownloadFile)',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParam,
    ...jsonBody(
      z.object({
        stage: StuckQueryFields.stage,
        minHours: z.number().int().min(0).max(MAX_STUCK_HOURS),
        limit: z.number().int().min(1).max(MAX_STUCK_LIMIT),
      }),
    ),
  },
  responses: { 200: json(OfficeDownloadLinkSchema, 'The link (relative to the API origin)'), ...errors },
});

/**
 * `ruleId` names whose variants to break down by: only with `breakdown=variant`, and one of this campaign's rules — a
 * rule of another campaign would answer everyone as «no message», which reads as a rule that reached nobody.
 */
async function requireVariantRule(db: Db, campaignId: number, ruleId: number, breakdown: string | undefined) {
  if (breakdown !== 'variant')
    throw fieldRefusal('rule_without_variants', 'ruleId', 'ruleId goes with breakdown=variant');
  const { messageRules } = schema;
  const [rule] = await db
    .select({ id: messageRules.id })
    .from(messageRules)
    .where(and(eq(messageRules.id, ruleId), eq(messageRules.campaignId, campaignId)))
    .limit(1);
  if (!rule) throw fieldRefusal('unknown_rule', 'ruleId', `Campaign ${campaignId} has no rule ${ruleId}`);
}

export const funnelRoutes = newRouter();
funnelRoutes.use('*', requireIdentity);
funnelRoutes.openapi(reportRoute, async (c) => {
  const { id } = c.req.valid('param');
  const q = c.req.valid('query');
  const campaign = await requireCampaignAccess(c.var.deps.db, c.var.identity, id, 'stats');
  if (q.ruleId !== undefined) await requireVariantRule(c.var.deps.db, id, q.ruleId, q.breakdown);
  const from = q.from ?? campaign.startsAt;
  const report = await funnelReport(c.var.deps.db, {
    campaignId: id,
    from,
    to: q.to ?? Math.max(c.var.deps.now(), from) + 1,
    windowMs: q.windowHours * HOUR,
    breakdown: q.breakdown,
    ruleId: q.ruleId,
    // As the statistics page's funnel filters (server/stats/stats-funnel.ts): its breakdown shows the same people.
    platform: q.platform,
  });
  return c.json(report, 200);
});
funnelRoutes.openapi(stuckRoute, async (c) => {
  const { id } = c.req.valid('param');
  const q = c.req.valid('query');
  const { deps, identity } = c.var;
  if ((q.afterReachedAt === undefined) !== (q.afterId === undefined)) {
    await stuckCampaign(deps.db, identity, id, q.stage);
    const missing = q.afterId === undefined ? 'afterId' : 'afterReachedAt';
    throw fieldRefusal('invalid_cursor', missing, 'Pass both afterReachedAt and afterId, or neither');
  }
  const after = q.afterReachedAt === undefined ? undefined : { reachedAt: q.afterReachedAt, id: q.afterId ?? 0 };
  const params = { campaignId: id, stage: q.stage, minHours: q.minHours, limit: q.limit, after };
  if (q.format === 'csv') {
    const { csv, fileName } = await stuckCsvFile(deps, identity, params);
    return csvAttachment(c, csv, fileName) as never;
  }
  await stuckCampaign(deps.db, identity, id, q.stage);
  const result = await stuckParticipants(deps.db, { ...params, now: deps.now() });
  const rows = result.rows.map((r) => ({ ...r, profileUrl: profileUrl(r.platform, r.userId) }));
  return c.json({ total: result.total, rows }, 200);
});
funnelRoutes.openapi(stuckCountsRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { minHours } = c.req.valid('query');
  const { deps, identity } = c.var;
  const campaign = await requireCampaignAccess(deps.db, identity, id, 'stats');
  const stages = await stuckCounts(deps.db, { campaignId: id, minHours, now: deps.now() }, campaign.stages);
  return c.json({ minHours, stages }, 200);
});
// The right and the stage are checked now; the download checks them again.
funnelRoutes.openapi(stuckLinkRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaignId = c.req.valid('param').id;
  const { stage, minHours, limit } = c.req.valid('json');
  const { brandId } = await stuckCampaign(deps.db, identity, campaignId, stage);
  const grant = { purpose: 'stuck-csv' as const, identity, brandId, campaignId, stage, minHours, limit };
  return c.json(officeDownloadLink(deps, grant), 200);
});
