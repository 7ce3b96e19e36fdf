/**
 * A claim benchmark target in its own process: the real API (createApp) on a given SQLite file (or, with
 * `DATABASE_URL` in its environment, on that PostgreSQL database), prepared with one live campaign whose reward draws
 * from a code pool, and `users` participants already joined; `users` 0 seeds nothing (a second API process on a
 * database the first one seeded). Serves on 127.0.0.1 with @hono/node-server and prints `PORT <n>`; a `retries` line
 * on stdin is answered with `RETRIES <n>` (PostgreSQL transactions run again after a serialization failure).
 * A `cpu` line is answered with `CPU <µs>`, the process's CPU time so far.
 * Usage: claim-target.ts <db path> <secret> <users> <codes>
 */
import { createInterface } from 'node:readline';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { closeDatabase, openDb } from '../../server/db/open-db.ts';
import { serializationRetries } from '../../server/db/transactions.ts';
import { localVkApi } from '../../server/vk/vk-api.ts';
import { seedClaimWorld } from './claim-fixture.ts';

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const [dbPath = '', secret = 'bench-secret', usersArg = '20000', codesArg = '10000'] = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL;
const config = loadConfig({
  NODE_ENV: 'test',
  DATABASE_PATH: dbPath,
  VK_APP_SECRET: secret,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
// Opened as the server opens it (start-server.ts).
const db = await openDb(config);
const now = systemClock();

if (Number(usersArg) > 0) await seedClaimWorld(db, config, Number(usersArg), Number(codesArg), now);

const app = createApp({ db, config, now: systemClock, vk: localVkApi() });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'retries') console.log(`RETRIES ${serializationRetries()}`);
  // CPU of this process (every thread) so far, for CPU per claim under load (claim-cpu-http.ts).
  if (line.trim() === 'cpu') console.log(`CPU ${cpuMicros()}`);
});
// As start-server.ts: stop taking requests and let the claims already queued finish before the database closes;
// closing it first answered them 500 ("connection is not open") after the load generator had stopped counting.
// Bounded: a connection the load generator left open must not keep the bench waiting for this process.
process.on('SIGTERM', () => {
  let closing = false;
  const exit = () => {
    if (closing) return;
    closing = true;
    void closeDatabase(db).finally(() => process.exit(0));
  };
  server.close(exit);
  setTimeout(exit, 5_000).unref();
});
