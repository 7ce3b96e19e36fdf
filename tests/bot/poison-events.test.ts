/**
 * Item 2 of issue 11: one malformed or poisonous VK update must not block the journal. A shape VK never sends is
 * refused at the edge (422) and kept as `failed` with the reason; an event whose handler throws or never finishes is
 * retried a bounded number of times and then parked; a `message_deny` behind any of them is applied.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botFor } from '../../bot/bot.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { enqueue } from '../../server/mailing/outbox.ts';
import { MAX_EVENT_ATTEMPTS, RECOVERY_AFTER_MS } from '../../server/vk/event-journal.ts';
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

const DENYING_USER = 9_100_001;
const eventRow = async (id: string) =>
  (await w.deps.db.select().from(schema.callbackEvents).where(eq(schema.callbackEvents.eventId, id)).limit(1))[0];
const consentOf = async (user: number) =>
  (
    await w.deps.db
      .select()
      .from(schema.consents)
      .where(and(eq(schema.consents.vkGroupId, GROUP_ID), eq(schema.consents.vkUserId, user)))
  )[0];
const outboxOf = (user: number) => w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.vkUserId, user));

/** A user who allowed messages and has a broadcast row waiting: what a withdrawal must stop. */
async function consentingUserWithQueuedMessage(): Promise<void> {
  await w.addParticipants({ count: 1, firstUserId: DENYING_USER });
  await inTransaction(w.deps.db, (tx) =>
    enqueue(
      tx,
      [
        {
          dedupeKey: 'waiting',
          kind: 'broadcast',
          vkGroupId: GROUP_ID,
          vkUserId: DENYING_USER,
          channel: 'message',
          text: 'Скидка',
        },
      ],
      w.clock.now,
    ),
  );
}

/** A journal row as a process that died (or an older version) left it: `received`, claimed, not handled. */
async function journaled(
  eventId: string,
  type: string,
  object: unknown,
  o: { attempts?: number; at?: number } = {},
): Promise<void> {
  const at = o.at ?? w.clock.now;
  await inTransaction(w.deps.db, (tx) =>
    tx.insert(schema.callbackEvents).values({
      eventId,
      vkGroupId: GROUP_ID,
      type,
      status: 'received',
      payload: { type, group_id: GROUP_ID, object },
      attempts: o.attempts ?? 1,
      receivedAt: at,
      claimedAt: at,
    }),
  );
}

/** A well-formed `message_new` "Начать" (the bot queues its menu as a reply). */
const startMessage = (from: number) => ({
  message: {
    id: 0,
    date: 1780000000,
    from_id: from,
    peer_id: from,
    out: 0,
    conversation_message_id: 3,
    text: 'Начать',
  },
  client_info: { button_actions: ['text'], keyboard: true, inline_keyboard: true, lang_id: 0 },
});

async function expectDenyApplied(eventId: string): Promise<void> {
  expect((await eventRow(eventId))?.status).toBe('handled');
  expect(await consentOf(DENYING_USER)).toMatchObject({ allowed: false, source: 'message_deny' });
  expect((await outboxOf(DENYING_USER)).map((r) => [r.status, r.errorReason])).toEqual([
    ['cancelled', 'consent_revoked'],
  ]);
}

