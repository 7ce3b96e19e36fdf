/**
 * Test support for the office campaign API: a promo world (both databases) with the community's bot token configured,
 * and people around the brand: a campaigns member who may launch, a member without the section, a member of another
 * brand of the same agency, a member of another agency, a participant with no membership, and (decision 116) a
 * member who may edit campaigns but not launch them and one holding `launch` alone (written as an old row could be:
 * the team API refuses such a list).
 */
import { schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../../promo/testing/promo-world.ts';

export const EDITOR = 10;
export const NO_SECTION = 11;
export const OTHER_BRAND = 12;
export const OTHER_AGENCY = 13;
export const PARTICIPANT = 14;
export const CAMPAIGNS_ONLY = 15;
export const LAUNCH_ONLY = 16;

/** A parsed JSON answer; tests read fields by path, so it is left untyped. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies of many routes, read field by field in assertions.
export type Body = any;

export interface OfficeWorld extends PromoWorld {
  json(method: string, path: string, user: number, body?: unknown): Promise<{ status: number; body: Body }>;
  /** Loads `n` codes into a pool of the campaign (as an import would). */
  codes(campaignId: number, poolKey: string, n: number): Promise<void>;
}

export async function createOfficeWorld(): Promise<OfficeWorld> {
  const w = await createPromoWorld({ VK_GROUP_TOKEN: 'group-token', VK_GROUP_ID: String(GROUP_ID) });
  await w.write(async (tx) => {
    const brand2 = inserted(
      await tx
        .insert(schema.brands)
        .values({ agencyId: w.agencyId, name: 'Brand 2' })
        .returning({ id: schema.brands.id }),
    );
    const agency2 = inserted(
      await tx.insert(schema.agencies).values({ name: 'Agency 2' }).returning({ id: schema.agencies.id }),
    );
    const brand3 = inserted(
      await tx
        .insert(schema.brands)
        .values({ agencyId: agency2.id, name: 'Brand 3' })
        .returning({ id: schema.brands.id }),
    );
    const member = (user: number, agencyId: number, brandId: number, sections: string[]) => ({
      platform: 'vk' as const,
      platformUserId: String(user),
      agencyId,
      brandId,
      role: 'brand_admin' as const,
      sections,
    });
    await tx
      .insert(schema.memberships)
      .values([
        member(EDITOR, w.agencyId, w.brandId, ['campaigns', 'launch', 'prizes']),
        member(NO_SECTION, w.agencyId, w.brandId, ['support']),
        member(OTHER_BRAND, w.agencyId, brand2.id, ['campaigns', 'launch', 'prizes']),
        member(OTHER_AGENCY, agency2.id, brand3.id, ['campaigns', 'launch', 'prizes']),
        member(CAMPAIGNS_ONLY, w.agencyId, w.brandId, ['campaigns', 'prizes']),
        member(LAUNCH_ONLY, w.agencyId, w.brandId, ['launch']),
      ]);
  });
  return {
    ...w,
    json: async (method, path, user, body) => {
      const res = await w.call(method, path, user, body);
      return { status: res.status, body: await res.json() };
    },
    codes: (campaignId, poolKey, n) =>
      w.write(async (tx) => {
        const pools = await tx.select().from(schema.codePools);
        const pool = pools.find((p) => p.campaignId === campaignId && p.key === poolKey);
        if (!pool) throw new Error(`no pool ${poolKey}`);
        await tx
          .insert(schema.poolCodes)
          .values(Array.from({ length: n }, (_, i) => ({ poolId: pool.id, code: `${poolKey}-${campaignId}-${i}` })));
      }),
  };
}
