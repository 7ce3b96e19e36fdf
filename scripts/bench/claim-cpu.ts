/**
 * In-process CPU cost of the claim service (no HTTP), for profiling the claim path:
 * `npx tsx scripts/bench/claim-cpu.ts` (add `node --cpu-prof` to see where the time goes).
 * Prints microseconds of CPU per first claim and per repeated claim.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/client.ts';
import { claimReward } from '../../server/promo/rewards/reward.service.ts';
import { seedClaimWorld } from './claim-fixture.ts';

const dbPath = join(mkdtempSync(join(tmpdir(), 'claim-cpu-')), 'app.db');
const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: dbPath, VK_APP_SECRET: 's' });
const db = openDatabase(dbPath);
const now = Date.now();
await seedClaimWorld(db, config, 3000, 3000, now);
const deps = { db, config, now: () => Date.now() };
const identity = (u: number) => ({
  platform: 'vk' as const,
  userId: String(u),
  appId: String(config.VK_APP_ID),
  language: 'ru' as const,
  platformDetail: 'bench',
});
const measure = async (label: string, from: number, to: number) => {
  const cpu = process.cpuUsage();
  for (let u = from; u <= to; u++) await claimReward(deps, identity(u), 1, 'prize');
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${((used.user + used.system) / (to - from + 1)).toFixed(0)} µs CPU per claim`);
};
for (let u = 1; u <= 200; u++) await claimReward(deps, identity(u), 1, 'prize');
await measure('first claim', 201, 2200);
await measure('repeated claim', 201, 2200);
