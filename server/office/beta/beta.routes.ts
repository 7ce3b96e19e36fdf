/**
 * @module Beta-test routes. The brand's (`/api/admin/campaigns/{id}/testers…`, section `campaigns`): the test group,
 * adding a VK id, removing a tester, the tester link (`/{id}/tester-link`: create/rotate, revoke). The participant's (`POST /api/beta/join`):
 * a verified launch that opened `#/beta/<token>` joins the group.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../../auth/middleware.ts';
import { officeRoute } from '../../http/office-route.ts';
import { newRouter } from '../../http/router.ts';
import { RowIdParam } from '../../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../../http/schemas.ts';
import { profileUrl } from '../../profile-url.ts';
import { addTester, betaGroup, joinByLink, removeTester, revokeLink, rotateLink } from './beta.service.ts';

const CampaignParams = z.object({ id: RowIdParam });
const TesterParams = CampaignParams.extend({ testerId: RowIdParam });

const TesterSchema = z
  .object({
    id: z.number().int(),
    platform: z.string(),
    userId: z.string(),
    profileUrl: z.string().nullable().openapi({ description: "The tester's profile page (VK only), else null" }),
    source: z.enum(['office', 'link']),
    addedAt: z.number().int(),
  })
  .openapi('BetaTester');
const LinkSchema = z
  .object({ token: z.string(), hash: z.string(), url: z.string().nullable(), createdAt: z.number().int() })
  .openapi('BetaLink');
/** The test group as the office reads it (miniapp/admin/beta/beta-api.ts takes its type from here). */
export const BetaGroupSchema = z
  .object({
    status: z.string(),
    open: z.boolean(),
    testers: z.array(TesterSchema),
    link: LinkSchema.nullable(),
  })
  .openapi('BetaGroup');

const adminErrors = {
  ...authErrors,
  403: errorResponse('No `campaigns` rights on this brand'),
  404: errorResponse('No such campaign (or tester)'),
} as const;
const closed = { 409: errorResponse('beta_closed: the campaign is already live (or later)') } as const;

const groupRoute = officeRoute('campaigns', {
  method: 'get',
  path: '/{id}/testers',
  tags: ['admin: beta'],
  summary: "The campaign's beta test group and its tester link",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(BetaGroupSchema, 'Test group'), ...adminErrors },
});
const addRoute = officeRoute('campaigns', {
  method: 'post',
  path: '/{id}/testers',
  tags: ['admin: beta'],
  summary: 'Add a VK user to the test group (an existing tester is answered with 200)',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParams,
    ...jsonBody(
      z.object({
        vkUserId: z
          .number()
          .int()
          .positive()
          .max(2 ** 53),
      }),
    ),
  },
  responses: {
    200: json(TesterSchema, 'Already a tester'),
    201: json(TesterSchema, 'Added'),
    ...adminErrors,
    ...closed,
  },
});
const removeRoute = officeRoute('campaigns', {
  method: 'delete',
  path: '/{id}/testers/{testerId}',
  tags: ['admin: beta'],
  summary: 'Remove a tester from the group',
  security: LAUNCH_AUTH,
  request: { params: TesterParams },
  responses: { 204: { description: 'Removed' }, ...adminErrors },
});
const rotateRoute = officeRoute('campaigns', {
  method: 'post',
  path: '/{id}/tester-link',
  tags: ['admin: beta'],
  summary: 'Create the tester link, or replace it (the old token stops working)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 201: json(LinkSchema, 'The new link'), ...adminErrors, ...closed },
});
const revokeRoute = officeRoute('campaigns', {
  method: 'delete',
  path: '/{id}/tester-link',
  tags: ['admin: beta'],
  summary: 'Revoke the tester link (testers already in the group stay)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 204: { description: 'Revoked' }, ...adminErrors },
});

const toTester = (t: Awaited<ReturnType<typeof addTester>>['row']) => ({
  id: t.id,
  platform: t.platform,
  userId: t.platformUserId,
  profileUrl: profileUrl(t.platform, t.platformUserId),
  source: t.source,
  addedAt: t.addedAt,
});

export const betaAdminRoutes = newRouter();
betaAdminRoutes.use('*', requireIdentity);
betaAdminRoutes.openapi(groupRoute, async (c) =>
  c.json(await betaGroup(c.var.deps.db, c.var.identity, c.req.valid('param').id), 200),
);
betaAdminRoutes.openapi(addRoute, async (c) => {
  const { row, created } = await addTester(
    c.var.deps,
    c.var.identity,
    c.req.valid('param').id,
    c.req.valid('json').vkUserId,
  );
  return created ? c.json(toTester(row), 201) : c.json(toTester(row), 200);
});
betaAdminRoutes.openapi(rotateRoute, async (c) => {
  const link = await rotateLink(c.var.deps, c.var.identity, c.req.valid('param').id);
  if (!link) throw new Error('a link was just created');
  return c.json(link, 201);
});
betaAdminRoutes.openapi(revokeRoute, async (c) => {
  await revokeLink(c.var.deps, c.var.identity, c.req.valid('param').id);
  return c.body(null, 204);
});
betaAdminRoutes.openapi(removeRoute, async (c) => {
  const { id, testerId } = c.req.valid('param');
  await removeTester(c.var.deps, c.var.identity, id, testerId);
  return c.body(null, 204);
});

const joinRoute = createRoute({
  method: 'post',
  path: '/join',
  tags: ['beta'],
  summary: 'Join a campaign’s beta test with its tester link token (the launch must be verified)',
  security: LAUNCH_AUTH,
  request: jsonBody(z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) })),
  responses: {
    200: json(z.object({ campaignId: z.number().int() }), 'Joined; open the campaign'),
    ...authErrors,
    404: errorResponse('beta_link_not_found: unknown or revoked link'),
    ...closed,
  },
});

export const betaJoinRoutes = newRouter();
betaJoinRoutes.use('*', requireIdentity);
betaJoinRoutes.openapi(joinRoute, async (c) =>
  c.json(await joinByLink(c.var.deps, c.var.identity, c.req.valid('json').token), 200),
);
