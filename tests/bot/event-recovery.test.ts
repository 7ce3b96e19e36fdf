/**
 * Crash safety of incoming updates: an update is journaled `received` before VK gets `ok`; a handler that dies
 * half-way (here: the reply cannot be queued; the ticket written with it rolls back) leaves it `received`; the recovery pass
 * handles it exactly once, and a redelivery of the same event_id does nothing. Long Poll takes the same path.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botFor } from '../../bot/bot.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { journalCounts, MAX_EVENT_ATTEMPTS, RECOVERY_AFTER_MS } from '../../server/vk/event-journal.ts';
import { failInserts } from '../support/failing-inserts.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld, postCallback } from './messaging-world.ts';

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
});
afterEach(async () => {
  await botFor(w.deps).stopPolling();
  await w.shutdown();
});

async function post(body: Record<string, unknown>) {
  return (await postCallback(w, app, body)).text();
}

const freeText = (eventId: string, text: string) => ({
  type: 'message_new',
  event_id: eventId,
  object: {
    message: { date: 1780000000, from_id: 555, peer_id: 555, id: 0, out: 0, conversation_message_id: 31, text },
    client_info: { button_actions: ['text', 'open_app'], keyboard: true, inline_keyboard: true, lang_id: 0 },
  },
});

/**
 * Makes every outbox insert fail while armed: the handler dies after writing the ticket, before the reply (a
 * trigger: fault injection for this test only).
 */
function armOutboxCrash(): Promise<() => Promise<void>> {
  return failInserts(w.deps.db, 'outbox', 'simulated crash');
}

const eventRow = async (id: string) =>
  (await w.deps.db.select().from(schema.callbackEvents).where(eq(schema.callbackEvents.eventId, id)).limit(1))[0];
const ticketMessages = () => w.deps.db.select().from(schema.ticketMessages);
const replies = () => w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.vkUserId, 555));
const insertEvent = (row: typeof schema.callbackEvents.$inferInsert) =>
  inTransaction(w.deps.db, (tx) => tx.insert(schema.callbackEvents).values(row));

