import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { tokenLeaseName } from '../../bot/sender/token-turn.ts';
import { schema } from '../../server/db/client.ts';
import { Lease } from '../../server/leases/lease.ts';
import { recordAnswers } from '../../server/mailing/outbox-answers.ts';
import { claimRequests, RANDOM_ID_MEMORY_MS, unclaim } from '../../server/mailing/outbox-claim.ts';
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

describe('the sender and the token lease', () => {
  it('item 2: while another process holds the token lease nothing is sent; released, this sender takes over and sends each once', async () => {
    world = await createMessagingWorld();
    const w = world;
    await broadcastTo(w, 300, 8_000_000);
    // "Another process": a lease object of its own on the same table and token.
    const other = new Lease({
      db: w.deps.db,
      name: tokenLeaseName(w.config.VK_API_BASE_URL, w.config.VK_GROUP_TOKEN as string),
      leaseMs: 60_000,
    });
    expect(await other.step()).toBeDefined();
    const abort = new AbortController();
    const run = sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: false, signal: abort.signal, idleMs: 100 });
    await sleep(1500);
    expect(w.fake.calls).toHaveLength(0);
    const releasedAt = Date.now();
    await other.stop();
    const deadline = Date.now() + 15_000;
    while (w.fake.delivered.length < 300 && Date.now() < deadline) await sleep(20);
    abort.abort();
    await run;
    expect(w.fake.delivered).toHaveLength(300);
    expect(Math.max(...deliveriesByPeer(w.fake).values())).toBe(1);
    // Taken over at the sender's next look (a few times a second), then the one-second cold start.
    expect((w.fake.calls[0]?.at as number) - releasedAt).toBeLessThan(2500);
    const [lease] = await w.deps.db.select().from(schema.leases).where(eq(schema.leases.name, other.name));
    expect(lease).toMatchObject({ holder: null, fence: 2 });
  });

  it('a row a dead sender left sending is resent within the hour VK remembers its random_id, closed as delivery_unknown after it', async () => {
    world = await createMessagingWorld();
    const w = world;
    await broadcastTo(w, 150, 8_200_000);
    const claim = () =>
      claimRequests(w.deps.db, {
        now: w.clock.now,
        maxRequests: 2,
        leaseMs: 60_000,
        channels: ['message'],
        scope: { vkGroupId: GROUP_ID },
      });
    // Both requests claimed by a sender that then died (nothing recorded).
    const died = await claim();
    expect(died.flatMap((r) => r.rows)).toHaveLength(150);
    // Its lease ended a minute later: the first request is taken again, within VK's memory of its random_id.
    w.clock.advance(2 * 60_000);
    const [again] = await claim();
    expect(again?.rows).toHaveLength(100);
    // Past the hour (less its margin) the rest may have been delivered: closed, never sent a second time.
    w.clock.advance(RANDOM_ID_MEMORY_MS);
    expect(await claim()).toEqual([]);
    const rows = await w.deps.db.select().from(schema.outbox);
    const closed = rows.filter((r) => r.status === 'failed' && r.errorReason === 'delivery_unknown');
    expect(closed).toHaveLength(150);
  });

  it('a late answer from a sender whose lease ran out never moves a row another sender recorded sent back to the queue or to failed', async () => {
    world = await createMessagingWorld();
    const w = world;
    await broadcastTo(w, 2, 8_300_000);
    const claim = () =>
      claimRequests(w.deps.db, {
        now: w.clock.now,
        maxRequests: 1,
        leaseMs: 60_000,
        channels: ['message'],
        scope: { vkGroupId: GROUP_ID },
      });
    const [slow] = await claim();
    const [a, b] = slow?.rows ?? [];
    if (!a || !b) throw new Error('expected two claimed rows');
    // The slow call outlived its lease: another sender took both rows and VK delivered them.
    w.clock.advance(2 * 60_000);
    const [taken] = await claim();
    expect(taken?.rows).toHaveLength(2);
    const now = w.clock.now;
    const sentBoth = [a, b].map((r, i) => ({ id: r.id, status: 'sent' as const, messageId: 900 + i }));
    await recordAnswers(w.deps.db, { vkGroupId: GROUP_ID, channel: 'message', now, rows: sentBoth });
    // Then the slow call's answer arrives: a timeout to retry for one row, a refusal for the other.
    await recordAnswers(w.deps.db, {
      vkGroupId: GROUP_ID,
      channel: 'message',
      now: now + 1,
      rows: [
        { id: a.id, status: 'retry', nextAttemptAt: now + 5_000, reason: 'timeout' },
        { id: b.id, status: 'failed', reason: 'vk_error', code: 10 },
      ],
    });
    const rows = await w.deps.db.select().from(schema.outbox);
    expect(rows.map((r) => [r.status, r.vkMessageId, r.errorCode])).toEqual([
      ['sent', 900, null],
      ['sent', 901, null],
    ]);
  });

  it('item 2: rows whose call lost the lease go back to the queue unsent, their attempt not counted', async () => {
    world = await createMessagingWorld();
    const w = world;
    await broadcastTo(w, 150, 8_100_000);
    const claim = (maxRequests: number) =>
      claimRequests(w.deps.db, {
        now: w.clock.now,
        maxRequests,
        leaseMs: 60_000,
        channels: ['message'],
        scope: { vkGroupId: GROUP_ID },
      });
    const [first, ...more] = await claim(1);
    expect(more).toHaveLength(0);
    expect(first?.rows.length).toBe(100);
    await unclaim(w.deps.db, first?.rows ?? [], w.clock.now);
    const rows = await w.deps.db.select().from(schema.outbox);
    expect(rows.every((r) => r.status === 'queued' && r.attempts === 0 && r.claimedAt === null)).toBe(true);
    // Claimed again at once by whoever holds the lease (no waiting out OUTBOX_LEASE_MS).
    const again = await claim(5);
    expect(again.flatMap((r) => r.rows)).toHaveLength(150);
  });
});
