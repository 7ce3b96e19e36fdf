/**
 * @module Team routes under `/api/admin/team` (section `team`): the team of a brand or of the agency, adding a member
 * by VK id, changing role and section checkboxes, removing (at once), and invitations (create a one-time link, list,
 * revoke). The agency's community admin claim switch is `x-section: agency` (agency owners only).
 */
import { z } from '@hono/zod-openapi';
import { requireIdentity } from '../../auth/middleware.ts';
import { officeRoute } from '../../http/office-route.ts';
import { newRouter } from '../../http/router.ts';
import { RowIdParam } from '../../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../../http/schemas.ts';
import { someFieldGiven } from '../../http/some-field-given.ts';
import { setCommunityClaim } from './community-claim.ts';
import { createInvitation, listInvitations, revokeInvitation } from './invitation.service.ts';
import { setManagerBrands } from './manager-coverage.ts';
import { removeAgencyManager } from './manager-removal.ts';
import {
  BrandTeamSchema,
  CreatedInvitationSchema,
  InvitationSchema,
  ManagerBrandsSchema,
  MemberChangeSchema,
  MemberSchema,
  NewInvitationSchema,
  NewMemberSchema,
  TeamSchema,
} from './team.schemas.ts';
import { addMember, agencyTeam, brandTeam, removeMember, updateMember } from './team.service.ts';

const tags = ['admin: team'];
const BrandQuery = z.object({ brandId: RowIdParam });
const AgencyQuery = z.object({ agencyId: RowIdParam });
/** Invitations of a brand, or (agencyId alone) the agency-wide ones. */
const ScopeQuery = z
  .object({ brandId: RowIdParam.optional(), agencyId: RowIdParam.optional() })
  .superRefine(someFieldGiven(['brandId', 'agencyId'], 'Give brandId or agencyId'));
const IdParams = z.object({ id: RowIdParam });

const errors = {
  ...authErrors,
  403: errorResponse(
    'forbidden: no team rights here (same answer whether or not the brand exists); or the grant is beyond yours',
  ),
} as const;
const idErrors = {
  ...errors,
  404: errorResponse('Not found in your brands (same answer for another tenant)'),
} as const;
const conflict = { 409: errorResponse('already_member, last_agency_admin, self_demotion or invitation_used') } as const;

