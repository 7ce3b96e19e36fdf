/**
 * @module The office's draw routes under `/api/admin/campaigns/{id}/draw` (section `prizes`): the draw's state, run
 * it, verify a pick, re-pick a winner with a reason, export the picks as CSV (also by a signed link), announce to the winners; the entries
 * with their fraud flags, excluding one with a reason and putting it back before the draw.
 */
import { z } from '@hono/zod-openapi';
import { requireIdentity } from '../../auth/middleware.ts';
import { csvAttachment } from '../../http/csv.ts';
import { officeRoute } from '../../http/office-route.ts';
import { newRouter } from '../../http/router.ts';
import { RowIdParam } from '../../http/row-id.ts';
import { authErrors, errorResponse, jsonBody, LAUNCH_AUTH } from '../../http/schemas.ts';
import { OfficeDownloadLinkSchema, officeDownloadLink } from '../../office-downloads/office-download-grant.ts';
import { CampaignParams, json } from '../promo.schemas.ts';
import {
  AnnouncementSchema,
  ExclusionBodySchema,
  ExclusionParamsSchema,
  OfficeDrawSchema,
  OfficeEntrantsSchema,
  RepickBodySchema,
  VerificationSchema,
} from './draw.schemas.ts';
import { announceWinners } from './draw-announce.ts';
import { excludeEntrant, includeEntrant, officeEntrants } from './draw-exclusions.ts';
import { officeCampaign } from './draw-records.ts';
import { repick, runDraw } from './draw-run.ts';
import { verifyPick } from './draw-verify.ts';
import { officeDrawView, winnersCsv } from './draw-views.ts';

const errors = {
  ...authErrors,
  403: errorResponse('forbidden: no `prizes` rights on this brand'),
  404: errorResponse('campaign_not_found | pick_not_found | entry_not_found | not_excluded'),
  409: errorResponse(
    'no_draw | no_commitment | too_early | not_drawn | no_entries | draw_misconfigured | not_a_winner | no_entries_left | no_community | already_drawn | already_excluded | brand_switched_off (verify, announce: the agency switched the brand off)',
  ),
  422: errorResponse('Invalid input (issues name the field)'),
} as const;

const PickParams = CampaignParams.extend({ pickId: RowIdParam });
const tags = ['admin: draw'];

const viewRoute = officeRoute('prizes', {
  method: 'get',
  path: '/{id}/draw',
  tags,
  summary: 'The draw: status, commitment, live entry count, and after the draw the seed, list hash and picks',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(OfficeDrawSchema, 'The draw'), ...errors },
});

const runRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/draw',
  tags,
  summary: 'Run the draw (at or after drawAt), once: a second call answers with the same result',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: {
    200: json(OfficeDrawSchema.extend({ already: z.boolean() }), 'Drawn (already: it had run before)'),
    ...errors,
  },
});

const verifyRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/draw/picks/{pickId}/verify',
  tags,
  summary: "Re-check the pick's required tasks now (VK API where VK can answer); stored on the pick",
  security: LAUNCH_AUTH,
  request: { params: PickParams },
  responses: {
    200: json(VerificationSchema, 'The checks'),
    ...errors,
    503: errorResponse('vk_unavailable: VK could not answer; nothing stored'),
  },
});

const repickRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/draw/picks/{pickId}/repick',
  tags,
  summary: 'Replace a winner by the next pick of the sequence (first unused reserve, then the next k), with a reason',
  security: LAUNCH_AUTH,
  request: { params: PickParams, ...jsonBody(RepickBodySchema) },
  responses: {
    200: json(OfficeDrawSchema.extend({ replacementPickId: z.number().int() }), 'Re-picked'),
    ...errors,
  },
});

const exportRoute = officeRoute('prizes', {
  method: 'get',
  path: '/{id}/draw/winners.csv',
  tags,
  summary: 'Every pick as CSV (formula-safe): position, role, standing, entry, user, verified, reason, announced',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...errors },
});

const exportLinkRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/draw/winners.csv/download-link',
  tags,
  summary:
    'A signed one-minute link to the picks CSV, for a downloader that sends no launch data (VKWebAppDownloadFile)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(OfficeDownloadLinkSchema, 'The link (relative to the API origin)'), ...errors },
});

const announceRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/draw/announce',
  tags,
  summary: 'Message each standing winner who allowed community messages, once (through the outbox)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(AnnouncementSchema, 'What was queued and why others were not'), ...errors },
});

const entrantsRoute = officeRoute('prizes', {
  method: 'get',
  path: '/{id}/draw/entrants',
  tags,
  summary: 'The entries with advisory fraud flags: who qualifies now (before the draw) or the frozen list (after)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(OfficeEntrantsSchema, 'Entries and their flags'), ...errors },
});

const excludeRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/draw/exclusions',
  tags,
  summary: 'Take an entry out of the draw with a reason (audit log); only before the draw runs',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, ...jsonBody(ExclusionBodySchema) },
  responses: { 200: json(OfficeEntrantsSchema, 'The entries after the exclusion'), ...errors },
});

const includeRoute = officeRoute('prizes', {
  method: 'delete',
  path: '/{id}/draw/exclusions/{participantId}',
  tags,
  summary: 'Put an excluded entry back into the draw (audit log keeps the old reason); only before the draw runs',
  security: LAUNCH_AUTH,
  request: { params: ExclusionParamsSchema },
  responses: { 200: json(OfficeEntrantsSchema, 'The entries after the change'), ...errors },
});

export const drawAdminRoutes = newRouter();
drawAdminRoutes.use('*', requireIdentity);
drawAdminRoutes.openapi(viewRoute, async (c) => {
  const { db, now } = c.var.deps;
  const campaign = await officeCampaign(db, c.var.identity, c.req.valid('param').id);
  return c.json(await officeDrawView(db, campaign, now()), 200);
});
drawAdminRoutes.openapi(runRoute, async (c) => {
  const { deps, identity } = c.var;
  const { id } = c.req.valid('param');
  const { already } = await runDraw(deps, identity, id);
  const campaign = await officeCampaign(deps.db, identity, id);
  return c.json({ ...(await officeDrawView(deps.db, campaign, deps.now())), already }, 200);
});
drawAdminRoutes.openapi(verifyRoute, async (c) => {
  const { id, pickId } = c.req.valid('param');
  return c.json(await verifyPick(c.var.deps, c.var.identity, id, pickId), 200);
});
drawAdminRoutes.openapi(repickRoute, async (c) => {
  const { deps, identity } = c.var;
  const { id, pickId } = c.req.valid('param');
  const { replacementPickId } = await repick(deps, identity, id, pickId, c.req.valid('json').reason);
  const campaign = await officeCampaign(deps.db, identity, id);
  return c.json({ ...(await officeDrawView(deps.db, campaign, deps.now())), replacementPickId }, 200);
});
drawAdminRoutes.openapi(exportRoute, async (c) => {
  const { csv, fileName } = await winnersCsv(c.var.deps.db, c.var.identity, c.req.valid('param').id);
  return csvAttachment(c, csv, fileName) as never;
});
// Only the right is checked here: a draw not run yet is the download's 409, as it is the route's.
drawAdminRoutes.openapi(exportLinkRoute, async (c) => {
  const { deps, identity } = c.var;
  const campaignId = c.req.valid('param').id;
  const { brandId } = await officeCampaign(deps.db, identity, campaignId);
  return c.json(officeDownloadLink(deps, { purpose: 'draw-winners-csv', identity, brandId, campaignId }), 200);
});
drawAdminRoutes.openapi(announceRoute, async (c) => {
  const { id } = c.req.valid('param');
  return c.json(await announceWinners(c.var.deps, c.var.identity, id), 200);
});
drawAdminRoutes.openapi(entrantsRoute, async (c) => {
  return c.json(await officeEntrants(c.var.deps, c.var.identity, c.req.valid('param').id), 200);
});
drawAdminRoutes.openapi(excludeRoute, async (c) => {
  const { deps, identity } = c.var;
  const { id } = c.req.valid('param');
  const { participantId, reason } = c.req.valid('json');
  await excludeEntrant(deps, identity, id, participantId, reason);
  return c.json(await officeEntrants(deps, identity, id), 200);
});
drawAdminRoutes.openapi(includeRoute, async (c) => {
  const { deps, identity } = c.var;
  const { id, participantId } = c.req.valid('param');
  await includeEntrant(deps, identity, id, participantId);
  return c.json(await officeEntrants(deps, identity, id), 200);
});
