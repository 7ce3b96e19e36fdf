/**
 * A broadcast cancelled while the sender runs stops at once, also for the rows the sender had already claimed — found
 * from outside: a 4,000-user broadcast cancelled after its first sends still sent ~1,900 messages, the rest of the
 * second's worth of calls (20 calls of 100 peers) the sender had claimed before the cancel.
 */
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
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
import { senderAtGate, until } from './sender-at-gate.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

describe('cancelling a broadcast the sender is sending', () => {
  it('4,000 users: after the cancel no call goes out; the claimed rest is closed as cancelled, stats add up', async () => {
    // A token lease far longer than the test: lost for a moment on a loaded machine, a call at the gate would go back
    // to the queue unsent and the gate stop one call short (rows' own leases run on the world's clock, which stands).
    world = await createMessagingWorld({ OUTBOX_LEASE_MS: '60000' });
    const w = world;
    const users = 4000;
    await broadcastTo(w, users, 9_000_000);
    const [b] = await w.deps.db.select().from(schema.broadcasts);
    if (!b) throw new Error('no broadcast');
    // 20 calls at VK, the first still unanswered, and a claimed rest waiting for its slot when the brand cancels.
    const limit = w.config.VK_GROUP_API_RPS;
    const sender = await senderAtGate(w, 'message', limit);
    const atCancel = w.fake.delivered.length;
    expect(atCancel).toBe(limit * 100);
    const [claimed] = await w.deps.db
      .select({ n: count() })
      .from(schema.outbox)
      .where(eq(schema.outbox.status, 'sending'));
    expect(claimed?.n).toBeGreaterThan(sender.held.length);
    const { cancelled } = await cancelBroadcast(w.deps.db, b.id, w.clock.now, w.office);
    // Every call after this one takes its last look after the cancel committed: none may go out.
    sender.release();
    // Counted, not read: the sender shares this process, and reading 4,000 rows every few milliseconds would hold
    // its calls back.
    const open = () => outboxRemaining(w.deps.db, { vkGroupId: GROUP_ID }, ['message']);
    await until(async () => (await open()) === 0);
    await sender.stop();
    expect(w.fake.delivered.length - atCancel, `sent after the cancel (${atCancel} before it)`).toBe(0);
    expect(sender.calls()).toHaveLength(limit);
    // Nothing left open, nobody twice, and the stats say exactly who got it: sent rows are the deliveries.
    expect(Math.max(...deliveriesByPeer(w.fake).values())).toBe(1);
    const rows = await w.deps.db.select().from(schema.outbox);
    const delivered = new Set(w.fake.delivered.map((d) => d.peerId));
    const sent = rows.filter((r) => r.status === 'sent');
    expect(new Set(sent.map((r) => r.vkUserId))).toEqual(delivered);
    const closed = rows.filter((r) => r.status === 'cancelled');
    expect(closed.every((r) => r.errorReason === 'broadcast_cancelled' && !delivered.has(r.vkUserId))).toBe(true);
    // The cancel closed what was queued; the last look closed the claimed rest, its attempt not counted either.
    expect(closed.length).toBeGreaterThan(cancelled);
    expect(closed.every((r) => r.attempts === 0)).toBe(true);
    const stats = await broadcastStats(w.deps.db, b.id);
    expect(stats).toMatchObject({
      total: users,
      byStatus: { sent: delivered.size, cancelled: users - delivered.size },
      cancelledByReason: { broadcast_cancelled: users - delivered.size },
    });
    // As the other 4,000-user sends: on PostgreSQL under load the world alone takes ~18 s to build.
  }, 60_000);

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
