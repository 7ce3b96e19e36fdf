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
import { closeDatabase, openDb } from '../../server/db/open-db.ts';
import { localVkApi } from '../../server/vk/vk-api.ts';
import { seedClaimWorld } from './claim-fixture.ts';

const [dbPath = '', secret = 'bench-secret', usersArg = '20000', codesArg = '10000'] = process.argv.slice(2);
const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: dbPath, VK_APP_SECRET: secret });
// Opened as the server opens it (start-server.ts).
const db = await openDb(config);
const now = systemClock();

await seedClaimWorld(db, config, Number(usersArg), Number(codesArg), now);

const app = createApp({ db, config, now: systemClock, vk: localVkApi() });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
process.on('SIGTERM', () => {
  void closeDatabase(db).finally(() => process.exit(0));
});
