/**
 * In-process claim contention on PostgreSQL: `concurrency` claimers through one pool (openDb's 10 connections) take
 * first claims of distinct users from one code pool, after `used` codes were already taken; prints claims/s,
 * serialization retries per claim and distinct codes. Run with DATABASE_URL set to an empty database:
 * `DATABASE_URL=postgres://… npx tsx scripts/bench/claim-pg-probe.ts [claims] [concurrency] [used]`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, countDistinct } from 'drizzle-orm';
import { loadConfig } from '../../server/config.ts';
import { schema } from '../../server/db/client.ts';
import { closeDatabase, openDb } from '../../server/db/open-db.ts';
import { serializationRetries } from '../../server/db/transactions.ts';
import { claimReward } from '../../server/promo/rewards/reward.service.ts';
import { seedClaimWorld } from './claim-fixture.ts';

const [claimsArg = '3000', concurrencyArg = '64', usedArg = '20000'] = process.argv.slice(2);
const claims = Number(claimsArg);
const used = Number(usedArg);
const config = loadConfig({
  NODE_ENV: 'test',
  DATABASE_PATH: join(tmpdir(), 'claim-pg-probe-unused.db'),
  VK_APP_SECRET: 's',
  DATABASE_URL: process.env.DATABASE_URL ?? '',
});
const db = await openDb(config);
const now = Date.now();
await seedClaimWorld(db, config, used + claims, used + claims, now);
const deps = { db, config, now: () => Date.now() };
const identity = (u: number) => ({
  platform: 'vk' as const,
  userId: String(u),
  appId: String(config.VK_APP_ID),
  language: 'ru' as const,
  platformDetail: 'probe',
});
let failed = 0;
async function claimAll(from: number, to: number, concurrency: number) {
  let next = from;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next <= to) await claimReward(deps, identity(next++), 1, 'prize').catch(() => (failed += 1));
    }),
  );
}
await claimAll(1, used, 16);
const retries = serializationRetries();
const failedBefore = failed;
const started = performance.now();
await claimAll(used + 1, used + claims, Number(concurrencyArg));
const seconds = (performance.now() - started) / 1000;
const [g] = await db.select({ n: count(), codes: countDistinct(schema.grants.code) }).from(schema.grants);
console.log(
  JSON.stringify({
    claims,
    concurrency: Number(concurrencyArg),
    usedBefore: used,
    claimsPerSecond: Math.round(claims / seconds),
    retriesPerClaim: Math.round(((serializationRetries() - retries) / claims) * 100) / 100,
    failedAfterAllAttempts: failed - failedBefore,
    grants: g?.n,
    distinctCodes: g?.codes,
  }),
);
await closeDatabase(db);
