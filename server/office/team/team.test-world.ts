/**
 * Test support for the team API: a promo world (either database) with people around two agencies:
 * agency A (its first brand `brandId`, a second brand `brand2`) and agency B (`brand3`).
 */
import { eq } from 'drizzle-orm';
import { schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { MembershipRole } from '../../db/schema/organization.ts';
import { createPromoWorld, type PromoWorld } from '../../promo/testing/promo-world.ts';

/** VK user ids of the cast. */
export const OWNER = 101; // agency_admin of A
export const MANAGER = 102; // agency_manager of A, agency-wide, team + mailings
export const BRAND_ADMIN = 103; // brand_admin of brand 1, team + campaigns + mailings
export const NO_TEAM = 104; // brand_member of brand 1, mailings only
export const BRAND2_ADMIN = 105; // brand_admin of brand 2 (same agency), team
export const OTHER_OWNER = 106; // agency_admin of agency B
export const CHOSEN_MANAGER = 107; // agency_manager of A for brand 1 only, team + campaigns
export const NOBODY = 120; // a participant with no membership

// biome-ignore lint/suspicious/noExplicitAny: response bodies read field by field in assertions.
export type Body = any;

export interface TeamWorld extends PromoWorld {
  brand2: number;
  agency2: number;
  brand3: number;
  json(method: string, path: string, user: number, body?: unknown): Promise<{ status: number; body: Body }>;
  /** A request with an explicit Authorization value (other platforms, group launches). */
  as(auth: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Body }>;
  audit(): Promise<(typeof schema.officeAudit.$inferSelect)[]>;
  membershipsOf(vkUserId: number): Promise<(typeof schema.memberships.$inferSelect)[]>;
}

export async function createTeamWorld(): Promise<TeamWorld> {
  const w = await createPromoWorld();
  const ids = await w.write(async (tx) => {
    const brand2 = inserted(
      await tx.insert(schema.brands).values({ agencyId: w.agencyId, name: 'Brand 2' }).returning(),
    ).id;
    const agency2 = inserted(await tx.insert(schema.agencies).values({ name: 'Agency 2' }).returning()).id;
    const brand3 = inserted(
      await tx.insert(schema.brands).values({ agencyId: agency2, name: 'Brand 3' }).returning(),
    ).id;
    const row = (user: number, agencyId: number, brandId: number | null, role: MembershipRole, sections: string[]) => ({
      platform: 'vk' as const,
      platformUserId: String(user),
      agencyId,
      brandId,
      role,
      sections,
    });
    await tx
      .insert(schema.memberships)
      .values([
        row(OWNER, w.agencyId, null, 'agency_admin', []),
        row(MANAGER, w.agencyId, null, 'agency_manager', ['team', 'mailings']),
        row(BRAND_ADMIN, w.agencyId, w.brandId, 'brand_admin', ['team', 'campaigns', 'mailings']),
        row(NO_TEAM, w.agencyId, w.brandId, 'brand_member', ['mailings']),
        row(BRAND2_ADMIN, w.agencyId, brand2, 'brand_admin', ['team']),
        row(OTHER_OWNER, agency2, null, 'agency_admin', []),
        row(CHOSEN_MANAGER, w.agencyId, w.brandId, 'agency_manager', ['team', 'campaigns']),
      ]);
    return { brand2, agency2, brand3 };
  });
  const parse = async (res: Response) => ({
    status: res.status,
    body: res.status === 204 ? null : await res.json(),
  });
  return {
    ...w,
    ...ids,
    json: async (method, path, user, body) => parse(await w.call(method, path, user, body)),
    as: async (auth, method, path, body) =>
      parse(
        await w.app.request(path, {
          method,
          headers: { Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
    audit: () => w.deps.db.select().from(schema.officeAudit).orderBy(schema.officeAudit.id),
    membershipsOf: (vkUserId) =>
      w.deps.db
        .select()
        .from(schema.memberships)
        .where(eq(schema.memberships.platformUserId, String(vkUserId))),
  };
}
