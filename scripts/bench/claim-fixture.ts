/**
 * The claim benchmarks' world: one live campaign whose reward `prize` draws from a code pool of `codes` codes,
 * and `users` VK participants (user ids 1..users) already joined. Shared by the HTTP target and the in-process probe.
 */
import type { Config } from '../../server/config.ts';
import { type Db, schema } from '../../server/db/client.ts';
import { inserted } from '../../server/db/rows.ts';
import { inTransaction } from '../../server/db/transactions.ts';

export function seedClaimWorld(db: Db, config: Config, userCount: number, codeCount: number, now: number) {
  return inTransaction(db, async (tx) => {
    const agency = inserted(await tx.insert(schema.agencies).values({ name: 'Bench' }).returning());
    const brand = inserted(await tx.insert(schema.brands).values({ agencyId: agency.id, name: 'Bench' }).returning());
    const app = inserted(
      await tx.insert(schema.apps).values({ brandId: brand.id, name: 'Bench', vkAppId: config.VK_APP_ID }).returning(),
    );
    const campaign = inserted(
      await tx
        .insert(schema.campaigns)
        .values({
          brandId: brand.id,
          appId: app.id,
          slug: 'bench',
          title: 'Bench',
          mechanic: 'tasks',
          status: 'live',
          startsAt: now - 86_400_000,
          endsAt: now + 86_400_000,
          stages: ['opened', 'reward_issued'],
        })
        .returning(),
    );
    const pool = inserted(
      await tx.insert(schema.codePools).values({ campaignId: campaign.id, key: 'bench', name: 'Bench' }).returning(),
    );
    const codes = Array.from({ length: codeCount }, (_, i) => ({ poolId: pool.id, code: `BENCH-${i + 1}` }));
    for (let i = 0; i < codes.length; i += 1000) await tx.insert(schema.poolCodes).values(codes.slice(i, i + 1000));
    await tx
      .insert(schema.rewards)
      .values({ campaignId: campaign.id, key: 'prize', title: 'Prize', poolId: pool.id, unlock: { tasks: 0 } });
    const users = Array.from({ length: userCount }, (_, i) => ({
      campaignId: campaign.id,
      platform: 'vk' as const,
      platformUserId: String(i + 1),
      stageReachedAt: now,
      referralCode: `b${i + 1}`,
    }));
    for (let i = 0; i < users.length; i += 1000) await tx.insert(schema.participants).values(users.slice(i, i + 1000));
  });
}
