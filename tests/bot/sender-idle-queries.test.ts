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
import { createMessagingWorld, type MessagingWorld } from './messaging-world.ts';

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
