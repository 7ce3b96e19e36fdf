/**
 * @module Whether an invitation's inviter may still grant what it grants. A link is the inviter's grant made later, so
 * it is checked against the inviter's rights at the moment it is used: a member removed from the team, one who lost a
 * section the link gives, or a brand admin of a brand the agency switched off cannot come back (with any account)
 * through a link made before. Such a link reads as revoked, to the invitee and in the team's list.
 */
import type { Platform } from '../../auth/identity.ts';
import type { Db, schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { grantProblem } from './team-authority.ts';
import { authorityOverRow } from './team-scope.ts';

type InvitationRow = typeof schema.invitations.$inferSelect;

/**
 * True while the one who made the invitation could make it now.
 * @example if (!(await inviterStillGrants(db, row))) throw new ApiError(410, 'invitation_revoked', '…');
 */
export async function inviterStillGrants(db: Db, row: InvitationRow): Promise<boolean> {
  const scope = { agencyId: row.agencyId, brandId: row.brandId };
  // Written from the creating request's verified identity (invitation.service.ts), so one of the platforms.
  const inviter = { platform: row.createdByPlatform as Platform, userId: row.createdByUserId };
  try {
    const authority = await authorityOverRow(db, inviter, scope);
    return grantProblem(authority, scope, row.role, row.sections) === null;
  } catch (err) {
    // No team rights there any more (403), or no membership at all (404): they grant nothing.
    if (err instanceof ApiError) return false;
    throw err;
  }
}
