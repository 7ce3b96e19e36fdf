/** Test support for the agency API: a promo world with one member per role, a second brand and another agency. */
import { schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { MembershipRole } from '../../db/schema/organization.ts';
import { createPromoWorld, type PromoWorld } from '../../promo/testing/promo-world.ts';

/** VK user ids, one per way of standing towards the world's brand. */
export const USERS = {
  owner: 10,
  managerAll: 11,
  managerOfBrand: 12,
  managerOfOther: 13,
  brandAdmin: 14,
  brandMember: 15,
  otherOwner: 16,
  participant: 17,
} as const;

export interface AgencyWorld extends PromoWorld {
  otherBrandId: number;
  otherAgencyId: number;
  otherAgencyBrandId: number;
  auditRows(): Promise<(typeof schema.officeAudit.$inferSelect)[]>;
}

export async function createAgencyWorld(env: Record<string, string> = {}): Promise<AgencyWorld> {
  const w = await createPromoWorld(env);
  const ids = await w.write(async (tx) => {
    const { brands, agencies, memberships } = schema;
    const other = inserted(await tx.insert(brands).values({ agencyId: w.agencyId, name: 'Other' }).returning());
    const agency2 = inserted(await tx.insert(agencies).values({ name: 'Elsewhere' }).returning());
    const brand2 = inserted(await tx.insert(brands).values({ agencyId: agency2.id, name: 'Theirs' }).returning());
    const member = (user: number, role: MembershipRole, brandId: number | null, agencyId = w.agencyId) => ({
      platform: 'vk' as const,
      platformUserId: String(user),
      agencyId,
      brandId,
      role,
      sections: ['campaigns', 'prizes', 'mailings', 'stats', 'support', 'team'],
    });
    await tx
      .insert(memberships)
      .values([
        member(USERS.owner, 'agency_admin', null),
        member(USERS.managerAll, 'agency_manager', null),
        member(USERS.managerOfBrand, 'agency_manager', w.brandId),
        member(USERS.managerOfOther, 'agency_manager', other.id),
        member(USERS.brandAdmin, 'brand_admin', w.brandId),
        member(USERS.brandMember, 'brand_member', w.brandId),
        member(USERS.otherOwner, 'agency_admin', null, agency2.id),
      ]);
    return { otherBrandId: other.id, otherAgencyId: agency2.id, otherAgencyBrandId: brand2.id };
  });
  return { ...w, ...ids, auditRows: () => w.deps.db.select().from(schema.officeAudit).orderBy(schema.officeAudit.id) };
}
