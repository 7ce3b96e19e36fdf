/**
 * @module Resolving what a team request points at, with the office gate's answers (server/auth/office-gate.ts): a
 * brand, agency, membership or invitation the caller is no member of reads exactly like one that does not exist
 * (404 `not_found`); a member there without the `team` section gets 403 `forbidden`.
 */
import { eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { rowNotInYourOffice } from '../../auth/office-gate.ts';
import { isOpenTo } from '../../auth/permissions.ts';
import { type Db, schema } from '../../db/client.ts';
import { ApiError, fieldRefusal } from '../../http/errors.ts';
import { actorMemberships, authorityOver, covers, type TeamAuthority, type TeamScope } from './team-authority.ts';

export const noTeamRights = () => new ApiError(403, 'forbidden', 'No team rights for this brand');

/** The scope of a request naming a brand (or, with brandId null, an agency), and the caller's authority there. */
export async function resolveScope(
  db: Db,
  actor: Identity,
  target: { brandId: number | null; agencyId?: number | undefined },
): Promise<{ scope: TeamScope; authority: TeamAuthority }> {
  let agencyId = target.agencyId;
  if (target.brandId !== null) {
    const [brand] = await db.select().from(schema.brands).where(eq(schema.brands.id, target.brandId)).limit(1);
    if (!brand || (agencyId !== undefined && brand.agencyId !== agencyId)) throw rowNotInYourOffice();
    agencyId = brand.agencyId;
  }
  if (agencyId === undefined)
    throw fieldRefusal('invalid_input', 'brandId', 'Name a brand, or the agency for an agency role');
  const scope = { agencyId, brandId: target.brandId };
  return { scope, authority: await authorityOverRow(db, actor, scope) };
}

/**
 * The caller's authority over a scope: 404 when the caller is no member there at all (so an id of another tenant
 * reads exactly like one never issued), 403 for a member without `team`. Only who the caller is counts: an
 * invitation's inviter is asked the same way (inviter-rights.ts).
 */
export async function authorityOverRow(
  db: Db,
  actor: Pick<Identity, 'platform' | 'userId'>,
  scope: TeamScope,
): Promise<TeamAuthority> {
  const mine = await actorMemberships(db, actor, scope.agencyId);
  // A brand the agency switched off is closed to its brand roles (as permissions.ts closes its sections): its team
  // too, whether a request names the brand or a member or invitation of it.
  const brand = scope.brandId === null ? undefined : await brandState(db, scope.brandId);
  const rows = brand ? mine.filter((r) => isOpenTo(brand, r.role)) : mine;
  const authority = authorityOver(rows, scope);
  if (authority) return authority;
  const belongs = rows.some((r) => (r.role === 'agency_admin' && r.brandId === null) || covers(r, scope.brandId));
  throw belongs ? noTeamRights() : rowNotInYourOffice();
}

async function brandState(db: Db, brandId: number) {
  const [brand] = await db
    .select({ disabledAt: schema.brands.disabledAt })
    .from(schema.brands)
    .where(eq(schema.brands.id, brandId))
    .limit(1);
  return brand;
}
