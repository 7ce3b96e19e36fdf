/**
 * @module Community admin claim: when the agency allows it (off by default), an admin of a VK community connected to a
 * brand becomes that brand's admin by opening the mini app from the community. The only evidence is the signed launch
 * (`vk_group_id` and `vk_viewer_group_role=admin`, verified in server/auth/vk-sign.ts); nothing the client sends
 * otherwise counts.
 */

import { eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { BRAND_SECTIONS } from '../../auth/sections.ts';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit } from '../audit.ts';
import { coveringMembership } from './team.service.ts';
import { actorMemberships } from './team-authority.ts';

const { agencies, brands, communities, memberships } = schema;

/** A claiming community admin gets every brand section, as the brand's own admin would. */
const CLAIMED_SECTIONS = [...BRAND_SECTIONS];

/** The brand a launch's community is connected to, and whether its agency lets that community's admins claim it. */
async function communityBrand(db: Db | Tx, groupId: number) {
  const [found] = await db
    .select({ brandId: brands.id, agencyId: brands.agencyId, allowed: agencies.allowCommunityAdminClaim })
    .from(communities)
    .innerJoin(brands, eq(brands.id, communities.brandId))
    .innerJoin(agencies, eq(agencies.id, brands.agencyId))
    .where(eq(communities.vkGroupId, groupId))
    .limit(1);
  return found;
}

/** The launch's own evidence: a VK launch from a community by one of its admins (`vk_viewer_group_role=admin`). */
const communityAdminOf = (who: Identity): number | undefined =>
  who.platform === 'vk' && who.viewerGroupRole === 'admin' ? who.groupId : undefined;

/**
 * Whether this launch may claim brand admin now: what the office shows a community admin with no rights yet instead
 * of its not-found screen (the claim route itself tells the same, by 201 or 403).
 */
export async function canClaimCommunity(db: Db, who: Identity): Promise<boolean> {
  const groupId = communityAdminOf(who);
  if (groupId === undefined) return false;
  const found = await communityBrand(db, groupId);
  if (!found?.allowed) return false;
  return !(await coveringMembership(db, who, { agencyId: found.agencyId, brandId: found.brandId }));
}

export async function claimCommunityAdmin(
  deps: Deps,
  who: Identity,
): Promise<{ membershipId: number; brandId: number }> {
  const groupId = communityAdminOf(who);
  if (groupId === undefined) {
    throw new ApiError(403, 'not_community_admin', 'Open the app from the community you administer');
  }
  return inTransaction(deps.db, async (tx) => {
    const found = await communityBrand(tx, groupId);
    // One answer for "not connected" and "claims off", so the route tells nothing about other agencies' settings.
    if (!found?.allowed) {
      throw new ApiError(
        403,
        'claim_not_available',
        'This community cannot be claimed; ask the agency for an invitation',
      );
    }
    const scope = { agencyId: found.agencyId, brandId: found.brandId };
    if (await coveringMembership(tx, who, scope)) {
      throw new ApiError(409, 'already_member', 'You already have rights on this brand');
    }
    const row = inserted(
      await tx
        .insert(memberships)
        .values({
          platform: 'vk',
          platformUserId: who.userId,
          agencyId: found.agencyId,
          brandId: found.brandId,
          role: 'brand_admin',
          sections: CLAIMED_SECTIONS,
          createdAt: deps.now(),
        })
        .returning(),
    );
    await recordAudit(tx, {
      actor: who,
      brandId: found.brandId,
      section: 'team',
      action: 'member.claim',
      entity: 'membership',
      entityId: row.id,
      after: { platform: 'vk', userId: who.userId, role: 'brand_admin', sections: CLAIMED_SECTIONS, groupId },
    });
    return { membershipId: row.id, brandId: found.brandId };
  });
}

/** Turns the agency's community admin claim on or off (agency owners only). */
export async function setCommunityClaim(
  deps: Deps,
  actor: Identity,
  agencyId: number,
  allow: boolean,
): Promise<{ agencyId: number; allowCommunityAdminClaim: boolean }> {
  const mine = await actorMemberships(deps.db, actor, agencyId);
  if (!mine.some((m) => m.role === 'agency_admin' && m.brandId === null)) {
    throw new ApiError(403, 'forbidden', 'Only the agency owner changes agency settings');
  }
  return inTransaction(deps.db, async (tx) => {
    const [before] = await tx.select().from(agencies).where(eq(agencies.id, agencyId)).limit(1);
    if (!before) throw new ApiError(403, 'forbidden', 'Only the agency owner changes agency settings');
    if (before.allowCommunityAdminClaim !== allow) {
      await tx.update(agencies).set({ allowCommunityAdminClaim: allow }).where(eq(agencies.id, agencyId));
      await recordAudit(tx, {
        actor,
        brandId: null,
        agencyId,
        // The route needs the agency section (team.routes.ts): the entry is filed where the write's right lives.
        section: 'agency',
        action: 'agency.community_claim',
        entity: 'agency',
        entityId: agencyId,
        before: { allowCommunityAdminClaim: before.allowCommunityAdminClaim },
        after: { allowCommunityAdminClaim: allow },
      });
    }
    return { agencyId, allowCommunityAdminClaim: allow };
  });
}
