/**
 * @module Brand-facing participant tags (`/api/admin/mailing/campaigns/{id}/tags`, section `mailings`): list the
 * campaign's tags with counts, and add/remove one tag for lists of participant ids (all or nothing). Broadcast
 * segments then target "any of these tags".
 */

import { requireIdentity } from '../auth/middleware.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { authErrors, errorResponse, LAUNCH_AUTH } from '../http/schemas.ts';
import { requireCampaignAccess } from './admin-access.ts';
import { CampaignParam, TagChangeResultSchema, TagChangeSchema, TagListSchema } from './mailing.schemas.ts';
import { campaignTags, changeTag } from './participant-tags.ts';

const errors = {
  ...authErrors,
  403: errorResponse('No `mailings` rights on this brand'),
  404: errorResponse('No such campaign'),
  422: errorResponse('Invalid input, or participants not in this campaign'),
} as const;
const tags = ['admin: mailing'];

const listTags = officeRoute('mailings', {
  method: 'get',
  path: '/campaigns/{id}/tags',
  tags,
  summary: "The campaign's participant tags and how many carry each",
  security: LAUNCH_AUTH,
  request: { params: CampaignParam },
  responses: { 200: { content: { 'application/json': { schema: TagListSchema } }, description: 'Tags' }, ...errors },
});
const editTag = officeRoute('mailings', {
  method: 'post',
  path: '/campaigns/{id}/tags',
  tags,
  summary: 'Add or remove a tag for lists of participant ids',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParam,
    body: { content: { 'application/json': { schema: TagChangeSchema } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: TagChangeResultSchema } }, description: 'Changed' },
    ...errors,
  },
});

export const tagRoutes = newRouter();
tagRoutes.use('*', requireIdentity);
tagRoutes.openapi(listTags, async (c) => {
  const { id } = c.req.valid('param');
  await requireCampaignAccess(c.var.deps.db, c.var.identity, id, 'mailings');
  return c.json({ tags: await campaignTags(c.var.deps.db, id) }, 200);
});
tagRoutes.openapi(editTag, async (c) => {
  const { id } = c.req.valid('param');
  const campaign = await requireCampaignAccess(c.var.deps.db, c.var.identity, id, 'mailings');
  const who = { actor: c.var.identity, brandId: campaign.brandId };
  return c.json(await changeTag(c.var.deps.db, id, c.req.valid('json'), c.var.deps.now(), who), 200);
});
