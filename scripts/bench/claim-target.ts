/**
 * A claim benchmark target in its own process: the real API (createApp) on a given SQLite file, prepared with one
 * live campaign whose reward draws from a code pool, and `users` participants already joined. Serves on
 * 127.0.0.1 with @hono/node-server and prints `PORT <n>`.
 * Usage: claim-target.ts <db path> <secret> <users> <codes>
 */
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase, schema } from '../../server/db/client.ts';
import { localVkApi } from '../../server/vk/vk-api.ts';

const [dbPath = '', secret = 'bench-secret', usersArg = '20000', codesArg = '10000'] = process.argv.slice(2);
const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: dbPath, VK_APP_SECRET: secret });
const db = openDatabase(dbPath);
const now = systemClock();

db.transaction((tx) => {
  const agency = tx.insert(schema.agencies).values({ name: 'Bench' }).returning().get();
  const brand = tx.insert(schema.brands).values({ agencyId: agency.id, name: 'Bench' }).returning().get();
  const app = tx
    .insert(schema.apps)
    .values({ brandId: brand.id, name: 'Bench', vkAppId: config.VK_APP_ID })
    .returning()
    .get();
  const campaign = tx
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
    .returning()
    .get();
  const pool = tx
    .insert(schema.codePools)
    .values({ campaignId: campaign.id, key: 'bench', name: 'Bench' })
    .returning()
    .get();
  const codes = Array.from({ length: Number(codesArg) }, (_, i) => ({ poolId: pool.id, code: `BENCH-${i + 1}` }));
  for (let i = 0; i < codes.length; i += 1000)
    tx.insert(schema.poolCodes)
      .values(codes.slice(i, i + 1000))
      .run();
  tx.insert(schema.rewards)
    .values({ campaignId: campaign.id, key: 'prize', title: 'Prize', poolId: pool.id, unlock: { tasks: 0 } })
    .run();
  const users = Array.from({ length: Number(usersArg) }, (_, i) => ({
    campaignId: campaign.id,
    platform: 'vk' as const,
    platformUserId: String(i + 1),
    stageReachedAt: now,
    referralCode: `b${i + 1}`,
  }));
  for (let i = 0; i < users.length; i += 1000)
    tx.insert(schema.participants)
      .values(users.slice(i, i + 1000))
      .run();
});

const app = createApp({ db, config, now: systemClock, vk: localVkApi() });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
process.on('SIGTERM', () => {
  db.$client.close();
  process.exit(0);
});
