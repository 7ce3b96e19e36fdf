/**
 * What the claim refuses to send is not sent either when it changes after the claim — found from outside: the last
 * look before each VK call only asked whether the broadcast was cancelled, so a second's worth of claimed calls (up to
 * 2,000 recipients) still went out after the agency switched the brand off (notifications, whose token the switch
 * leaves) or after users withdrew their consent.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createBroadcast, enqueueBroadcast } from '../../server/mailing/broadcast.service.ts';
import { outboxRemaining } from '../../server/mailing/outbox-answers.ts';
import { broadcastTo, createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bound, as for a cancel: the one call (100 peers) between its last look and VK when the change commits. */
const ONE_CALL = 100;

/** The mini app whose service token sends notifications in these tests. */
const APP = 51000001;

/** Starts sending a 4,000-user broadcast and answers once the first messages arrived and more are claimed. */
async function sendingBroadcast(w: MessagingWorld) {
  await broadcastTo(w, 4000, 9_200_000);
  const abort = new AbortController();
  const run = sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: false, signal: abort.signal, idleMs: 50 });
  const deadline = Date.now() + 40_000;
  while (w.fake.delivered.length === 0 && Date.now() < deadline) await sleep(2);
  expect(w.fake.delivered.length).toBeGreaterThan(0);
  const claimed = await claimedRows(w);
  expect(claimed.length).toBeGreaterThan(ONE_CALL);
  return { abort, run, claimed, deadline };
}

const claimedRows = (w: MessagingWorld) =>
  w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.status, 'sending'));

async function untilNoneClaimed(w: MessagingWorld, deadline: number) {
  const open = async () =>
    (await w.deps.db.select({ n: count() }).from(schema.outbox).where(eq(schema.outbox.status, 'sending')))[0]?.n ?? 0;
  while ((await open()) > 0 && Date.now() < deadline) await sleep(50);
  expect(await open()).toBe(0);
}

describe('the sender looks, right before each call, at everything the claim looks at', () => {
  it('brand switched off while 2,000 notifications are claimed: at most one call more goes out, the rest is closed', async () => {
    // Notifications go with the app's service token, which the brand's switch does not take away (the community's
    // does: decision 025), so only the claim and the last look keep a switched-off brand's notifications in.
    world = await createMessagingWorld({ VK_SERVICE_TOKEN: `service:${APP}`, VK_SERVICE_API_RPS: '20' });
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
    const abort = new AbortController();
    const run = sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: false, signal: abort.signal, idleMs: 50 });
    const deadline = Date.now() + 40_000;
    while (reached().length === 0 && Date.now() < deadline) await sleep(2);
    expect(reached().length).toBeGreaterThan(0);
    expect((await claimedRows(w)).length).toBeGreaterThan(ONE_CALL);
    await inTransaction(w.deps.db, (tx) =>
      tx.update(schema.brands).set({ disabledAt: w.clock.now }).where(eq(schema.brands.id, w.brandId)),
    );
    await sleep(50);
    const atSwitch = reached().length;
    const open = () => outboxRemaining(w.deps.db, { vkGroupId: GROUP_ID }, ['notification']);
    while ((await open()) > 0 && Date.now() < deadline) await sleep(50);
    abort.abort();
    await run;
    const after = reached().length - atSwitch;
    expect(after, `reached after the switch-off (${atSwitch} before it)`).toBeLessThanOrEqual(ONE_CALL);
    // Nothing left open; what did not go out is closed as the claim closes a switched-off brand's rows.
    expect(await open()).toBe(0);
    const rows = await w.deps.db.select().from(schema.outbox);
    const got = new Set(reached());
    expect(new Set(rows.filter((r) => r.status === 'sent').map((r) => r.vkUserId))).toEqual(got);
    const closed = rows.filter((r) => r.status === 'cancelled');
    expect(closed.length).toBe(users - got.size);
    expect(closed.every((r) => r.errorReason === 'brand_switched_off' && r.attempts === 0)).toBe(true);
  }, 60_000);

  it('consent withdrawn by the claimed recipients: at most one call reaches them, the others keep getting theirs', async () => {
    world = await createMessagingWorld();
    const w = world;
    const { abort, run, claimed, deadline } = await sendingBroadcast(w);
    // Withdrawn in the mini app (not at VK, which would still deliver): only our consent record knows. Written as
    // `recordConsent` leaves it, in one statement per 500 users: one upsert each would take longer than the sender
    // needs to send what it had claimed, and the test would look at nothing.
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
    await sleep(50);
    const atWithdraw = w.fake.delivered.length;
    const open = async () =>
      (
        await w.deps.db
          .select({ n: count() })
          .from(schema.outbox)
          .where(and(eq(schema.outbox.status, 'queued'), eq(schema.outbox.vkGroupId, GROUP_ID)))
      )[0]?.n ?? 0;
    while ((await open()) > 0 && Date.now() < deadline) await sleep(50);
    await untilNoneClaimed(w, deadline);
    abort.abort();
    await run;
    const reachedAfter = w.fake.delivered.slice(atWithdraw).filter((d) => withdrawnSet.has(d.peerId)).length;
    expect(reachedAfter, `withdrawn users reached after the withdrawal (of ${withdrawn.length})`).toBeLessThanOrEqual(
      ONE_CALL,
    );
    const rows = await w.deps.db.select().from(schema.outbox);
    const closed = rows.filter((r) => r.status === 'cancelled');
    expect(closed.every((r) => r.errorReason === 'consent_revoked' && withdrawnSet.has(r.vkUserId))).toBe(true);
    expect(closed.every((r) => r.attempts === 0)).toBe(true);
    expect(closed.length).toBeGreaterThan(ONE_CALL);
    const theirs = rows.filter((r) => withdrawnSet.has(r.vkUserId));
    expect(theirs.every((r) => r.status === 'sent' || r.status === 'cancelled')).toBe(true);
    // Everyone else got the broadcast.
    expect(rows.filter((r) => !withdrawnSet.has(r.vkUserId)).every((r) => r.status === 'sent')).toBe(true);
  }, 60_000);
});