describe('poison VK updates', () => {
  it('item 2: {"type":"message_new","object":"garbage"} with the right secret gets 422 and is kept as failed with the reason', async () => {
    const res = await postCallback(w, app, { type: 'message_new', event_id: 'garbage-1', object: 'garbage' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string; issues: Array<{ path: string }> } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues[0]?.path).toBe('object');
    expect(await eventRow('garbage-1')).toMatchObject({ status: 'failed', attempts: 0, type: 'message_new' });
    expect((await eventRow('garbage-1'))?.lastError).toMatch(/^invalid message_new: object: /);
    expect((await eventRow('garbage-1'))?.payload).not.toHaveProperty('secret');

    // Other shapes VK never sends for the types we handle; a wrong secret still gets 403 before any of this.
    for (const [type, object] of [
      ['message_deny', { user_id: 'someone' }],
      ['message_allow', {}],
      ['message_new', { message: { text: 'no sender' }, client_info: {} }],
      ['message_new', { message: { id: 1, date: 1, peer_id: 5, from_id: 5, text: 'no client_info' } }],
      ['message_event', { user_id: 1, peer_id: 1 }],
      ['group_leave', { user_id: -5 }],
    ] as const) {
      const r = await postCallback(w, app, { type, event_id: `bad-${type}-${JSON.stringify(object)}`, object });
      expect(r.status, `${type} ${JSON.stringify(object)}`).toBe(422);
    }
    const forbidden = await postCallback(w, app, { type: 'message_new', object: 'garbage', secret: 'wrong' });
    expect(forbidden.status).toBe(403);
    // Nothing was taken as work; a type the bot does not handle is still accepted as VK sends it.
    expect(
      await w.deps.db.select().from(schema.callbackEvents).where(eq(schema.callbackEvents.status, 'received')),
    ).toEqual([]);
    const other = await postCallback(w, app, { type: 'wall_reply_new', event_id: 'other-1', object: { id: 1 } });
    expect(await other.text()).toBe('ok');
  });

  it('item 2: a garbage event an older version journaled does not stop recovery; the message_deny after it is applied', async () => {
    await consentingUserWithQueuedMessage();
    await journaled('old-garbage', 'message_new', 'garbage');
    await journaled('deny-later', 'message_deny', { user_id: DENYING_USER }, { at: w.clock.now + 1 });
    w.clock.advance(RECOVERY_AFTER_MS + 2);
    const bot = botFor(w.deps);
    expect(await bot.recover()).toBe(1);
    expect(await eventRow('old-garbage')).toMatchObject({ status: 'failed' });
    expect((await eventRow('old-garbage'))?.lastError).toMatch(/invalid message_new/);
    await expectDenyApplied('deny-later');
    // The parked event is never taken again.
    w.clock.advance(RECOVERY_AFTER_MS + 1);
    expect(await bot.recover()).toBe(0);
    expect((await eventRow('old-garbage'))?.status).toBe('failed');
  });

  it('item 2: a handler that throws every time is retried a bounded number of times and parked; the deny behind it is applied at once', async () => {
    await consentingUserWithQueuedMessage();
    // A well-formed message whose handler dies every time (the reply cannot be queued).
    // Fault injection for this test only (a trigger).
    await failInserts(w.deps.db, 'outbox', 'poison', "NEW.kind = 'reply'");
    await journaled('poison-handler', 'message_new', startMessage(777));
    await journaled('deny-behind', 'message_deny', { user_id: DENYING_USER }, { at: w.clock.now + 1 });
    const bot = botFor(w.deps);
    w.clock.advance(RECOVERY_AFTER_MS + 2);
    expect(await bot.recover()).toBe(1);
    await expectDenyApplied('deny-behind');
    for (let pass = 0; pass < 2 * MAX_EVENT_ATTEMPTS; pass += 1) {
      w.clock.advance(RECOVERY_AFTER_MS + 1);
      await bot.recover();
    }
    expect(await eventRow('poison-handler')).toMatchObject({ status: 'failed', attempts: MAX_EVENT_ATTEMPTS });
    expect((await eventRow('poison-handler'))?.lastError).toContain('poison');
  });

  it('item 2: an event whose handler never finished its last allowed attempt (it took the process down) is parked, not run again', async () => {
    await consentingUserWithQueuedMessage();
    await journaled('kills-the-process', 'message_new', startMessage(778), { attempts: MAX_EVENT_ATTEMPTS });
    await journaled('deny-after-it', 'message_deny', { user_id: DENYING_USER }, { at: w.clock.now + 1 });
    w.clock.advance(RECOVERY_AFTER_MS + 2);
    expect(await botFor(w.deps).recover()).toBe(1);
    expect(await eventRow('kills-the-process')).toMatchObject({ status: 'failed', attempts: MAX_EVENT_ATTEMPTS });
    expect((await eventRow('kills-the-process'))?.lastError).toMatch(/attempts exhausted.*never finished/);
    // Its handler did not run a sixth time: no reply was queued.
    expect(await outboxOf(778)).toEqual([]);
    await expectDenyApplied('deny-after-it');
  });

  it('item 2: through Long Poll too, garbage is parked as failed and the deny after it is applied', async () => {
    await consentingUserWithQueuedMessage();
    const bot = botFor(w.deps);
    await bot.startPolling();
    w.fake.pushLongPollEvent(GROUP_ID, { type: 'message_new', event_id: 'lp-garbage', object: 'garbage' });
    w.fake.pushLongPollEvent(GROUP_ID, {
      type: 'message_deny',
      event_id: 'lp-deny',
      object: { user_id: DENYING_USER },
    });
    const end = Date.now() + 10_000;
    while ((await eventRow('lp-deny'))?.status !== 'handled' && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    await bot.idle();
    expect(await eventRow('lp-garbage')).toMatchObject({ status: 'failed' });
    await expectDenyApplied('lp-deny');
  }, 20_000);
});
