/**
 * Decision 064: what a brand had in the outbox when the agency switched it off is closed unsent, both channels alike,
 * and the broadcast says so. Found from inside (decision 054's "left alone"): the community's messages waited for the
 * token the switch withholds and went out after switch-on, at a moment nobody chose, while the same batch's
 * notifications were closed; the office listed such a broadcast as "sending" for as long as the brand was off.
 * The real sender against the fake VK; the office's own routes for the broadcast, the switch and the reading.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { queueReply } from '../../server/mailing/replies.ts';
import { createMessagingWorld, GROUP_ID, grantBrandAdmin, type MessagingWorld } from './messaging-world.ts';

const MAILER = 930_001;
const AGENCY = 930_002;
/** The mini app whose service token sends notifications in these tests. */
const APP = 51000001;
/** Noon in Moscow: outside the default quiet hours. */
const NOON_MSK = Date.UTC(2026, 5, 1, 9);
const HOUR = 3_600_000;

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld({ VK_SERVICE_TOKEN: `service:${APP}` }, NOON_MSK);
  app = createApp(w.deps);
  await grantBrandAdmin(w, MAILER, ['mailings']);
  await inTransaction(w.deps.db, (tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(AGENCY),
      agencyId: w.agencyId,
      brandId: null,
      role: 'agency_admin',
      sections: [],
    }),
  );
});
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
const switchBrand = async (to: 'off' | 'on') =>
  expect((await call('POST', `/api/admin/agency/brands/${w.brandId}/switch-${to}`, AGENCY)).status).toBe(200);

async function broadcast(channel: 'message' | 'notification', name: string): Promise<number> {
  const res = await call('POST', `${base()}/broadcasts`, MAILER, { name, segment: {}, channel, text: 'Новое задание' });
  expect(res.status).toBe(201);
  return res.body.broadcast.id;
}

const rowsOf = (broadcastId: number) =>
  w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.broadcastId, broadcastId));
const notificationsReached = () => w.fake.notifications.flatMap((n) => n.userIds);

