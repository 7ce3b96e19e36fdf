/**
 * A broadcast cancelled while the sender runs stops at once, also for the rows the sender had already claimed — found
 * from outside: a 4,000-user broadcast cancelled after its first sends still sent ~1,900 messages, the rest of the
 * second's worth of calls (20 calls of 100 peers) the sender had claimed before the cancel.
 */
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { cancelBroadcast } from '../../server/mailing/broadcast.service.ts';
import { broadcastStats } from '../../server/mailing/mailing-stats.ts';
import { outboxRemaining } from '../../server/mailing/outbox-answers.ts';
import { claimRequests } from '../../server/mailing/outbox-claim.ts';
import { closeStaleClaims } from '../../server/mailing/outbox-stale.ts';
import {
  broadcastTo,
  createMessagingWorld,
  deliveriesByPeer,
  GROUP_ID,
  type MessagingWorld,
} from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The bound: one call (`messages.send` to 100 peers). After the cancel commits, a call goes out only if its last look
 * read the broadcast just before — the call between its look and VK (milliseconds; calls leave 50 ms apart).
 */
const ONE_CALL = 100;

describe('cancelling a broadcast the sender is sending', () => {
  it('4,000 users: after the cancel at most one call goes out; the claimed rest is closed as cancelled, stats add up', async () => {
    world = await createMessagingWorld();
    const w = world;
    const users = 4000;
    await broadcastTo(w, users, 9_000_000);
    const [b] = await w.deps.db.select().from(schema.broadcasts);
    if (!b) throw new Error('no broadcast');
    const abort = new AbortController();
    const run = sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: false, signal: abort.signal, idleMs: 50 });
    const deadline = Date.now() + 15_000;
    while (w.fake.delivered.length === 0 && Date.now() < deadline) await sleep(2);
    expect(w.fake.delivered.length).toBeGreaterThan(0);
    // The sender holds a second's worth of calls claimed (`sending`) when the brand cancels.
    const [claimed] = await w.deps.db
      .select({ n: count() })
      .from(schema.outbox)
      .where(eq(schema.outbox.status, 'sending'));
    expect(claimed?.n).toBeGreaterThan(ONE_CALL);
    const { cancelled } = await cancelBroadcast(w.deps.db, b.id, w.clock.now, w.office);
    // Calls handed to VK before the cancel committed may still be on their way (the fake shares this event loop, which
    // SQLite's cancel blocks while it writes): they land within a beat; any call the gate lets go meanwhile looks first.
    await sleep(50);
    const atCancel = w.fake.delivered.length;
    // Counted, not read: the sender shares this process, and reading 4,000 rows every few milliseconds would hold
    // its calls back and blur what the cancel stopped.
    const open = () => outboxRemaining(w.deps.db, { vkGroupId: GROUP_ID }, ['message']);
    while ((await open()) > 0 && Date.now() < deadline) await sleep(50);
    abort.abort();
    await run;
    const afterCancel = w.fake.delivered.length - atCancel;
    expect(afterCancel, `sent after the cancel (${atCancel} before it)`).toBeLessThanOrEqual(ONE_CALL);
    // Nothing left open, nobody twice, and the stats say exactly who got it: sent rows are the deliveries.
    expect(await open()).toBe(0);
    expect(Math.max(...deliveriesByPeer(w.fake).values())).toBe(1);
    const rows = await w.deps.db.select().from(schema.outbox);
    const delivered = new Set(w.fake.delivered.map((d) => d.peerId));
    const sent = rows.filter((r) => r.status === 'sent');
    expect(new Set(sent.map((r) => r.vkUserId))).toEqual(delivered);
    const closed = rows.filter((r) => r.status === 'cancelled');
    expect(closed.every((r) => r.errorReason === 'broadcast_cancelled' && !delivered.has(r.vkUserId))).toBe(true);
    // Closed after their claim like the queued ones the cancel closed: the attempt that never went out not counted.
    expect(closed.every((r) => r.attempts === 0)).toBe(true);
    const stats = await broadcastStats(w.deps.db, b.id);
    expect(stats).toMatchObject({
      total: users,
      byStatus: { sent: delivered.size, cancelled: users - delivered.size },
      cancelledByReason: { broadcast_cancelled: users - delivered.size },
    });
    expect(closed.length).toBeGreaterThanOrEqual(cancelled);
  });

  it('the last look closes only rows still under its own claim; rows of a running broadcast pass unchanged', async () => {
    world = await createMessagingWorld();
    const w = world;
    await broadcastTo(w, 150, 9_100_000);
    const [b] = await w.deps.db.select().from(schema.broadcasts);
    if (!b) throw new Error('no broadcast');
    const claim = () =>
      claimRequests(w.deps.db, {
        now: w.clock.now,
        maxRequests: 2,
        leaseMs: 60_000,
        channels: ['message'],
        scope: { vkGroupId: GROUP_ID },
      });
    // A sender claimed both calls and stalled; after its lease another sender took them again.
    const stalled = (await claim()).flatMap((r) => r.rows);
    expect(stalled).toHaveLength(150);
    expect(await closeStaleClaims(w.deps.db, stalled, w.clock.now)).toBe(stalled);
    w.clock.advance(2 * 60_000);
    const taken = (await claim()).flatMap((r) => r.rows);
    expect(taken).toHaveLength(150);
    expect((await cancelBroadcast(w.deps.db, b.id, w.clock.now, w.office)).cancelled).toBe(0);
    const byStatus = async () => {
      const rows = await w.deps.db.select().from(schema.outbox);
      return rows.map((r) => [r.status, r.errorReason, r.attempts, r.claimedAt === null]);
    };
    // The stalled sender's look sends nothing and leaves the rows to the sender that holds them now.
    expect(await closeStaleClaims(w.deps.db, stalled, w.clock.now)).toEqual([]);
    expect(new Set((await byStatus()).map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify(['sending', null, 2, false])]),
    );
    // That sender's look closes them, its own attempt not counted.
    expect(await closeStaleClaims(w.deps.db, taken, w.clock.now)).toEqual([]);
    expect(new Set((await byStatus()).map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify(['cancelled', 'broadcast_cancelled', 1, true])]),
    );
    expect((await broadcastStats(w.deps.db, b.id)).byStatus).toEqual({ cancelled: 150 });
  });
});
