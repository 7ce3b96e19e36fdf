/**
 * A world for the generated office tests: two agencies; agency 1 has brands "own" and "sibling", agency 2 has brand
 * "foreign". Each brand has a campaign, a code pool and a community; people hold every role, each with exactly one
 * section or every section but one, so a matrix can ask "with / without the route's section" of every role.
 */
import { eq } from 'drizzle-orm';
import { BRAND_SECTIONS, type OfficeSection } from '../../server/auth/office-gate.ts';
import type { Section } from '../../server/auth/permissions.ts';
import { schema } from '../../server/db/client.ts';
import { inserted } from '../../server/db/rows.ts';
import { createPromoWorld, type PromoWorld } from '../../server/promo/testing/promo-world.ts';

export const ROLES = [
  'agency_admin',
  'agency_manager_wide',
  'agency_manager_brand',
  'brand_admin',
  'brand_member',
] as const;
export type RoleCase = (typeof ROLES)[number];
export const TENANTS = ['own', 'sibling', 'foreign', 'missing'] as const;
export type Tenant = (typeof TENANTS)[number];

export interface TenantRows {
  agencyId: number;
  brandId: number;
  campaignId: number;
  poolId: number;
  vkGroupId: number;
}

export interface OfficeMatrixWorld extends PromoWorld {
  tenants: Record<Tenant, TenantRows>;
  /** The VK user id holding `role` with only `section` (`with`) or every brand section except it (`without`). */
  user(role: RoleCase, section: OfficeSection, has: boolean): number;
  /** A VK user with no membership at all. */
  stranger: number;
}

const MISSING = 987_654;

export async function createOfficeMatrixWorld(env: Record<string, string> = {}): Promise<OfficeMatrixWorld> {
  const w = await createPromoWorld(env);
  const own = await w.campaign();
  const sibling = await w.campaign();
  const foreign = await w.campaign();
  const ids = await w.write(async (tx) => {
    const brand2 = inserted(
      await tx
        .insert(schema.brands)
        .values({ agencyId: w.agencyId, name: 'Sibling' })
        .returning({ id: schema.brands.id }),
    );
    const agency2 = inserted(
      await tx.insert(schema.agencies).values({ name: 'Other agency' }).returning({ id: schema.agencies.id }),
    );
    const brand3 = inserted(
      await tx
        .insert(schema.brands)
        .values({ agencyId: agency2.id, name: 'Foreign' })
        .returning({ id: schema.brands.id }),
    );
    await tx.update(schema.campaigns).set({ brandId: brand2.id }).where(eq(schema.campaigns.id, sibling));
    await tx.update(schema.campaigns).set({ brandId: brand3.id }).where(eq(schema.campaigns.id, foreign));
    await tx.insert(schema.communities).values([
      { brandId: brand2.id, vkGroupId: 300_002, name: 'Sibling community' },
      { brandId: brand3.id, vkGroupId: 300_003, name: 'Foreign community' },
    ]);
    const [community] = await tx
      .select()
      .from(schema.communities)
      .where(eq(schema.communities.brandId, w.brandId))
      .limit(1);
    const rows: (typeof schema.memberships.$inferInsert)[] = [];
    const users = new Map<string, number>();
    let next = 50_000;
    const add = (key: string, role: (typeof rows)[number]['role'], brandId: number | null, sections: Section[]) => {
      users.set(key, next);
      rows.push({ platform: 'vk', platformUserId: String(next++), agencyId: w.agencyId, brandId, role, sections });
    };
    add('agency_admin', 'agency_admin', null, []);
    for (const s of BRAND_SECTIONS) {
      for (const has of [true, false]) {
        // `launch` means something only beside `campaigns` (decision 116): its holder has both.
        const held: Section[] = s === 'launch' ? ['campaigns', 'launch'] : [s];
        const sections = has ? held : BRAND_SECTIONS.filter((x) => x !== s);
        add(`agency_manager_wide:${s}:${has}`, 'agency_manager', null, sections);
        add(`agency_manager_brand:${s}:${has}`, 'agency_manager', w.brandId, sections);
        add(`brand_admin:${s}:${has}`, 'brand_admin', w.brandId, sections);
        add(`brand_member:${s}:${has}`, 'brand_member', w.brandId, sections);
      }
    }
    await tx.insert(schema.memberships).values(rows);
    return {
      agency2: agency2.id,
      brand2: brand2.id,
      brand3: brand3.id,
      users,
      ownGroup: community?.vkGroupId ?? MISSING,
    };
  });
  const pools = await Promise.all([own, sibling, foreign].map((c) => w.pool(c, `pool-${c}`, [`A-${c}`, `B-${c}`])));
  return {
    ...w,
    stranger: 49_999,
    tenants: {
      own: {
        agencyId: w.agencyId,
        brandId: w.brandId,
        campaignId: own,
        poolId: pools[0] ?? 0,
        vkGroupId: ids.ownGroup,
      },
      sibling: {
        agencyId: w.agencyId,
        brandId: ids.brand2,
        campaignId: sibling,
        poolId: pools[1] ?? 0,
        vkGroupId: 300_002,
      },
      foreign: {
        agencyId: ids.agency2,
        brandId: ids.brand3,
        campaignId: foreign,
        poolId: pools[2] ?? 0,
        vkGroupId: 300_003,
      },
      missing: { agencyId: MISSING, brandId: MISSING, campaignId: MISSING, poolId: MISSING, vkGroupId: MISSING },
    },
    user(role, section, has) {
      if (role === 'agency_admin') return ids.users.get('agency_admin') ?? 0;
      // `any`, `agency` and `audit` are no membership section: judge them on the member with every section.
      const s = (BRAND_SECTIONS as readonly string[]).includes(section) ? section : 'campaigns';
      const key = (BRAND_SECTIONS as readonly string[]).includes(section)
        ? `${role}:${s}:${has}`
        : `${role}:team:false`;
      const id = ids.users.get(key);
      if (id === undefined) throw new Error(`no user ${key}`);
      return id;
    },
  };
}
