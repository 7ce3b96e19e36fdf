/**
 * Broadcasts beyond the basics: segments by participant tag (set through the admin API) in the preview and in what
 * the fake VK API delivers; quiet hours of the campaign's time zone (held until they end, unless ignored) with a
 * fake clock; cancelling a scheduled or half-sent broadcast; VK error 10 stored as the failure reason in the stats.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSchedulesOnce } from '../../bot/schedule.ts';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createMessagingWorld, deliveriesByPeer, grantBrandAdmin, type MessagingWorld } from './messaging-world.ts';

const ADMIN = 900_001;
const STRANGER = 900_002;
const HOUR = 3_600_000;
/** 23:00 in Moscow (UTC+3), inside the default quiet hours 22–9. */
const LATE_EVENING = Date.UTC(2026, 5, 1, 20);
/** 09:00 Moscow the next morning, when they end. */
const NEXT_MORNING = Date.UTC(2026, 5, 2, 6);

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
async function setup(startMs?: number) {
  w = await createMessagingWorld({}, startMs);
  app = createApp(w.deps);
  await grantBrandAdmin(w, ADMIN, ['mailings']);
}
afterEach(async () => {
  await w.shutdown();
});

async function call(method: string, path: string, user: number, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: w.vkAuth(user) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const base = () => `/api/admin/mailing/campaigns/${w.campaignId}`;
const send = () => sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
const broadcastRow = async (id: number) =>
  (await w.deps.db.select().from(schema.broadcasts).where(eq(schema.broadcasts.id, id)))[0];
const setOutbox = (id: number | undefined, set: Partial<typeof schema.outbox.$inferInsert>) =>
  inTransaction(w.deps.db, (tx) =>
    tx
      .update(schema.outbox)
      .set(set)
      .where(eq(schema.outbox.id, Number(id))),
  );

describe('segments by tag', () => {
  beforeEach(() => setup());

  it('tags are set through the admin API; preview and delivery reach only the tagged (any of the tags)', async () => {
    const vip = await w.addParticipants({ count: 3, firstUserId: 10_000 });
    const partner = await w.addParticipants({ count: 2, firstUserId: 20_000 });
    await w.addParticipants({ count: 5, firstUserId: 30_000 });

    expect((await call('POST', `${base()}/tags`, STRANGER, { tag: 'vip', add: vip })).status).toBe(404);
    const added = await call('POST', `${base()}/tags`, ADMIN, { tag: 'vip', add: [...vip, ...vip] });
    expect(added).toEqual({ status: 200, body: { tag: 'vip', added: 3, removed: 0, total: 3 } });
    expect((await call('POST', `${base()}/tags`, ADMIN, { tag: 'vip', add: vip })).body.added).toBe(0);
    await call('POST', `${base()}/tags`, ADMIN, { tag: 'partner', add: partner });
    expect((await call('GET', `${base()}/tags`, ADMIN)).body).toEqual({
      tags: [
        { tag: 'partner', participants: 2 },
        { tag: 'vip', participants: 3 },
      ],
    });

    const preview = (segment: object) =>
      call('POST', `${base()}/broadcasts/preview`, ADMIN, { segment, channel: 'message' });
    expect((await preview({})).body.total).toBe(10);
    expect((await preview({ tags: ['vip'] })).body).toMatchObject({ total: 3, withConsent: 3 });
    expect((await preview({ tags: ['vip', 'partner'] })).body.total).toBe(5);
    expect((await preview({ tags: ['nobody'] })).body.total).toBe(0);

    const removed = await call('POST', `${base()}/tags`, ADMIN, { tag: 'vip', remove: [vip[0]] });
    expect(removed.body).toEqual({ tag: 'vip', added: 0, removed: 1, total: 2 });

    const created = await call('POST', `${base()}/broadcasts`, ADMIN, {
      name: 'vip only',
      segment: { tags: ['vip', 'partner'] },
      channel: 'message',
      text: 'Закрытая распродажа',
    });
    expect(created.body.enqueued).toBe(4);
    await send();
    expect([...deliveriesByPeer(w.fake).keys()].sort()).toEqual([10_001, 10_002, 20_000, 20_001]);
  });

  it('refuses participants of another campaign and malformed tags, writing nothing', async () => {
    const [mine] = await w.addParticipants({ count: 1, firstUserId: 40_000 });
    const bad = await call('POST', `${base()}/tags`, ADMIN, { tag: 'vip', add: [mine, 999_999] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('unknown_participants');
    expect(await w.deps.db.select().from(schema.participantTags)).toHaveLength(0);
    expect((await call('POST', `${base()}/tags`, ADMIN, { tag: 'a b', add: [mine] })).status).toBe(422);
    expect((await call('POST', `${base()}/tags`, ADMIN, { tag: 'vip' })).status).toBe(422);
  });
});

describe('quiet hours and cancel', () => {
  it('a broadcast "now" at 23:00 Moscow is held until 09:00; ignoreQuietHours sends at once', async () => {
    await setup(LATE_EVENING);
    await w.addParticipants({ count: 4, firstUserId: 50_000 });
    const payload = { name: 'n', segment: {}, channel: 'message', text: 'Новости' };
    const held = await call('POST', `${base()}/broadcasts`, ADMIN, payload);
    expect(held.body).toMatchObject({ enqueued: 0, broadcast: { status: 'scheduled', scheduledAt: NEXT_MORNING } });

    w.clock.set(NEXT_MORNING - 30 * 60_000);
    expect((await runSchedulesOnce(w.deps)).broadcasts).toBe(0);
    await send();
    expect(w.fake.delivered).toHaveLength(0);

    w.clock.set(NEXT_MORNING);
    expect((await runSchedulesOnce(w.deps)).broadcasts).toBe(4);
    await send();
    expect(w.fake.delivered).toHaveLength(4);

    w.clock.set(LATE_EVENING + 24 * HOUR);
    const urgent = await call('POST', `${base()}/broadcasts`, ADMIN, { ...payload, ignoreQuietHours: true });
    expect(urgent.body).toMatchObject({ enqueued: 4, broadcast: { status: 'enqueued', ignoreQuietHours: true } });
    await send();
    expect(w.fake.delivered).toHaveLength(8);
  });

  it('a broadcast picked up late, after quiet hours began, waits for their end in the outbox', async () => {
    await setup(LATE_EVENING - 2 * HOUR); // 21:00 Moscow
    await w.addParticipants({ count: 2, firstUserId: 60_000 });
    const at = LATE_EVENING - HOUR - 60_000; // 21:59
    const b = await call('POST', `${base()}/broadcasts`, ADMIN, {
      name: 'n',
      segment: {},
      channel: 'message',
      text: 'Вечерний дайджест',
      scheduledAt: at,
    });
    expect(b.body.broadcast.scheduledAt).toBe(at);
    w.clock.set(LATE_EVENING - HOUR + 30_000); // 22:00:30: the minute's schedule pass comes late
    expect((await runSchedulesOnce(w.deps)).broadcasts).toBe(2);
    await send();
    expect(w.fake.delivered).toHaveLength(0);
    w.clock.set(NEXT_MORNING);
    await send();
    expect(w.fake.delivered).toHaveLength(2);
  });

  it('cancels a scheduled broadcast and the unsent rest of one in progress', async () => {
    await setup();
    await w.addParticipants({ count: 5, firstUserId: 70_000 });
    const payload = { name: 'n', segment: {}, channel: 'message', text: 'Отмена?' };
    const later = await call('POST', `${base()}/broadcasts`, ADMIN, { ...payload, scheduledAt: w.clock.now + HOUR });
    const cancelled = await call('DELETE', `${base()}/broadcasts/${later.body.broadcast.id}`, ADMIN);
    expect(cancelled.body).toMatchObject({
      cancelled: 0,
      broadcast: { status: 'cancelled', cancelledAt: w.clock.now },
    });
    w.clock.advance(2 * HOUR);
    expect((await runSchedulesOnce(w.deps)).broadcasts).toBe(0);
    expect((await call('DELETE', `${base()}/broadcasts/${later.body.broadcast.id}`, ADMIN)).status).toBe(409);

    const now = await call('POST', `${base()}/broadcasts`, ADMIN, payload);
    const id = now.body.broadcast.id as number;
    const rows = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.broadcastId, id));
    // Two already sent, one with the sender right now; two still queued.
    const [a, b, inFlight] = rows;
    for (const r of [a, b]) await setOutbox(r?.id, { status: 'sent' });
    await setOutbox(inFlight?.id, { status: 'sending', claimedAt: w.clock.now });
    const res = await call('DELETE', `${base()}/broadcasts/${id}`, ADMIN);
    expect(res.body).toMatchObject({ cancelled: 2, broadcast: { status: 'cancelled' } });
    // The in-flight row comes back for a retry (VK said "later"): the claim closes it instead of sending.
    await setOutbox(inFlight?.id, { status: 'queued', nextAttemptAt: w.clock.now });
    await send();
    expect(w.fake.delivered).toHaveLength(0);
    const stats = await call('GET', `${base()}/broadcasts/${id}/stats`, ADMIN);
    expect(stats.body.byStatus).toEqual({ sent: 2, cancelled: 3 });
    expect(stats.body.cancelledByReason).toEqual({ broadcast_cancelled: 3 });
    expect((await broadcastRow(id))?.status).toBe('cancelled');
    expect((await call('DELETE', `${base()}/broadcasts/${id}`, ADMIN)).body.error.code).toBe('already_cancelled');
  });

  it('VK error 10 fails the rows with the reason, visible in the stats', async () => {
    await setup();
    await w.addParticipants({ count: 3, firstUserId: 80_000 });
    w.fake.failNext('messages.send', 10);
    const b = await call('POST', `${base()}/broadcasts`, ADMIN, {
      name: 'n',
      segment: {},
      channel: 'message',
      text: 'Ошибка VK',
    });
    const totals = await send();
    expect(totals).toMatchObject({ sent: 0, failed: 3 });
    const stats = await call('GET', `${base()}/broadcasts/${b.body.broadcast.id}/stats`, ADMIN);
    expect(stats.body.byStatus).toEqual({ failed: 3 });
    expect(stats.body.failedByReason).toEqual({ 'vk_10: Internal server error': 3 });
    const [row] = await w.deps.db.select().from(schema.outbox).limit(1);
    expect(row).toMatchObject({ status: 'failed', errorCode: 10, attempts: 1 });
  });
});
