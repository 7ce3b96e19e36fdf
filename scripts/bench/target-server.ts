/**
 * A server process for benchmarks: `bare` (a one-route Hono app, the baseline) or `app` (the real API on a
 * fresh database with the demo seed), both served by @hono/node-server. Prints `PORT <n>` when listening.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { openDb } from '../../server/db/open-db.ts';
import { seedDemo } from '../../server/seed/demo-seed.ts';

const kind = process.argv[2];
const secret = process.argv[3] ?? 'bench-secret';

function bare() {
  const app = new Hono();
  app.get('/bare', (c) => c.json({ ok: true }));
  return app;
}

async function real() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_PATH: join(dir, 'app.db'), VK_APP_SECRET: secret });
  // Opened as the server opens it (start-server.ts): WAL checkpoints on their own thread, not inside a request's COMMIT.
  const db = await openDb(config);
  await seedDemo(db, config, systemClock());
  return createApp({ db, config, now: systemClock } as Parameters<typeof createApp>[0]);
}

const app = kind === 'bare' ? bare() : await real();
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`PORT ${info.port}`);
});
// A `cpu` line on stdin is answered with `CPU <µs>`, the process's CPU time so far (claim-cpu-http.ts).
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  console.log(`CPU ${user + system}`);
});
// Exit cleanly on a signal so `--cpu-prof` can write its profile when someone profiles a target.
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