const brandTeamRoute = officeRoute('team', {
  method: 'get',
  path: '/',
  tags,
  summary: "A brand's team: its members and the agency-wide people who cover it",
  security: LAUNCH_AUTH,
  request: { query: BrandQuery },
  responses: { 200: json(BrandTeamSchema, 'Team'), ...errors },
});
const agencyTeamRoute = officeRoute('team', {
  method: 'get',
  path: '/agency',
  tags,
  summary: 'Every membership of the agency (agency owners, agency-wide managers with team)',
  security: LAUNCH_AUTH,
  request: { query: AgencyQuery },
  responses: { 200: json(TeamSchema, 'Agency team'), ...errors },
});
const addRoute = officeRoute('team', {
  method: 'post',
  path: '/members',
  tags,
  summary: 'Give a VK user office rights at once (no link to accept)',
  security: LAUNCH_AUTH,
  request: jsonBody(NewMemberSchema),
  responses: { 201: json(MemberSchema, 'Added'), ...errors, ...conflict },
});
const updateRoute = officeRoute('team', {
  method: 'patch',
  path: '/members/{id}',
  tags,
  summary:
    "Change a member's role and/or section checkboxes; the role and sections they already have are answered as " +
    'they are, with no audit entry',
  security: LAUNCH_AUTH,
  request: { params: IdParams, ...jsonBody(MemberChangeSchema) },
  responses: { 200: json(MemberSchema, 'Changed'), ...idErrors, ...conflict },
});
const managerBrandsRoute = officeRoute('team', {
  method: 'put',
  path: '/members/{id}/brands',
  tags,
  summary:
    "An agency manager's brands: all of the agency's (null) or the chosen ones, swapped in one transaction; the " +
    'brands they already cover are answered as they are (same rows), with no audit entry',
  security: LAUNCH_AUTH,
  request: { params: IdParams, ...jsonBody(ManagerBrandsSchema) },
  responses: {
    200: json(TeamSchema, "The manager's rows now"),
    ...idErrors,
    409: errorResponse('not_agency_manager, or already_member (a brand role of theirs there)'),
    422: errorResponse('unknown_brand: a brand not of this agency'),
  },
});
const removeRoute = officeRoute('team', {
  method: 'delete',
  path: '/members/{id}',
  tags,
  summary:
    "Remove a member; their next request is refused. An agency manager's row is the agency owner's to remove " +
    '(403 role_not_allowed for anyone else), as on every route that takes a manager out of a brand',
  security: LAUNCH_AUTH,
  request: { params: IdParams },
  responses: { 204: { description: 'Removed' }, ...idErrors, ...conflict },
});
const removeManagerRoute = officeRoute('team', {
  method: 'delete',
  path: '/members/{id}/brands',
  tags,
  summary:
    'Remove an agency manager from every brand they cover (all their agency manager rows) in one transaction, all or ' +
    'nothing; agency owners only',
  security: LAUNCH_AUTH,
  request: { params: IdParams },
  responses: {
    204: { description: 'Removed from every brand' },
    ...authErrors,
    403: errorResponse('forbidden or role_not_allowed: only an agency owner removes an agency manager'),
    404: idErrors[404],
    409: errorResponse('not_agency_manager: the row is not an agency manager'),
  },
});
const createInvitationRoute = officeRoute('team', {
  method: 'post',
  path: '/invitations',
  tags,
  summary: 'A one-time invitation link with an expiry and a preset role and sections (optionally for one VK user)',
  security: LAUNCH_AUTH,
  request: jsonBody(NewInvitationSchema),
  responses: {
    201: json(CreatedInvitationSchema, 'Created; the token is shown only now (and to a repeat of its clientKey)'),
    ...errors,
    409: errorResponse('client_key_reused: this clientKey made another invitation; make a new one per invitation'),
  },
});
const listInvitationsRoute = officeRoute('team', {
  method: 'get',
  path: '/invitations',
  tags,
  summary: 'Invitations of a brand (or the agency-wide ones), with their status',
  security: LAUNCH_AUTH,
  request: { query: ScopeQuery },
  responses: { 200: json(z.object({ invitations: z.array(InvitationSchema) }), 'Invitations'), ...errors },
});
const revokeInvitationRoute = officeRoute('team', {
  method: 'delete',
  path: '/invitations/{id}',
  tags,
  summary: 'Revoke an invitation: its link stops working at once',
  security: LAUNCH_AUTH,
  request: { params: IdParams },
  responses: { 200: json(InvitationSchema, 'Revoked'), ...idErrors, ...conflict },
});
const claimSettingRoute = officeRoute('agency', {
  method: 'put',
  path: '/agency/{id}/community-claim',
  tags,
  summary: "Allow (or stop) community admins claiming brand admin of their community's brand; off by default",
  security: LAUNCH_AUTH,
  request: { params: IdParams, ...jsonBody(z.object({ allow: z.boolean() })) },
  responses: {
    200: json(z.object({ agencyId: z.number().int(), allowCommunityAdminClaim: z.boolean() }), 'Setting'),
    ...errors,
  },
});

export const teamRoutes = newRouter();
teamRoutes.use('*', requireIdentity);
teamRoutes.openapi(brandTeamRoute, async (c) =>
  c.json(await brandTeam(c.var.deps.db, c.var.identity, c.req.valid('query').brandId), 200),
);
teamRoutes.openapi(agencyTeamRoute, async (c) =>
  c.json(await agencyTeam(c.var.deps.db, c.var.identity, c.req.valid('query').agencyId), 200),
);
teamRoutes.openapi(addRoute, async (c) =>
  c.json(await addMember(c.var.deps, c.var.identity, c.req.valid('json')), 201),
);
teamRoutes.openapi(updateRoute, async (c) =>
  c.json(await updateMember(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json')), 200),
);
teamRoutes.openapi(managerBrandsRoute, async (c) =>
  c.json(
    await setManagerBrands(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json').brandIds),
    200,
  ),
);
teamRoutes.openapi(removeRoute, async (c) => {
  await removeMember(c.var.deps, c.var.identity, c.req.valid('param').id);
  return c.body(null, 204);
});
teamRoutes.openapi(removeManagerRoute, async (c) => {
  await removeAgencyManager(c.var.deps, c.var.identity, c.req.valid('param').id);
  return c.body(null, 204);
});
teamRoutes.openapi(createInvitationRoute, async (c) =>
  c.json(await createInvitation(c.var.deps, c.var.identity, c.req.valid('json')), 201),
);
teamRoutes.openapi(listInvitationsRoute, async (c) => {
  const { brandId, agencyId } = c.req.valid('query');
  return c.json(await listInvitations(c.var.deps, c.var.identity, { brandId: brandId ?? null, agencyId }), 200);
});
teamRoutes.openapi(revokeInvitationRoute, async (c) =>
  c.json(await revokeInvitation(c.var.deps, c.var.identity, c.req.valid('param').id), 200),
);
teamRoutes.openapi(claimSettingRoute, async (c) =>
  c.json(await setCommunityClaim(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json').allow), 200),
);