describe('a switched-off brand: what was already queued (decision 064)', () => {
  it('messages and notifications queued before the switch-off are closed unsent, not sent after switch-on, and the broadcast says so', async () => {
    await w.addParticipants({ count: 5, firstUserId: 9_400_000 });
    for (let i = 0; i < 5; i += 1) w.fake.allowNotifications(APP, 9_400_000 + i);
    const messages = await broadcast('message', 'community');
    const pushes = await broadcast('notification', 'push');
    expect((await rowsOf(messages)).length).toBe(5);
    expect((await rowsOf(pushes)).length).toBe(5);
    // And a bot reply (no campaign, only the community) still waiting.
    await queueReply(
      w.deps.db,
      { vkGroupId: GROUP_ID, vkUserId: 9_400_000, inReplyTo: 'msg:7', text: 'Ответ' },
      w.clock.now,
    );

    await switchBrand('off');
    await send();
    await switchBrand('on');
    await send();

    // Nothing reached anyone: not while off, not after switch-on.
    expect(w.fake.delivered).toEqual([]);
    expect(notificationsReached()).toEqual([]);
    for (const id of [messages, pushes]) {
      expect((await rowsOf(id)).map((r) => [r.status, r.errorReason])).toEqual(
        Array(5).fill(['cancelled', 'brand_switched_off']),
      );
      const page = await call('GET', `${base()}/broadcasts/${id}`, MAILER);
      expect(page.status).toBe(200);
      expect(page.body.broadcast).toMatchObject({ status: 'cancelled', cancelReason: 'brand_switched_off' });
      expect(page.body.stats.cancelledByReason).toEqual({ brand_switched_off: 5 });
    }
    const list = await call('GET', `${base()}/broadcasts`, MAILER);
    expect(list.body.broadcasts.map((b: { status: string; sentCount: number }) => [b.status, b.sentCount])).toEqual([
      ['cancelled', 0],
      ['cancelled', 0],
    ]);
    // The agency's own record of the switch says what it closed.
    const [audit] = await w.deps.db
      .select()
      .from(schema.officeAudit)
      .where(eq(schema.officeAudit.action, 'brand.switch_off'));
    expect(audit?.after).toMatchObject({ closedMessages: 11, cancelledBroadcasts: 2 });
  });

  it('a broadcast switched off half-way: what went out stays sent (once), the rest is closed, and the list counts both', async () => {
    await w.addParticipants({ count: 5, firstUserId: 9_410_000 });
    const id = await broadcast('message', 'half');
    // Three wait for a retry an hour on (VK asked us to back off): the other two go out now.
    const later = [9_410_002, 9_410_003, 9_410_004];
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.outbox)
        .set({ nextAttemptAt: w.clock.now + HOUR })
        .where(and(eq(schema.outbox.broadcastId, id), inArray(schema.outbox.vkUserId, later))),
    );
    expect((await send()).sent).toBe(2);

    await switchBrand('off');
    w.clock.advance(2 * HOUR);
    await send();
    await switchBrand('on');
    await send();

    expect(w.fake.delivered.map((d) => d.peerId).sort()).toEqual([9_410_000, 9_410_001]);
    const page = await call('GET', `${base()}/broadcasts/${id}`, MAILER);
    expect(page.body.broadcast).toMatchObject({ status: 'cancelled', cancelReason: 'brand_switched_off' });
    expect(page.body.stats.byStatus).toEqual({ sent: 2, cancelled: 3 });
    expect(page.body.stats.cancelledByReason).toEqual({ brand_switched_off: 3 });
    const list = await call('GET', `${base()}/broadcasts`, MAILER);
    expect(list.body.broadcasts[0]).toMatchObject({
      id,
      status: 'cancelled',
      cancelReason: 'brand_switched_off',
      enqueuedCount: 5,
      sentCount: 2,
    });
  });

  it('what is written while the brand is off (a bot reply) or was left claimed by a sender that died is closed by the sender, not sent after switch-on', async () => {
    await w.addParticipants({ count: 2, firstUserId: 9_430_000 });
    const id = await broadcast('message', 'died');
    // A sender claimed both messages and died before VK answered: they wait for their lease to end.
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.outbox)
        .set({ status: 'sending', claimedAt: w.clock.now, attempts: 1 })
        .where(eq(schema.outbox.broadcastId, id)),
    );
    await switchBrand('off');
    // The bot still answers someone who writes in: its reply (no campaign, only the community) is written while off.
    await queueReply(
      w.deps.db,
      { vkGroupId: GROUP_ID, vkUserId: 9_430_000, inReplyTo: 'msg:1', text: 'Ответ' },
      w.clock.now,
    );
    w.clock.advance(5_000);
    await send();
    await switchBrand('on');
    await send();

    expect(w.fake.delivered).toEqual([]);
    const rows = await w.deps.db.select().from(schema.outbox).orderBy(schema.outbox.id);
    expect(rows.map((r) => [r.dedupeKey, r.status, r.errorReason])).toEqual([
      [`broadcast:${id}:9430000`, 'cancelled', 'brand_switched_off'],
      [`broadcast:${id}:9430001`, 'cancelled', 'brand_switched_off'],
      [`reply:${GROUP_ID}:9430000:msg:1:0`, 'cancelled', 'brand_switched_off'],
    ]);
    const page = await call('GET', `${base()}/broadcasts/${id}`, MAILER);
    expect(page.body.broadcast).toMatchObject({ status: 'cancelled', cancelReason: 'brand_switched_off' });
  });

  it('a broadcast already finished before the switch-off keeps reading as finished', async () => {
    await w.addParticipants({ count: 2, firstUserId: 9_420_000 });
    const id = await broadcast('message', 'done');
    expect((await send()).sent).toBe(2);
    await switchBrand('off');
    await switchBrand('on');
    const page = await call('GET', `${base()}/broadcasts/${id}`, MAILER);
    expect(page.body.broadcast).toMatchObject({ status: 'enqueued', cancelReason: null });
    expect(page.body.stats.byStatus).toEqual({ sent: 2 });
  });
});
