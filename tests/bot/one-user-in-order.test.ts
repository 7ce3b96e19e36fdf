/**
 * One user's updates are handled one after another, in the order they came (decision 102): vk-io hands the updates
 * of a Long Poll response to the bot side by side, and two of one user raced — a question written after a button
 * press was answered first, «стоп» and then the allow button ended in no consent, and on PostgreSQL two questions in a
 * row landed in the ticket the other way round when the first was the slower to handle. Different users still run side
 * by side, and a recovered event waits for the live one of its user.
 */
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botFor } from '../../bot/bot.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { journalCounts, RECOVERY_AFTER_MS } from '../../server/vk/event-journal.ts';
import { delayInserts } from '../support/failing-inserts.ts';
import { testsOnPostgres } from '../support/world-database.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

const USER = 5150;

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld();
});
afterEach(async () => {
  await botFor(w.deps).stopPolling();
  await w.shutdown();
});

const message = (conversationMessageId: number, text: string, fromId = USER) => ({
  type: 'message_new',
  object: {
    message: {
      date: 1780000000,
      from_id: fromId,
      peer_id: fromId,
      id: 0,
      out: 0,
      conversation_message_id: conversationMessageId,
      text,
    },
    client_info: {
      button_actions: ['text', 'callback', 'open_app'],
      keyboard: true,
      inline_keyboard: true,
      lang_id: 0,
    },
  },
});
const allow = { type: 'message_allow', object: { user_id: USER, key: 'k' } };
const deny = { type: 'message_deny', object: { user_id: USER } };
const prizesButton = {
  type: 'message_event',
  object: { user_id: USER, peer_id: USER, event_id: 'btn-prizes', payload: { command: 'prizes' } },
};

/** Pushes `updates` in one go, so the fake answers the waiting poll with all of them in one response. */
function pushOneResponse(updates: object[]): void {
  for (const update of updates) w.fake.pushLongPollEvent(GROUP_ID, update);
}

/** Waits until the journal holds `count` handled events (Long Poll delivers in the background), then for the bot. */
async function handledCount(count: number): Promise<void> {
  const end = Date.now() + 10_000;
  while (((await journalCounts(w.deps.db)).handled ?? 0) < count && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await botFor(w.deps).idle();
  expect((await journalCounts(w.deps.db)).handled).toBe(count);
}

const consent = async () =>
  (await w.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, USER)).limit(1))[0];
const repliesInOrder = async () =>
  (
    await w.deps.db
      .select({ dedupeKey: schema.outbox.dedupeKey })
      .from(schema.outbox)
      .where(eq(schema.outbox.vkUserId, USER))
      .orderBy(asc(schema.outbox.id))
  ).map((r) => r.dedupeKey.split(':').slice(3, 5).join(':'));

/** The ticket messages' texts, in the order they were stored. */
const ticketBodies = async () =>
  (
    await w.deps.db
      .select({ body: schema.ticketMessages.body })
      .from(schema.ticketMessages)
      .orderBy(asc(schema.ticketMessages.id))
  ).map((m) => m.body);

