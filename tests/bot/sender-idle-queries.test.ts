/**
 * Decision 069: what an idle sender asks the database for a channel it has no token for. A deployment that sends only
 * notifications (the app's service token, no community token stored or configured) still has the community's channel:
 * before, every idle turn (a second) it also read the outbox for a switched-off brand's rows to close, though the
 * brand was on and nothing could be closed. Now that channel costs only the look for a token (one read of the
 * community, so a token stored in the office is used without a restart); the pass runs when the token is withheld.
 * Counted on the real database: every statement the sender's connection runs is recorded on its way through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import type { Db } from '../../server/db/client.ts';
import { writerOf } from '../../server/db/transactions.ts';
import { broadcastTo, createMessagingWorld, type MessagingWorld } from './messaging-world.ts';

let w: MessagingWorld | undefined;
afterEach(async () => {
  await w?.shutdown();
  w = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Records the text of every statement run on `db`'s own connection (SQLite: each `prepare`, which drizzle calls per
 * query; PostgreSQL: each pool `query`), passing each on unchanged; `stop` puts the connection back as it was.
 */
function recordStatements(db: Db): { statements: string[]; stop(): void } {
  const client = db.$client as unknown as Record<string, (...args: unknown[]) => unknown>;
  const name = typeof client.prepare === 'function' ? 'prepare' : 'query';
  const original = client[name] as (...args: unknown[]) => unknown;
  const statements: string[] = [];
  client[name] = function (this: unknown, ...args: unknown[]) {
    const q = args[0];
    statements.push(typeof q === 'string' ? q : String((q as { text?: unknown }).text));
    return original.apply(this, args);
  };
  return {
    statements,
    stop: () => {
      client[name] = original;
    },
  };
}

describe('an idle sender with one token (decision 069)', () => {
  it('does not read the outbox for the channel it has no token for: only looks whether it has one now', async () => {
    // The app's service token only: no community token configured (VK_GROUP_TOKEN empty) nor stored.
    w = await createMessagingWorld({ VK_SERVICE_TOKEN: 'service:51000001', VK_GROUP_TOKEN: '' });
    expect(w.config.VK_GROUP_TOKEN).toBeUndefined();
    const world = w;
    const abort = new AbortController();
    const run = sendOutbox(world.deps.db, world.config, () => world.clock.now, {
      once: false,
      signal: abort.signal,
      idleMs: 20,
    });
    await sleep(300);
    const rec = recordStatements(world.deps.db);
    await sleep(1000);
    rec.stop();
    abort.abort();
    await run;

    const text = rec.statements.map((s) => s.toLowerCase());
    const tokenLooks = text.filter((s) => s.includes('"communities"') && !s.includes('"outbox"')).length;
    const outboxReads = text.filter((s) => s.includes('"outbox"'));
    // It idled for a while: many turns, one token look each.
    expect(tokenLooks).toBeGreaterThan(5);
    // The outbox is read for the notification channel only (when is the next row due: two reads a turn), never for
    // the community's channel's switched-off rows (a read that joins brands).
    expect(outboxReads.filter((s) => s.includes('"brands"'))).toEqual([]);
    expect(outboxReads.length).toBeLessThanOrEqual(2 * tokenLooks + 2);
  });
});

describe('an idle sender with its token and nothing due (decision 088)', () => {
  it('asks only when the next row is due: no token look and no claim each turn; a row queued meanwhile still goes', async () => {
    // Before, every idle turn (a second, for every community the process sends for) opened the community's token and
    // claimed in a write transaction, though the turn before had found nothing due.
    w = await createMessagingWorld();
    const world = w;
    const abort = new AbortController();
    const run = sendOutbox(world.deps.db, world.config, () => world.clock.now, {
      once: false,
      signal: abort.signal,
      idleMs: 20,
    });
    await sleep(300);
    const reads = recordStatements(world.deps.db);
    // SQLite: the claim's transaction runs on the writing connection; PostgreSQL: on a pooled client (not seen here,
    // but a claim always comes after the token look, which is seen on both).
    const writer = writerOf(world.deps.db);
    const writes = writer ? recordStatements(writer) : { statements: [], stop() {} };
    await sleep(1000);
    reads.stop();
    writes.stop();

    const text = reads.statements.map((s) => s.toLowerCase());
    const dueLooks = text.filter((s) => s.includes('min("next_attempt_at")')).length;
    // It idled for a while: many turns, each asking when the next row is due.
    expect(dueLooks).toBeGreaterThan(5);
    expect(text.filter((s) => s.includes('"token_ciphertext", "brands"."disabled_at"'))).toEqual([]);
    // The token's lease is still renewed (this process keeps its turn); nothing is claimed.
    expect(writes.statements.filter((s) => s.includes('"outbox"'))).toEqual([]);

    // A row queued while it idles is sent on the next turn, through the whole turn (token, lease, claim).
    await broadcastTo(world, 1, 7_000_001);
    const until = Date.now() + 5000;
    while (world.fake.delivered.length === 0 && Date.now() < until) await sleep(20);
    abort.abort();
    await run;
    expect(world.fake.delivered.map((d) => d.peerId)).toEqual([7_000_001]);
  });
});
