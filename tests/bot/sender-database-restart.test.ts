/**
 * PostgreSQL only: every connection of the database is terminated (as a restart or failover does) while the sender
 * runs. The sender, running on (not `--once`), does not end: it starts again and every recipient gets exactly one
 * message. Before, the first termination between two statements ended the process (found from outside).
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { broadcastTo, createMessagingWorld, deliveriesByPeer, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(process.env.TEST_DIALECT === 'postgres')('the sender and a database restart', () => {
  it('connections terminated mid-run: the sender goes on, each recipient gets one message', {
    timeout: 90_000,
  }, async () => {
    world = await createMessagingWorld();
    const w = world;
    const total = 1500;
    await broadcastTo(w, total, 9_100_000);
    const abort = new AbortController();
    const run = sendOutbox(w.deps.db, w.config, Date.now, { once: false, signal: abort.signal, idleMs: 50 });
    const url = w.databaseEnv.DATABASE_URL;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const deadline = Date.now() + 60_000;
      while (w.fake.delivered.length < 200 && Date.now() < deadline) await sleep(10);
      // Several rounds, so some land between two statements of a transaction.
      let terminated = 0;
      for (let round = 0; round < 10; round++) {
        const r = await admin.query(
          'SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        terminated += Number(r.rows[0].n);
        await sleep(50);
      }
      expect(terminated).toBeGreaterThan(0);
      while (w.fake.delivered.length < total && Date.now() < deadline) await sleep(20);
    } finally {
      await admin.end();
      abort.abort();
    }
    await run;
    expect(w.fake.delivered).toHaveLength(total);
    expect(Math.max(...deliveriesByPeer(w.fake).values())).toBe(1);
  });
});
