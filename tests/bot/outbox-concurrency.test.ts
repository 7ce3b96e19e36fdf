/**
 * Issue 13: the outbox on the async data layer. Two senders running at once in one process (each claim a transaction
 * of its own, queued with every other write) still send each row exactly once, within the token's rate; and an
 * enqueue whose rows collide on `random_id` (the same user twice in one chunk) moves the second to the next salt
 * inside the one INSERT-per-chunk path, counting a repeated dedupe key as a duplicate.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { enqueue, type OutboxDraft } from '../../server/mailing/outbox.ts';
import { createMessagingWorld, deliveriesByPeer, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const draft = (key: string, vkUserId: number, text: string): OutboxDraft => ({
  dedupeKey: key,
  kind: 'broadcast',
  vkGroupId: GROUP_ID,
  vkUserId,
  channel: 'message',
  text,
});

describe('outbox on the async data layer', () => {
  it('item 13: two senders at once in one process send every row exactly once, without error 6', async () => {
    world = await createMessagingWorld();
    const w = world;
    await w.addParticipants({ count: 1500, firstUserId: 5_000_000 });
    const drafts = [
      ...Array.from({ length: 1500 }, (_, i) => draft(`same:${i}`, 5_000_000 + i, 'Для всех')),
      ...Array.from({ length: 250 }, (_, i) => draft(`own:${i}`, 5_000_000 + i, `Личное ${i}`)),
    ];
    const { inserted } = await inTransaction(w.deps.db, (tx) => enqueue(tx, drafts, w.clock.now));
    expect(inserted).toBe(1750);

    const run = () => sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.sent + b.sent).toBe(1750);
    // Both took part: the claims interleaved rather than one sender doing everything.
    expect(Math.min(a.requests, b.requests)).toBeGreaterThan(0);
    const byPeer = deliveriesByPeer(w.fake);
    for (let i = 0; i < 1500; i += 1) expect(byPeer.get(5_000_000 + i)).toBe(i < 250 ? 2 : 1);
    expect(w.fake.errorCounts()[6]).toBeUndefined();
    const open = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.status, 'sending'));
    expect(open).toEqual([]);
  }, 60_000);

  it('item 13: a random_id collision in one chunk takes the next salt; a repeated key is a duplicate', async () => {
    world = await createMessagingWorld();
    const w = world;
    const drafts = [
      draft('a', 42, 'Привет'),
      // Same user and text, another key: same chunk, same random_id, so it collides and is salted.
      draft('b', 42, 'Привет'),
      draft('c', 43, 'Привет'),
      draft('a', 42, 'Привет'),
    ];
    const first = await inTransaction(w.deps.db, (tx) => enqueue(tx, drafts, w.clock.now));
    expect(first).toEqual({ inserted: 3, duplicates: 1 });
    const again = await inTransaction(w.deps.db, (tx) => enqueue(tx, drafts.slice(0, 3), w.clock.now));
    expect(again).toEqual({ inserted: 0, duplicates: 3 });

    const rows = await w.deps.db.select().from(schema.outbox).orderBy(schema.outbox.dedupeKey);
    const [a, b, c] = rows;
    expect(rows.map((r) => r.dedupeKey)).toEqual(['a', 'b', 'c']);
    expect(a?.randomId).toBe(c?.randomId);
    expect(b?.randomId).not.toBe(a?.randomId);
    // The salted row leaves the shared peer_ids call.
    expect(b?.contentKey).not.toBe(a?.contentKey);
    expect(a?.contentKey).toBe(c?.contentKey);
  });
});