describe('journaled updates', () => {
  it('a handler that throws leaves the event received; recovery handles it once; a redelivery does nothing', async () => {
    const disarm = await armOutboxCrash();
    expect(await post(freeText('crash-1', 'Где мой приз?'))).toBe('ok');
    const stuck = await eventRow('crash-1');
    expect(stuck).toMatchObject({ status: 'received', attempts: 1, type: 'message_new' });
    expect(stuck?.lastError).toContain('simulated crash');
    expect(stuck?.payload).toMatchObject({ group_id: GROUP_ID, object: { message: { text: 'Где мой приз?' } } });
    expect(stuck?.payload).not.toHaveProperty('secret');
    // The ticket and its reply commit together: the crash left neither.
    expect(await ticketMessages()).toHaveLength(0);
    expect(await replies()).toHaveLength(0);
    await disarm();

    const bot = botFor(w.deps);
    // Too fresh: a claim younger than the threshold may belong to a handler still running.
    expect(await bot.recover()).toBe(0);
    w.clock.advance(RECOVERY_AFTER_MS + 1);
    expect(await bot.recover()).toBe(1);
    expect(await eventRow('crash-1')).toMatchObject({ status: 'handled', attempts: 2, lastError: null });
    // Handled once in effect: one ticket message, one reply.
    expect(await ticketMessages()).toHaveLength(1);
    expect(await replies()).toHaveLength(1);
    expect((await replies())[0]?.text).toContain('обращение №');

    // Nothing left to recover, and VK's redelivery of the same event_id is answered ok and dropped.
    w.clock.advance(RECOVERY_AFTER_MS + 1);
    expect(await bot.recover()).toBe(0);
    expect(await post(freeText('crash-1', 'Где мой приз?'))).toBe('ok');
    expect(await ticketMessages()).toHaveLength(1);
    expect(await replies()).toHaveLength(1);
    expect(await journalCounts(w.deps.db)).toEqual({ received: 0, handled: 1, failed: 0 });
  });

  it('item 13: VK gets ok only once the journal row is committed; a journal write that fails is a 5xx and VK retries', async () => {
    // Fault injection for this test only (a trigger): the journal insert fails.
    const disarm = await failInserts(w.deps.db, 'callback_events', 'disk full');
    const res = await postCallback(w, app, freeText('retry-1', 'Где мой приз?'));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toBe('ok');
    expect(await ticketMessages()).toHaveLength(0);
    await disarm();
    // VK's retry of the same event_id is journaled, answered ok and handled once.
    expect(await post(freeText('retry-1', 'Где мой приз?'))).toBe('ok');
    expect(await eventRow('retry-1')).toMatchObject({ status: 'handled', attempts: 1 });
    expect(await ticketMessages()).toHaveLength(1);
  });

  it('an event recorded by a process that died before handling it is recovered (kill -9 between ok and handler)', async () => {
    // What a killed process leaves behind: the journal row, no handler effect.
    await insertEvent({
      eventId: 'killed-1',
      vkGroupId: GROUP_ID,
      type: 'message_allow',
      status: 'received',
      payload: { type: 'message_allow', group_id: GROUP_ID, object: { user_id: 4343, key: 'k1' } },
      attempts: 1,
      receivedAt: w.clock.now,
      claimedAt: w.clock.now,
    });
    w.clock.advance(RECOVERY_AFTER_MS);
    expect(await botFor(w.deps).recover()).toBe(1);
    const consent = (
      await w.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, 4343)).limit(1)
    )[0];
    expect(consent).toMatchObject({ allowed: true, key: 'k1', vkGroupId: GROUP_ID });
    expect((await eventRow('killed-1'))?.status).toBe('handled');
  });

  it('an allow replayed after a crash does not undo a deny VK delivered after it', async () => {
    const deliveredFirst = w.clock.now;
    // The allow was journaled, then the process died before handling it.
    await insertEvent({
      eventId: 'allow-then-died',
      vkGroupId: GROUP_ID,
      type: 'message_allow',
      status: 'received',
      payload: { type: 'message_allow', group_id: GROUP_ID, object: { user_id: 4545, key: 'k2' } },
      attempts: 1,
      receivedAt: deliveredFirst,
      claimedAt: deliveredFirst,
    });
    // The user changed their mind; the restarted process handles the deny at once.
    w.clock.advance(1000);
    expect(await post({ type: 'message_deny', event_id: 'deny-after', object: { user_id: 4545 } })).toBe('ok');
    await botFor(w.deps).idle();
    // Recovery now replays the older allow: it is recorded as handled but does not re-allow.
    w.clock.advance(RECOVERY_AFTER_MS);
    expect(await botFor(w.deps).recover()).toBe(1);
    const consent = (
      await w.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, 4545)).limit(1)
    )[0];
    expect(consent).toMatchObject({ allowed: false, source: 'message_deny', updatedAt: deliveredFirst + 1000 });
    expect((await eventRow('allow-then-died'))?.status).toBe('handled');
  });

  it('membership handlers are idempotent: a leave handled twice is recorded once, a re-join once more', async () => {
    const [pid] = await w.addParticipants({ count: 1, firstUserId: 888 });
    const bot = botFor(w.deps);
    // What recovery does after a crash that came after the handler's work but before `handled` was written.
    const leave = { type: 'group_leave', group_id: GROUP_ID, object: { user_id: 888, self: 1 } };
    const join = { type: 'group_join', group_id: GROUP_ID, object: { user_id: 888, join_type: 'join' } };
    for (const [id, update] of [
      ['l-1', leave],
      ['l-1-again', leave],
      ['j-1', join],
      ['j-1-again', join],
    ] as const) {
      await bot.receive({ ...update, event_id: id });
      await bot.idle();
    }
    const types = (
      await w.deps.db
        .select({ t: schema.events.type })
        .from(schema.events)
        .where(eq(schema.events.participantId, pid as number))
    ).map((e) => e.t);
    expect(types).toEqual(['community_left', 'community_joined']);
  });

  it('an event whose handler keeps failing is marked failed after the attempts run out', async () => {
    const disarm = await armOutboxCrash();
    await post(freeText('poison-1', 'Начать'));
    const bot = botFor(w.deps);
    for (let i = 1; i < MAX_EVENT_ATTEMPTS; i += 1) {
      w.clock.advance(RECOVERY_AFTER_MS + 1);
      expect(await bot.recover()).toBe(0);
    }
    expect(await eventRow('poison-1')).toMatchObject({ status: 'failed', attempts: MAX_EVENT_ATTEMPTS });
    w.clock.advance(RECOVERY_AFTER_MS + 1);
    await disarm();
    expect(await bot.recover()).toBe(0);
    expect(await replies()).toHaveLength(0);
  });

  it('Long Poll updates are journaled and de-duplicated by event_id like Callback API ones', async () => {
    const bot = botFor(w.deps);
    await bot.startPolling();
    // A callback-button press is answered through the API each time it is handled: the fake counts the answers.
    const press = {
      type: 'message_event',
      event_id: 'lp-1',
      object: { user_id: 555, peer_id: 555, event_id: 'btn-1', payload: { command: 'prizes' } },
    };
    w.fake.pushLongPollEvent(GROUP_ID, press);
    w.fake.pushLongPollEvent(GROUP_ID, press);
    w.fake.pushLongPollEvent(GROUP_ID, { ...press, event_id: 'lp-2', object: { ...press.object, event_id: 'btn-2' } });
    const end = Date.now() + 10_000;
    while (w.fake.eventAnswers.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    // Give a wrongly handled duplicate the time to show up.
    await new Promise((r) => setTimeout(r, 200));
    await bot.idle();
    // Each press answered once (one user's presses take turns, decision 102: tests/bot/one-user-in-order.test.ts).
    expect(w.fake.eventAnswers.map((a) => a.eventId).sort()).toEqual(['btn-1', 'btn-2']);
    expect(await eventRow('lp-1')).toMatchObject({ status: 'handled', attempts: 1 });
    expect((await eventRow('lp-2'))?.status).toBe('handled');
    expect(await replies()).toHaveLength(2);
  }, 20_000);
});
