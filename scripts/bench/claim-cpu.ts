/**
 * In-process CPU cost of the claim service (no HTTP), for profiling the claim path:
 * `npx tsx scripts/bench/claim-cpu.ts` (add `node --cpu-prof` to see where the time goes).
 * Prints microseconds of CPU per first claim and per repeated claim.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { openDatabase, schema } from '../../server/db/client.ts';
import { claimReward } from '../../server/promo/rewards/reward.service.ts';

const dbPath = join(mkdtempSync(join(tmpdir(), 'claim-cpu-')), 'app.db');
const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: dbPath, VK_APP_SECRET: 's' });
const db = openDatabase(dbPath);
const now = Date.now();
const N = 3000;
db.transaction((tx) => {
  const agency = tx.insert(schema.agencies).values({ name: 'B' }).returning().get();
  const brand = tx.insert(schema.brands).values({ agencyId: agency.id, name: 'B' }).returning().get();
  const app = tx
    .insert(schema.apps)
    .values({ brandId: brand.id, name: 'B', vkAppId: config.VK_APP_ID })
    .returning()
    .get();
  const campaign = tx
    .insert(schema.campaigns)
    .values({
      brandId: brand.id,
      appId: app.id,
      slug: 'b',
      title: 'B',
      mechanic: 'tasks',
      status: 'live',
      startsAt: now - 86_400_000,
      endsAt: now + 86_400_000,
      stages: ['opened', 'reward_issued'],
    })
    .returning()
    .get();
  const pool = tx.insert(schema.codePools).values({ campaignId: campaign.id, key: 'b', name: 'B' }).returning().get();
  for (let i = 0; i < N; i += 500) {
    tx.insert(schema.poolCodes)
      .values(Array.from({ length: 500 }, (_, k) => ({ poolId: pool.id, code: `C-${i + k}` })))
      .run();
    tx.insert(schema.participants)
      .values(
        Array.from({ length: 500 }, (_, k) => ({
          campaignId: campaign.id,
          platform: 'vk' as const,
          platformUserId: String(i + k + 1),
          stageReachedAt: now,
          referralCode: `r${i + k}`,
        })),
      )
      .run();
  }
  tx.insert(schema.rewards)
    .values({ campaignId: campaign.id, key: 'prize', title: 'P', poolId: pool.id, unlock: { tasks: 0 } })
    .run();
});
const deps = { db, config, now: () => Date.now() };
const identity = (u: number) => ({
  platform: 'vk' as const,
  userId: String(u),
  appId: String(config.VK_APP_ID),
  language: 'ru' as const,
  platformDetail: 'bench',
});
const measure = (label: string, from: number, to: number) => {
  const cpu = process.cpuUsage();
  for (let u = from; u <= to; u++) claimReward(deps, identity(u), 1, 'prize');
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${((used.user + used.system) / (to - from + 1)).toFixed(0)} µs CPU per claim`);
};
for (let u = 1; u <= 200; u++) claimReward(deps, identity(u), 1, 'prize');
measure('first claim', 201, 2200);
measure('repeated claim', 201, 2200);
