/**
 * The office answer says, per brand, whether it has a VK app and whether the caller may connect one (the brand's page
 * under Agency): the catalogue says before «Use» that a brand without an app cannot have a draft yet, and whom to
 * ask. Before, the answer said neither, so «Use» was offered and refused after the tap (`brand_without_app`).
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld, OTHER_BRAND } from './campaigns/office-campaign.test-world.ts';

const OWNER = 40;
const MANAGER_OF_BRAND_2 = 41;

let w: OfficeWorld;
afterEach(async () => w?.close());

type Brand = { name: string; hasApp?: boolean; canManage?: boolean };
const brandsOf = async (user: number) =>
  ((await w.json('GET', '/api/admin/office', user)).body.brands as Brand[])
    .map(({ name, hasApp, canManage }) => ({ name, hasApp, canManage }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe('GET /api/admin/office: a brand without an app', () => {
  it('says which brands have an app, and who may connect one', async () => {
    w = await createOfficeWorld();
    const [brand2] = await w.deps.db.select().from(schema.brands).where(eq(schema.brands.name, 'Brand 2'));
    await w.agencyOwner(OWNER);
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(MANAGER_OF_BRAND_2),
        agencyId: w.agencyId,
        brandId: brand2?.id ?? 0,
        role: 'agency_manager',
        sections: [],
      }),
    );
    // The world's brand has its app; Brand 2, new, has none.
    const [first] = await w.deps.db.select().from(schema.brands).where(eq(schema.brands.id, w.brandId));
    expect(await brandsOf(OWNER)).toEqual([
      { name: first?.name, hasApp: true, canManage: true },
      { name: 'Brand 2', hasApp: false, canManage: true },
    ]);
    // A brand's own people may not connect an app: the office tells them whom to ask.
    expect(await brandsOf(OTHER_BRAND)).toEqual([{ name: 'Brand 2', hasApp: false, canManage: false }]);
    expect(await brandsOf(EDITOR)).toEqual([{ name: first?.name, hasApp: true, canManage: false }]);
    // A manager of Brand 2 alone manages it, not the agency's other brands.
    expect(await brandsOf(MANAGER_OF_BRAND_2)).toEqual([{ name: 'Brand 2', hasApp: false, canManage: true }]);

    // Once an app is connected, the answer says so.
    await w.write((tx) =>
      tx.insert(schema.apps).values({ brandId: brand2?.id ?? 0, vkAppId: 51_999_001, name: 'Brand 2 app' }),
    );
    expect(await brandsOf(OTHER_BRAND)).toEqual([{ name: 'Brand 2', hasApp: true, canManage: false }]);
  });
});
