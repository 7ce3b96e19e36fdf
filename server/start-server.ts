/**
 * @module `startServer(wiring)`, what `npm start` runs (through scripts/start.ts): config → database (migrated) →
 * demo seed on an empty database → HTTP server serving the API and the built mini app → signed local launch URLs
 * printed. The handler of community updates (the bot) is handed in by the entry, so the server never imports it
 * (docs/decisions/019-composition-root.md).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { LOCAL_VK_ID_APP_ID, standsInVkId, startLocalVkId } from './auth/vk-id/local-vk-id.ts';
import { systemClock } from './clock.ts';
import { loadConfigOrExit } from './config.ts';
import { closeDatabase, describeDatabase, openDb } from './db/open-db.ts';
import type { Deps } from './deps.ts';
import { DatabaseRateLimits } from './http/rate-limit-database.ts';
import { launchInstructions } from './local-launch.ts';
import { startScheduledPromotion } from './office/campaigns/campaign-lifecycle.ts';
import { seedDemo } from './seed/demo-seed.ts';
import { serveMiniApp } from './static/mini-app.ts';
import type { CommunityUpdates } from './vk/community-updates.ts';
import { createVkApi } from './vk/vk-api.ts';

/** Where `npm start` builds the web entry (`vite build --mode web`). */
const WEB_BUILD = './dist/web';

export interface ServerWiring {
  /** Builds this process's handler of community updates (`POST /vk/callback`); without it those answer 503. */
  updates?: (deps: Deps) => CommunityUpdates;
}

export async function startServer(wiring: ServerWiring = {}): Promise<void> {
  let config = loadConfigOrExit();
  // The web entry with no VK ID app: where the demo's launches are signed locally, VK ID is stood in locally too.
  const localVkId = standsInVkId(config) && existsSync(WEB_BUILD) ? await startLocalVkId() : undefined;
  if (localVkId) config = { ...config, VK_ID_APP_ID: LOCAL_VK_ID_APP_ID, VK_ID_BASE_URL: localVkId.url };
  const db = await openDb(config);
  const seed = config.SEED_DEMO ? await seedDemo(db, config, systemClock()) : undefined;
  const vk = createVkApi(config);
  if (vk.mode === 'local') console.warn('No VK tokens: VK checks are simulated (local demo mode)');
  const deps: Deps = { db, config, now: systemClock, vk };
  // On PostgreSQL several API processes share the database, so they count per-user limits there too; the embedded
  // SQLite default is one process and keeps them in memory, without a write per request (docs/decisions/022).
  if (config.DATABASE_URL) deps.rateLimits = new DatabaseRateLimits(db);
  deps.updates = wiring.updates?.(deps);
  const app = createApp(deps);
  // Community updates acknowledged before a crash but not handled are handled now (server/vk/event-journal.ts).
  deps.updates?.recover(0).catch((err) => console.error('bot: recovery at start failed', err));
  // The web entry (VK ID login, issue 17) beside it, when configured: `npm run package -- web` or `vite build --mode web`.
  if (config.VK_ID_APP_ID) serveMiniApp(app, deps, { root: WEB_BUILD, platform: 'vk', prefix: '/web/' });
  serveMiniApp(app, deps, { root: './dist/vk', platform: 'vk' });
  // Scheduled campaigns go live at their start; every process may run this, one wins each campaign.
  const stopPromotion = startScheduledPromotion(deps);

  // Listening is part of starting: a port in use is said in one line by scripts/start.ts, not an 'error' event's
  // stack trace (found from outside).
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      started.off('error', refused);
      // The port this process listens on; PUBLIC_URL (e.g. Vite's in `npm run dev`) is where people open the app.
      const listening = `http://localhost:${info.port}`;
      const baseUrl = config.PUBLIC_URL ?? listening;
      console.log(`Server listening on ${listening} (database ${describeDatabase(config)})`);
      if (baseUrl !== listening) console.log(`Open the app at ${baseUrl}`);
      if (seed?.seeded) console.log('Demo agency, brand, community and campaigns created.');
      const instructions = launchInstructions(config, baseUrl, systemClock());
      if (instructions) console.log(instructions);
      if (localVkId) {
        console.log(`Web entry outside VK (VK ID stood in locally: pick a demo user):\n  ${baseUrl}/web/\n`);
      }
      resolve(started);
    });
    const refused = (err: NodeJS.ErrnoException) => {
      stopPromotion();
      void localVkId?.close();
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${config.PORT} on ${config.HOST} is in use by another program (set PORT to another port)`)
          : err,
      );
    };
    started.once('error', refused);
  });
  // Node's default of 5 s would close connections a load balancer still counts on (see HTTP_KEEP_ALIVE_MS). The header
  // timeout goes above it too (old Node releases cut idle keep-alive connections by that timer first).
  const http = server as Server;
  http.keepAliveTimeout = config.HTTP_KEEP_ALIVE_MS;
  http.headersTimeout = config.HTTP_KEEP_ALIVE_MS + 1000;

  const stop = () => {
    stopPromotion();
    void localVkId?.close();
    // After the last answer: every transaction that answered has committed, so closing loses nothing.
    server.close(() => {
      void closeDatabase(db).finally(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