describe('one user, one Long Poll response', () => {
  it.each([
    ['«стоп», then the allow button', [message(41, 'стоп'), allow], true],
    ['«подписаться», then the deny of the messages switch', [message(42, 'подписаться'), deny], false],
  ] as const)(
    '%s: the consent ends as the user left it',
    async (_name, updates, allowed) => {
      await botFor(w.deps).startPolling();
      pushOneResponse([...updates]);
      await handledCount(2);
      expect((await consent())?.allowed).toBe(allowed);
    },
    20_000,
  );

  it('a button press and then a question: answered in that order', async () => {
    await botFor(w.deps).startPolling();
    pushOneResponse([prizesButton, message(43, 'Где мой приз?')]);
    await handledCount(2);
    expect(await repliesInOrder()).toEqual(['event:btn-prizes', 'msg:43']);
  }, 20_000);

  it('two questions in a row, the first one slow to store: one ticket, in the order written', async () => {
    // PostgreSQL handles the two on connections of their own: the first one's ticket takes 300 ms to insert (a
    // trigger, for this test only). SQLite's single writer takes transactions in the order their handlers reach it.
    const undelay = testsOnPostgres() ? await delayInserts(w.deps.db, 'tickets', 300, "NEW.subject = 'Первый'") : null;
    await botFor(w.deps).startPolling();
    pushOneResponse([message(44, 'Первый'), message(45, 'Второй')]);
    await handledCount(2);
    await undelay?.();
    const tickets = await w.deps.db
      .select()
      .from(schema.tickets)
      .where(eq(schema.tickets.platformUserId, `${USER}`));
    expect(tickets.map((t) => t.subject)).toEqual(['Первый']);
    const bodies = await ticketBodies();
    expect(bodies).toEqual(['Первый', 'Второй']);
  }, 20_000);

  it('another user is not held up by a slow one', async () => {
    const undelay = testsOnPostgres() ? await delayInserts(w.deps.db, 'tickets', 300, "NEW.subject = 'Первый'") : null;
    await botFor(w.deps).startPolling();
    pushOneResponse([message(46, 'Первый'), message(47, 'Второй'), message(1, 'Другой', USER + 1)]);
    await handledCount(3);
    await undelay?.();
    const bodies = await ticketBodies();
    // The other user's question did not wait behind the slow first one (on SQLite there is no delay to skip).
    if (testsOnPostgres()) expect(bodies).toEqual(['Другой', 'Первый', 'Второй']);
    else expect(bodies.filter((b) => b !== 'Другой')).toEqual(['Первый', 'Второй']);
  }, 20_000);
});

describe('a recovered event and a live one of the same user', () => {
  it('a stop word replayed after a crash does not undo the allow VK delivered after it', async () => {
    const deliveredFirst = w.clock.now;
    // «стоп» was journaled, then the process died before handling it.
    await inTransaction(w.deps.db, (tx) =>
      tx.insert(schema.callbackEvents).values({
        eventId: 'stop-then-died',
        vkGroupId: GROUP_ID,
        type: 'message_new',
        status: 'received',
        payload: { ...message(48, 'стоп'), group_id: GROUP_ID },
        attempts: 1,
        receivedAt: deliveredFirst,
        claimedAt: deliveredFirst,
      }),
    );
    // The user changed their mind; the restarted process handles the allow at once.
    w.clock.advance(1000);
    const bot = botFor(w.deps);
    await bot.receive({ ...allow, group_id: GROUP_ID, event_id: 'allow-after' });
    await bot.idle();
    // Recovery replays the older stop word: it is answered, but the consent stays the newer allow.
    w.clock.advance(RECOVERY_AFTER_MS);
    expect(await bot.recover()).toBe(1);
    expect(await consent()).toMatchObject({ allowed: true, source: 'message_allow', updatedAt: deliveredFirst + 1000 });
  });

  it('a recovered event waits for the live event of its user that is running', async () => {
    const undelay = testsOnPostgres() ? await delayInserts(w.deps.db, 'tickets', 300, "NEW.subject = 'Живой'") : null;
    const deliveredFirst = w.clock.now;
    await inTransaction(w.deps.db, (tx) =>
      tx.insert(schema.callbackEvents).values({
        eventId: 'question-then-died',
        vkGroupId: GROUP_ID,
        type: 'message_new',
        status: 'received',
        payload: { ...message(49, 'Восстановленный'), group_id: GROUP_ID },
        attempts: 1,
        receivedAt: deliveredFirst - RECOVERY_AFTER_MS,
        claimedAt: deliveredFirst - RECOVERY_AFTER_MS,
      }),
    );
    const bot = botFor(w.deps);
    // The live question is taken first; the recovery pass starts while it runs.
    await bot.receive({ ...message(50, 'Живой'), group_id: GROUP_ID, event_id: 'live' });
    expect(await bot.recover()).toBe(1);
    await bot.idle();
    await undelay?.();
    const bodies = await ticketBodies();
    expect(bodies).toEqual(['Живой', 'Восстановленный']);
    const tickets = await w.deps.db.select().from(schema.tickets);
    expect(tickets).toHaveLength(1);
  });
});
