/**
 * @module The invitee's side, under `/api/office` (not `/api/admin`: the caller is not a member yet). Any verified
 * launch may read an invitation it holds the token of and accept it; a community admin may claim their community's
 * brand when the agency allows it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../../auth/middleware.ts';
import { newRouter } from '../../http/router.ts';
import { authErrors, errorResponse, json, LAUNCH_AUTH } from '../../http/schemas.ts';
import { claimCommunityAdmin } from './community-claim.ts';
import { acceptInvitation, previewInvitation } from './invitation.service.ts';
import { InvitationPreviewSchema, TokenParams } from './team.schemas.ts';

const tags = ['office: invitations'];

const previewRoute = createRoute({
  method: 'get',
  path: '/invitations/{token}',
  tags,
  summary: 'What an invitation grants, whose office it opens, and why accepting would fail for this launch (if so)',
  security: LAUNCH_AUTH,
  request: { params: TokenParams },
  responses: {
    200: json(InvitationPreviewSchema, 'The invitation'),
    ...authErrors,
    404: errorResponse('invitation_not_found'),
  },
});

const acceptRoute = createRoute({
  method: 'post',
  path: '/invitations/{token}/accept',
  tags,
  summary: "Accept with this verified launch: the membership is bound to the launch's identity (once)",
  security: LAUNCH_AUTH,
  request: { params: TokenParams },
  responses: {
    201: json(
      z.object({ membershipId: z.number().int(), agencyId: z.number().int(), brandId: z.number().int().nullable() }),
      'A member now',
    ),
    ...authErrors,
    403: errorResponse('wrong_platform or invitation_not_for_you'),
    404: errorResponse('invitation_not_found'),
    409: errorResponse('invitation_used or already_member'),
    410: errorResponse('invitation_expired or invitation_revoked'),
  },
});

const claimRoute = createRoute({
  method: 'post',
  path: '/community-claim',
  tags,
  summary: "A community admin's launch claims brand admin of the community's brand (when the agency allows it)",
  security: LAUNCH_AUTH,
  responses: {
    201: json(z.object({ membershipId: z.number().int(), brandId: z.number().int() }), 'Brand admin now'),
    ...authErrors,
    403: errorResponse('not_community_admin or claim_not_available'),
    409: errorResponse('already_member'),
  },
});

export const invitationAcceptRoutes = newRouter();
invitationAcceptRoutes.use('*', requireIdentity);
invitationAcceptRoutes.openapi(previewRoute, async (c) =>
  c.json(await previewInvitation(c.var.deps, c.var.identity, c.req.valid('param').token), 200),
);
invitationAcceptRoutes.openapi(acceptRoute, async (c) =>
  c.json(await acceptInvitation(c.var.deps, c.var.identity, c.req.valid('param').token), 201),
);
invitationAcceptRoutes.openapi(claimRoute, async (c) =>
  c.json(await claimCommunityAdmin(c.var.deps, c.var.identity), 201),
);
