/**
 * @module Whether a VK community belongs to a brand the agency switched off (decision 064): its updates are still
 * taken (VK must not give up on the server), but only the user's consent is recorded (decision 094, bot/updates/
 * switched-off-updates.ts).
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';

/**
 * True when community `vkGroupId` is connected to a brand that is switched off; false for one not connected here.
 * @example if (await communitySwitchedOff(db, 200000888)) return
 */
export async function communitySwitchedOff(db: Db, vkGroupId: number): Promise<boolean> {
  const { brands, communities } = schema;
  const [row] = await db
    .select({ id: communities.id })
    .from(communities)
    .innerJoin(brands, eq(brands.id, communities.brandId))
    .where(and(eq(communities.vkGroupId, vkGroupId), isNotNull(brands.disabledAt)))
    .limit(1);
  return row !== undefined;
}
