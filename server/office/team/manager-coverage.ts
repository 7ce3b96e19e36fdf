/**
 * @module Which brands an agency manager covers: all of the agency's (one agency-wide row) or chosen ones (one row
 * per brand, server/auth/permissions.ts reads them so). Changing it swaps the person's manager rows in one
 * transaction with one audit row, so they are never left with no coverage half way, nor with both kinds at once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { rowNotInYourOffice } from '../../auth/office-gate.ts';
import { schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError, fieldRefusal } from '../../http/errors.ts';
import { changesNothing, recordAudit } from '../audit.ts';
import { agencyTeam, refuseManagerRemoval, type TeamMember } from './team.service.ts';
import { authorityOverRow } from './team-scope.ts';

const { brands, memberships } = schema;

/**
 * Sets the brands covered by the agency manager whose membership `id` is (any of their manager rows); `null` means
 * every brand of the agency. Answers the person's rows as they are now.
 * @example await setManagerBrands(deps, owner, 12, [3, 4]); // manager of brands 3 and 4 only
 */
export async function setManagerBrands(
  deps: Deps,
  actor: Identity,
  id: number,
  brandIds: number[] | null,
): Promise<{ members: TeamMember[] }> {
  const [row] = await deps.db.select().from(memberships).where(eq(memberships.id, id)).limit(1);
  if (!row) throw rowNotInYourOffice();
  // Coverage is an agency matter: the caller needs authority over the agency as a whole to give agency managers.
  const authority = await authorityOverRow(deps.db, actor, { agencyId: row.agencyId, brandId: null });
  if (row.role !== 'agency_manager') {
    throw new ApiError(409, 'not_agency_manager', 'Only an agency manager covers chosen brands');
  }
  if (!authority.roles.includes('agency_manager')) {
    throw new ApiError(403, 'role_not_allowed', 'You may not change an agency manager');
  }
  const wanted = brandIds === null ? null : [...new Set(brandIds)];
  if (wanted !== null) {
    const found = await deps.db
      .select({ id: brands.id })
      .from(brands)
      .where(and(eq(brands.agencyId, row.agencyId), inArray(brands.id, wanted)));
    // A brand of another agency reads like one that does not exist.
    if (found.length !== wanted.length) throw fieldRefusal('unknown_brand', 'brandIds', 'Choose brands of this agency');
  }
  const person = and(
    eq(memberships.platform, row.platform),
    eq(memberships.platformUserId, row.platformUserId),
    eq(memberships.agencyId, row.agencyId),
    eq(memberships.role, 'agency_manager'),
  );
  await inTransaction(deps.db, async (tx) => {
    const before = await tx.select().from(memberships).where(person);
    if (before.length === 0) throw rowNotInYourOffice();
    // A brand where the person already holds a brand role keeps that row; one person, one row per brand.
    const other = await tx
      .select({ brandId: memberships.brandId })
      .from(memberships)
      .where(
        and(
          eq(memberships.platform, row.platform),
          eq(memberships.platformUserId, row.platformUserId),
          eq(memberships.agencyId, row.agencyId),
          inArray(memberships.role, ['brand_admin', 'brand_member']),
        ),
      );
    const taken = other.filter((o) => o.brandId !== null && wanted?.includes(o.brandId));
    if (taken.length > 0) {
      throw new ApiError(409, 'already_member', 'The person already has a brand role there; remove it first');
    }
    // Narrowing takes them out of brands: the agency owner's alone, as removing their rows is (team-authority.ts).
    const dropped = wanted !== null && before.some((r) => r.brandId === null || !wanted.includes(r.brandId));
    if (dropped) refuseManagerRemoval(authority);
    const coverage = (ids: (number | null)[]) =>
      ids.includes(null) ? 'all' : [...ids].sort((a, b) => (a ?? 0) - (b ?? 0));
    const scopes = wanted === null ? [null] : wanted;
    // The brands they already cover: their rows (and ids) stay as they are.
    if (changesNothing(coverage(before.map((r) => r.brandId)), coverage(scopes))) return;
    const kept = before.find((r) => r.id === id) ?? before[0];
    const sections = kept?.sections ?? [];
    await tx.delete(memberships).where(person);
    await tx.insert(memberships).values(
      scopes.map((brandId) => ({
        platform: row.platform,
        platformUserId: row.platformUserId,
        agencyId: row.agencyId,
        brandId,
        role: 'agency_manager' as const,
        sections,
        createdAt: kept?.createdAt ?? deps.now(),
      })),
    );
    await recordAudit(tx, {
      actor,
      brandId: null,
      agencyId: row.agencyId,
      section: 'team',
      action: 'member.update',
      entity: 'membership',
      entityId: id,
      before: { platform: row.platform, userId: row.platformUserId, brands: coverage(before.map((r) => r.brandId)) },
      after: { platform: row.platform, userId: row.platformUserId, brands: coverage(scopes) },
    });
  });
  const { members } = await agencyTeam(deps.db, actor, row.agencyId);
  return {
    members: members.filter(
      (m) => m.platform === row.platform && m.userId === row.platformUserId && m.role === 'agency_manager',
    ),
  };
}
