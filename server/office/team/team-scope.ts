/**
 * @module Resolving what a team request points at, with one answer for "not yours" and "does not exist": a brand or
 * agency outside the caller's rights is 403 `forbidden` whether or not it exists; a membership or invitation id is
 * 404 unless the caller belongs to its brand (then 403 without the `team` section).
 */
import { eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { type Db, schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { actorMemberships, authorityOver, covers, type TeamAuthority, type TeamScope } from './team-authority.ts';

export const noTeamRights = () => new ApiError(403, 'forbidden', 'No team rights here');

/** The scope of a request naming a brand (or, with brandId null, an agency), and the caller's authority there. */
export async function resolveScope(
  db: Db,
  actor: Identity,
  target: { brandId: number | null; agencyId?: number | undefined },
): Promise<{ scope: TeamScope; authority: TeamAuthority }> {
  let agencyId = target.agencyId;
  if (target.brandId !== null) {
    const [brand] = await db.select().from(schema.brands).where(eq(schema.brands.id, target.brandId)).limit(1);
    if (!brand || (agencyId !== undefined && brand.agencyId !== agencyId)) throw noTeamRights();
    agencyId = brand.agencyId;
  }
  if (agencyId === undefined)
    throw new ApiError(422, 'invalid_input', 'Name a brand, or the agency for an agency role');
  const scope = { agencyId, brandId: target.brandId };
  const authority = authorityOver(await actorMemberships(db, actor, agencyId), scope);
  if (!authority) throw noTeamRights();
  return { scope, authority };
}

/**
 * The caller's authority over an existing row's scope; `notFound` when the caller is no member there at all, so an
 * id of another tenant reads exactly like an id that was never issued.
 */
export async function authorityOverRow(
  db: Db,
  actor: Identity,
  scope: TeamScope,
  notFound: () => ApiError,
): Promise<TeamAuthority> {
  const rows = await actorMemberships(db, actor, scope.agencyId);
  const authority = authorityOver(rows, scope);
  if (authority) return authority;
  const belongs = rows.some((r) => r.role === 'agency_admin' || covers(r, scope.brandId));
  throw belongs ? noTeamRights() : notFound();
}
