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
import { BACKSTOP_CHECKPOINT_PAGES, startCheckpointer } from '../../server/db/checkpointer.ts';
import { openDatabase } from '../../server/db/client.ts';
import { localVkApi } from '../../server/vk/vk-api.ts';
import { threadWriter } from '../../server/writer/db-writer.ts';
import { seedClaimWorld } from './claim-fixture.ts';

const [dbPath = '', secret = 'bench-secret', usersArg = '20000', codesArg = '10000'] = process.argv.slice(2);
const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: dbPath, VK_APP_SECRET: secret });
const db = openDatabase(dbPath, { checkpointPages: BACKSTOP_CHECKPOINT_PAGES });
const now = systemClock();

seedClaimWorld(db, config, Number(usersArg), Number(codesArg), now);

const checkpointer = startCheckpointer(dbPath);
const writer = threadWriter(config);
const app = createApp({ db, config, now: systemClock, vk: localVkApi(), writer });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
process.on('SIGTERM', async () => {
  await writer.close();
  await checkpointer.stop();
  db.$client.close();
  process.exit(0);
});
