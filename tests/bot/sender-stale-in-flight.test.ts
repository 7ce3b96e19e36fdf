/**
 * What the claim refuses to send is not sent either when it changes after the claim — found from outside: the last
 * look before each VK call only asked whether the broadcast was cancelled, so a second's worth of claimed calls (up to
 * 2,000 recipients) still went out after the agency switched the brand off (notifications, whose token the switch
 * leaves) or after users withdrew their consent.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createBroadcast, enqueueBroadcast } from '../../server/mailing/broadcast.service.ts';
import { outboxRemaining } from '../../server/mailing/outbox-answers.ts';
import { broadcastTo, createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';
import { senderAtGate, until } from './sender-at-gate.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

/** The mini app whose service token sends notifications in these tests. */
const APP = 51000001;

/**
 * A token lease far longer than the test: lost for a moment on a loaded machine, a call at the gate would go back to
 * the queue unsent and the gate stop one call short (rows' own leases run on the world's clock, which stands still).
 */
const LEASE = { OUTBOX_LEASE_MS: '60000' };

const claimedRows = (w: MessagingWorld) =>
  w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.status, 'sending'));

describe('the sender looks, right before each call, at everything the claim looks at', () => {
  it('brand switched off while 2,000 notifications are claimed: no call goes out after, the rest is closed', async () => {
    // Notifications go with the app's service token, which the brand's switch does not take away (the community's
    // does: decision 025), so only the claim and the last look keep a switched-off brand's notifications in.
    world = await createMessagingWorld({ VK_SERVICE_TOKEN: `service:${APP}`, VK_SERVICE_API_RPS: '20', ...LEASE });
    const w = world;
    const users = 4000;
    await w.addParticipants({ count: users, firstUserId: 9_300_000, consent: false });
    for (let i = 0; i < users; i += 1) w.fake.allowNotifications(APP, 9_300_000 + i);
    const b = await createBroadcast(
      w.deps.db,
      { campaignId: w.campaignId, name: 'push', segment: {}, channel: 'notification', text: 'Новое задание' },
      w.clock.now,
      w.office,
    );
    expect(await enqueueBroadcast(w.deps.db, b, w.clock.now)).toBe(users);
    const reached = () => w.fake.notifications.flatMap((n) => n.userIds);
    const limit = w.config.VK_SERVICE_API_RPS;
    const sender = await senderAtGate(w, 'notification', limit);
    expect((await claimedRows(w)).length).toBeGreaterThan(sender.held.length);
    await inTransaction(w.deps.db, (tx) =>
      tx.update(schema.brands).set({ disabledAt: w.clock.now }).where(eq(schema.brands.id, w.brandId)),
    );
    const atSwitch = reached().length;
    // Every call from here on takes its last look after the switch-off committed: none may go out.
    sender.release();
    const open = () => outboxRemaining(w.deps.db, { vkGroupId: GROUP_ID }, ['notification']);
    await until(async () => (await open()) === 0);
    await sender.stop();
    expect(reached().length - atSwitch, `reached after the switch-off (${atSwitch} before it)`).toBe(0);
    expect(sender.calls()).toHaveLength(limit);
    // Nothing left open; what did not go out is closed as the claim closes a switched-off brand's rows.
    const rows = await w.deps.db.select().from(schema.outbox);
    const got = new Set(reached());
    expect(new Set(rows.filter((r) => r.status === 'sent').map((r) => r.vkUserId))).toEqual(got);
    const closed = rows.filter((r) => r.status === 'cancelled');
    expect(closed.length).toBe(users - got.size);
    expect(closed.every((r) => r.errorReason === 'brand_switched_off' && r.attempts === 0)).toBe(true);
  }, 60_000);

  it('consent withdrawn by the claimed recipients: no call reaches them after, the others keep getting theirs', async () => {
    world = await createMessagingWorld(LEASE);
    const w = world;
    await broadcastTo(w, 4000, 9_200_000);
    const sender = await senderAtGate(w, 'message', w.config.VK_GROUP_API_RPS);
    const claimed = await claimedRows(w);
    // Withdrawn in the mini app (not at VK, which would still deliver): only our consent record knows. Written as
    // `recordConsent` leaves it, in one statement per 500 users.
    const withdrawn = [...new Set(claimed.map((r) => r.vkUserId))];
    const withdrawnSet = new Set(withdrawn);
    await inTransaction(w.deps.db, async (tx) => {
      for (let i = 0; i < withdrawn.length; i += 500) {
        await tx
          .update(schema.consents)
          .set({ allowed: false, source: 'miniapp_deny', updatedAt: w.clock.now })
          .where(
            and(
              eq(schema.consents.vkGroupId, GROUP_ID),
              eq(schema.consents.channel, 'message'),
              inArray(schema.consents.vkUserId, withdrawn.slice(i, i + 500)),
            ),
          );
      }
    });
    const atWithdraw = w.fake.delivered.length;
    // Every call from here on takes its last look after the withdrawal committed.
    sender.release();
    const open = () => outboxRemaining(w.deps.db, { vkGroupId: GROUP_ID }, ['message']);
    await until(async () => (await open()) === 0);
    await sender.stop();
    const reachedAfter = w.fake.delivered.slice(atWithdraw).filter((d) => withdrawnSet.has(d.peerId)).length;
    expect(reachedAfter, `withdrawn users reached after the withdrawal (of ${withdrawn.length})`).toBe(0);
    const rows = await w.deps.db.select().from(schema.outbox);
    const closed = rows.filter((r) => r.status === 'cancelled');
    expect(closed.every((r) => r.errorReason === 'consent_revoked' && withdrawnSet.has(r.vkUserId))).toBe(true);
    expect(closed.every((r) => r.attempts === 0)).toBe(true);
    // All of them but the held call's recipients, whom VK had reached before the withdrawal.
    expect(closed).toHaveLength(withdrawn.length - sender.held.length);
    const theirs = rows.filter((r) => withdrawnSet.has(r.vkUserId));
    expect(theirs.every((r) => r.status === 'sent' || r.status === 'cancelled')).toBe(true);
    // Everyone else got the broadcast.
    expect(rows.filter((r) => !withdrawnSet.has(r.vkUserId)).every((r) => r.status === 'sent')).toBe(true);
  }, 60_000);
});
