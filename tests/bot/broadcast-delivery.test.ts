/**
 * A 10,000-recipient broadcast through the fake VK API: every recipient gets exactly one message, the fake never
 * had to answer error 6, and personal texts go out through `execute`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createBroadcast, enqueueBroadcast } from '../../server/mailing/broadcast.service.ts';
import { enqueue } from '../../server/mailing/outbox.ts';
import { createMessagingWorld, deliveriesByPeer, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

describe('broadcast through the fake VK API', () => {
  it('delivers 10,000 identical messages exactly once each, within the rate limit', async () => {
    world = await createMessagingWorld();
    const w = world;
    await w.addParticipants({ count: 10_000, firstUserId: 1_000_000 });
    const b = await createBroadcast(
      w.deps.db,
      { campaignId: w.campaignId, name: 'all', segment: {}, channel: 'message', text: 'Новое задание!' },
      w.clock.now,
      w.office,
    );
    expect(await enqueueBroadcast(w.deps.db, b, w.clock.now)).toBe(10_000);
    // Enqueueing again changes nothing: one row per (broadcast, user).
    expect(await enqueueBroadcast(w.deps.db, b, w.clock.now)).toBe(0);

    const totals = await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
    expect(totals.sent).toBe(10_000);
    const byPeer = deliveriesByPeer(w.fake);
    expect(byPeer.size).toBe(10_000);
    expect([...byPeer.values()].every((n) => n === 1)).toBe(true);
    expect(w.fake.errorCounts()[6]).toBeUndefined();
    const sends = w.fake.calls.filter((c) => c.method === 'messages.send' && !c.viaExecute);
    expect(sends.length).toBe(100);
    const statuses = await w.deps.db.select({ s: schema.outbox.status }).from(schema.outbox);
    expect(statuses.every((r) => r.s === 'sent')).toBe(true);
  }, 60_000);

  it('sends personal texts 25 to an execute, each exactly once', async () => {
    world = await createMessagingWorld();
    const w = world;
    await w.addParticipants({ count: 300, firstUserId: 2_000_000 });
    await inTransaction(w.deps.db, (tx) =>
      enqueue(
        tx,
        Array.from({ length: 300 }, (_, i) => ({
          dedupeKey: `personal:${i}`,
          kind: 'broadcast' as const,
          vkGroupId: GROUP_ID,
          vkUserId: 2_000_000 + i,
          channel: 'message' as const,
          text: `Ваш код: CODE-${i}`,
        })),
        w.clock.now,
      ),
    );
    const totals = await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
    expect(totals.sent).toBe(300);
    expect(w.fake.calls.filter((c) => c.method === 'execute').length).toBe(12);
    const texts = new Map(w.fake.delivered.map((d) => [d.peerId, d.text]));
    expect(texts.get(2_000_007)).toBe('Ваш код: CODE-7');
    expect([...deliveriesByPeer(w.fake).values()].every((n) => n === 1)).toBe(true);
  }, 30_000);

  it('sends mini-app notifications with a deep-link fragment; users who disabled them lose the consent', async () => {
    world = await createMessagingWorld({ VK_SERVICE_TOKEN: 'service:51000001' });
    const w = world;
    await w.addParticipants({ count: 150, firstUserId: 3_000_000, consent: false });
    for (let i = 0; i < 120; i += 1) w.fake.allowNotifications(51000001, 3_000_000 + i);
    const b = await createBroadcast(
      w.deps.db,
      {
        campaignId: w.campaignId,
        name: 'push',
        segment: {},
        channel: 'notification',
        text: 'Новое задание ждёт',
        fragment: 'campaign/1/task/join',
      },
      w.clock.now,
      w.office,
    );
    expect(await enqueueBroadcast(w.deps.db, b, w.clock.now)).toBe(150);
    const totals = await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
    expect(totals).toMatchObject({ sent: 120, failed: 30, revoked: 30 });
    const reached = w.fake.notifications.flatMap((n) => n.userIds);
    expect(reached).toHaveLength(120);
    expect(new Set(reached).size).toBe(120);
    expect(w.fake.notifications.every((n) => n.fragment === 'campaign/1/task/join')).toBe(true);
    const lost = await w.deps.db.select().from(schema.consents);
    expect(lost.filter((c) => c.channel === 'notification' && !c.allowed)).toHaveLength(30);
  }, 30_000);
});
