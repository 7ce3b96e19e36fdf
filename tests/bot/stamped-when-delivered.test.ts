/**
 * What a user did is stamped with when VK delivered it (the journal's `received_at`), not when the bot got round to it
 * (decision 108): after a crash, recovery replays updates minutes later, and a question stamped with the replay time
 * stood after the agent's later answer in the support thread; a join or leave counted in the funnel late.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botFor } from '../../bot/bot.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { replyAsAgent, ticketThread } from '../../server/support/ticket.service.ts';
import { RECOVERY_AFTER_MS } from '../../server/vk/event-journal.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

const USER = 7070;
const MINUTE = 60_000;

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld();
});
afterEach(async () => {
  await w.shutdown();
});

const message = (conversationMessageId: number, text: string) => ({
  type: 'message_new',
  group_id: GROUP_ID,
  object: {
    message: {
      date: 1780000000,
      from_id: USER,
      peer_id: USER,
      id: 0,
      out: 0,
      conversation_message_id: conversationMessageId,
      text,
    },
    client_info: { button_actions: ['text', 'callback'], keyboard: true, inline_keyboard: true, lang_id: 0 },
  },
});

/** An update journaled at `receivedAt`, after which the process died before handling it. */
const journaledThenDied = (
  eventId: string,
  update: { type: string; group_id: number; object: object },
  receivedAt: number,
) =>
  inTransaction(w.deps.db, (tx) =>
    tx.insert(schema.callbackEvents).values({
      eventId,
      vkGroupId: GROUP_ID,
      type: update.type,
      status: 'received',
      payload: update,
      attempts: 1,
      receivedAt,
      claimedAt: receivedAt,
    }),
  );

describe('replayed after a crash', () => {
  it('a question keeps the time it was written, before the agent answer given while the bot was down', async () => {
    const bot = botFor(w.deps);
    await bot.receive({ ...message(1, 'Где мой приз?'), event_id: 'first' });
    await bot.idle();
    const [ticket] = await w.deps.db
      .select()
      .from(schema.tickets)
      .where(eq(schema.tickets.platformUserId, `${USER}`));
    if (!ticket) throw new Error('no ticket');

    // A follow-up is journaled, and the process dies before handling it.
    w.clock.advance(MINUTE);
    const written = w.clock.now;
    await journaledThenDied('follow-up', message(2, 'Уже неделю жду'), written);
    // Meanwhile the agent answers the first question.
    w.clock.advance(MINUTE);
    const answered = w.clock.now;
    await inTransaction(w.deps.db, (tx) => replyAsAgent(tx, ticket, '900000', 'Отправили вчера', answered));
    // The bot comes back and recovery replays the follow-up.
    w.clock.advance(RECOVERY_AFTER_MS + 5 * MINUTE);
    expect(await bot.recover()).toBe(1);

    const thread = await ticketThread(w.deps.db, ticket.id);
    expect(thread.map((m) => [m.body, m.createdAt])).toEqual([
      ['Где мой приз?', written - MINUTE],
      ['Уже неделю жду', written],
      ['Отправили вчера', answered],
    ]);
    // The ticket waits on the brand again, and its last activity does not move back to the follow-up's time.
    const [after] = await w.deps.db.select().from(schema.tickets).where(eq(schema.tickets.id, ticket.id));
    expect(after).toMatchObject({ status: 'waiting_on_us', updatedAt: answered, waitingSince: written });
  });

  it('a leave and a re-join count in the funnel when they happened', async () => {
    const [participantId] = await w.addParticipants({ count: 1, firstUserId: USER });
    const left = w.clock.now;
    await journaledThenDied(
      'leave',
      { type: 'group_leave', group_id: GROUP_ID, object: { user_id: USER, self: 1 } },
      left,
    );
    const joined = left + MINUTE;
    const join = { type: 'group_join', group_id: GROUP_ID, object: { user_id: USER, join_type: 'join' } };
    await journaledThenDied('join', join, joined);
    w.clock.advance(RECOVERY_AFTER_MS + 10 * MINUTE);
    expect(await botFor(w.deps).recover()).toBe(2);

    const events = await w.deps.db
      .select({ type: schema.events.type, at: schema.events.at })
      .from(schema.events)
      .where(eq(schema.events.participantId, participantId as number));
    expect(events.filter((e) => e.type.startsWith('community_'))).toEqual([
      { type: 'community_left', at: left },
      { type: 'community_joined', at: joined },
    ]);
  });
});
