/**
 * `POST /vk/callback` with VK's real payload shapes: secret check, confirmation, de-duplication by event_id,
 * message_new with client_info, message_allow with key (consent + allow_messages task), message_event with the
 * payload as an object or a string (always answered), group_join completing join_community.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { markTaskStarted } from '../../server/promo/tasks/task-records.ts';
import {
  broadcastTo,
  CALLBACK_SECRET,
  CONFIRMATION,
  createMessagingWorld,
  GROUP_ID,
  type MessagingWorld,
  postCallback,
} from './messaging-world.ts';

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
});
afterEach(async () => {
  await w.shutdown();
});

async function post(body: Record<string, unknown>) {
  const res = await postCallback(w, app, body);
  return { status: res.status, text: await res.text() };
}

const messageNew = (eventId: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message_new',
  event_id: eventId,
  object: {
    message: {
      date: 1780000000,
      from_id: 555,
      id: 0,
      out: 0,
      version: 10001,
      attachments: [],
      conversation_message_id: 17,
      fwd_messages: [],
      important: false,
      is_hidden: false,
      peer_id: 555,
      random_id: 0,
      text,
      ...extra,
    },
    client_info: {
      button_actions: [
        'text',
        'vkpay',
        'open_app',
        'location',
        'open_link',
        'callback',
        'intent_subscribe',
        'intent_unsubscribe',
      ],
      keyboard: true,
      inline_keyboard: true,
      carousel: true,
      lang_id: 0,
    },
  },
});

async function outboxFor(user: number) {
  return await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.vkUserId, user));
}

describe('POST /vk/callback', () => {
  it('refuses a wrong or missing secret with 403, before confirmation', async () => {
    expect((await post({ type: 'confirmation', secret: 'nope' })).status).toBe(403);
    const res = await app.request('/vk/callback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'confirmation', group_id: GROUP_ID }),
    });
    expect(res.status).toBe(403);
  });

  it('answers confirmation with the configured code, and other groups with 403', async () => {
    expect(await post({ type: 'confirmation' })).toEqual({ status: 200, text: CONFIRMATION });
    expect((await post({ type: 'confirmation', group_id: 999 })).status).toBe(403);
  });

  it('rejects a body that is not a notification with 422 naming the fields it lacks', async () => {
    const res = await app.request('/vk/callback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ hello: 1 }),
    });
    expect(res.status).toBe(422);
    // Valid JSON, so not "Invalid json" (found from outside): what it is not, and the fields it lacks.
    const { error } = (await res.json()) as { error: { message: string; issues: { path: string }[] } };
    expect(error.message).toBe('Not a Callback API notification: type, group_id');
    expect(error.issues.map((i) => i.path)).toEqual(['type', 'group_id']);
  });

  it('refuses an update nested thousands deep with 422, not a 500, and journals nothing', async () => {
    // With the right secret, an update whose object nested 20,000 deep failed the journal's copy (a 500 VK retries).
    const depth = 20_000;
    const update = { group_id: GROUP_ID, secret: CALLBACK_SECRET, ...messageNew('e-deep', 'Начать', { payload: '§' }) };
    const res = await app.request('/vk/callback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // Written out: JSON.stringify itself recurses and cannot write it.
      body: JSON.stringify(update).replace('"§"', `${'['.repeat(depth)}"x"${']'.repeat(depth)}`),
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Not a Callback API notification: object.message.payload.0');
    expect(await w.deps.db.select().from(schema.callbackEvents)).toHaveLength(0);
  });

  it('handles the same event_id once', async () => {
    expect(await post(messageNew('e-1', 'Начать'))).toEqual({ status: 200, text: 'ok' });
    expect(await post(messageNew('e-1', 'Начать'))).toEqual({ status: 200, text: 'ok' });
    expect(await outboxFor(555)).toHaveLength(1);
    expect(await w.deps.db.select().from(schema.callbackEvents)).toHaveLength(1);
  });

  it('message_new with client_info: start gets the menu keyboard, delivered by the sender', async () => {
    // A user who writes to the community may be answered (VK lets the community reply).
    w.fake.allowMessages(GROUP_ID, 555);
    await post(messageNew('e-2', 'Начать'));
    const [row] = await outboxFor(555);
    expect(row?.kind).toBe('reply');
    await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
    const msg = w.fake.delivered.find((d) => d.peerId === 555);
    expect(msg?.text).toContain('Мой прогресс');
    const labels = msg?.keyboard?.buttons.flat().map((b) => b.action.label);
    expect(labels).toEqual(['Мой прогресс', 'Мои призы', 'Поддержка', 'Помощь']);
  });

  it('"my progress" deep-links to the next task with an open_app button', async () => {
    const [pid] = await w.addParticipants({ count: 1, firstUserId: 555 });
    await inTransaction(w.deps.db, (tx) =>
      tx
        .insert(schema.tasks)
        .values({ campaignId: w.campaignId, key: 'join', kind: 'join_community', title: 'Вступить', position: 1 }),
    );
    expect(pid).toBeDefined();
    await post(messageNew('e-3', 'x', { payload: JSON.stringify({ command: 'progress' }) }));
    await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
    const msg = w.fake.delivered.find((d) => d.peerId === 555);
    const button = msg?.keyboard?.buttons[0]?.[0];
    expect(button?.action.type).toBe('open_app');
    expect(button?.action.hash).toBe(`campaign/${w.campaignId}/task/join`);
    expect(msg?.text).toContain('Вступить');
  });

  it('free text opens a support ticket, and the next message continues it', async () => {
    await post(messageNew('e-4', 'Не пришёл промокод'));
    await post(messageNew('e-5', 'Уже сутки жду', { conversation_message_id: 18 }));
    const tickets = await w.deps.db.select().from(schema.tickets);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.source).toBe('bot');
    expect((await w.deps.db.select().from(schema.ticketMessages)).map((m) => m.body)).toEqual([
      'Не пришёл промокод',
      'Уже сутки жду',
    ]);
  });

  it('a photo without text opens a ticket that names it and links the dialog; a sticker alone, or text of only invisible characters, writes none', async () => {
    const photo = (id: number) => ({ type: 'photo', photo: { id, owner_id: 555, access_key: 'k', sizes: [] } });
    await post(messageNew('a-1', '', { attachments: [photo(1), photo(2)] }));
    await post(messageNew('a-2', 'Вот ошибка', { conversation_message_id: 18, attachments: [photo(3)] }));
    await post(
      messageNew('a-3', '', {
        conversation_message_id: 19,
        attachments: [{ type: 'sticker', sticker: { sticker_id: 9, product_id: 1 } }],
      }),
    );
    await post(messageNew('a-4', '\u200b\u2060\ufeff', { conversation_message_id: 20 }));
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(1);
    const gim = `https://vk.com/gim${GROUP_ID}?sel=555`;
    expect((await w.deps.db.select().from(schema.ticketMessages)).map((m) => m.body)).toEqual([
      `📎 photo ×2 — ${gim}`,
      `Вот ошибка\n📎 photo — ${gim}`,
    ]);
    expect(await outboxFor(555)).toHaveLength(2);
  });

  it('a message holding NUL or half of a character is kept, those shown as U+FFFD, not refused (VK would retry it)', async () => {
    // Valid JSON either way; PostgreSQL's jsonb journal refused the half character (a 500), NUL was a 422.
    expect(await post(messageNew('u-1', 'Помогите \ud800 пожалуйста'))).toEqual({ status: 200, text: 'ok' });
    expect(await post(messageNew('u-2', 'код\u0000 не пришёл', { conversation_message_id: 18 }))).toEqual({
      status: 200,
      text: 'ok',
    });
    const events = await w.deps.db.select().from(schema.callbackEvents);
    expect(events.map((e) => [e.eventId, e.status])).toEqual([
      ['u-1', 'handled'],
      ['u-2', 'handled'],
    ]);
    expect((await w.deps.db.select().from(schema.ticketMessages)).map((m) => m.body)).toEqual([
      'Помогите \ufffd пожалуйста',
      'код\ufffd не пришёл',
    ]);
  });

  it('message_allow with key records consent and completes the allow_messages task', async () => {
    const [pid] = await w.addParticipants({ count: 1, firstUserId: 777, consent: false });
    const { task, started } = await inTransaction(w.deps.db, async (tx) => {
      const [task] = await tx
        .insert(schema.tasks)
        .values({ campaignId: w.campaignId, key: 'allow', kind: 'allow_messages', title: 'Разрешить сообщения' })
        .returning();
      if (!task) throw new Error('no task');
      const who = { campaignId: w.campaignId, participantId: pid as number };
      return { task, started: await markTaskStarted(tx, who, task, w.clock.now) };
    });
    expect(started.consentKey).toBeTruthy();
    await post({ type: 'message_allow', event_id: 'a-1', object: { user_id: 777, key: started.consentKey } });
    const consent = (
      await w.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, 777)).limit(1)
    )[0];
    expect(consent).toMatchObject({ allowed: true, key: started.consentKey, source: 'message_allow' });
    const [completion] = await w.deps.db
      .select()
      .from(schema.taskCompletions)
      .where(and(eq(schema.taskCompletions.taskId, task.id), eq(schema.taskCompletions.participantId, pid as number)));
    expect(completion?.status).toBe('done');

    await post({ type: 'message_deny', event_id: 'a-2', object: { user_id: 777 } });
    expect(
      (await w.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, 777)).limit(1))[0]?.allowed,
    ).toBe(false);
  });

  it('message_event is answered whether the payload is an object or a string', async () => {
    const base = { user_id: 555, peer_id: 555, conversation_message_id: 20 };
    await post({
      type: 'message_event',
      event_id: 'm-1',
      object: { ...base, event_id: 'ev1', payload: { command: 'prizes' } },
    });
    await post({
      type: 'message_event',
      event_id: 'm-2',
      object: { ...base, event_id: 'ev2', payload: '{"command":"start"}' },
    });
    await post({ type: 'message_event', event_id: 'm-3', object: { ...base, event_id: 'ev3', payload: 'not json' } });
    expect(w.fake.eventAnswers.map((a) => a.eventId)).toEqual(['ev1', 'ev2', 'ev3']);
    expect((await outboxFor(555)).map((r) => r.text.split('\n')[0])).toEqual([
      'Призов пока нет.',
      'Здравствуйте! Я бот акций сообщества.',
      'Здравствуйте! Я бот акций сообщества.',
    ]);
  });

  // vk-io asks again after every error 6 with no limit of its own (server/vk/bounded-vk-api.ts bounds it): the
  // test's timeout is the bound, the handler must end before it.
  it('a button press VK refuses to answer with error 6 every time: the handler ends, its reply queued, the error kept', {
    timeout: 8000,
  }, async () => {
    w.fake.failNext('messages.sendMessageEventAnswer', 6, 1000);
    const event = {
      user_id: 555,
      peer_id: 555,
      conversation_message_id: 20,
      event_id: 'ev6',
      payload: { command: 'prizes' },
    };
    expect((await post({ type: 'message_event', event_id: 'm-6', object: event })).status).toBe(200);
    expect((await outboxFor(555)).map((r) => r.text)).toEqual(['Призов пока нет.']);
    const [journaled] = await w.deps.db
      .select()
      .from(schema.callbackEvents)
      .where(eq(schema.callbackEvents.eventId, 'm-6'));
    expect(journaled?.status).toBe('received');
    expect(journaled?.lastError).toMatch(/too many requests|\b6\b/i);
  });

  it('the stop word withdraws the consent (queued mailings closed, its answer still delivered); "subscribe" gives it back', async () => {
    await broadcastTo(w, 2, 560);
    await post(messageNew('s-1', 'Стоп', { from_id: 560, peer_id: 560 }));
    const rows = await outboxFor(560);
    expect(rows.map((r) => [r.kind, r.status, r.errorReason])).toEqual([
      ['broadcast', 'cancelled', 'consent_revoked'],
      ['reply', 'queued', null],
    ]);
    await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
    // The other participant gets the mailing; the one who said stop gets only the answer to it.
    expect(w.fake.delivered.filter((d) => d.peerId === 561).map((d) => d.text)).toEqual(['Привет']);
    expect(w.fake.delivered.filter((d) => d.peerId === 560).map((d) => d.text.split(':')[0])).toEqual(['Готово']);
    const consent = async () =>
      (await w.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, 560)))[0];
    expect(await consent()).toMatchObject({ allowed: false, source: 'bot_stop' });
    w.clock.advance(1000);
    await post(messageNew('s-2', 'подписаться', { from_id: 560, peer_id: 560, conversation_message_id: 18 }));
    expect(await consent()).toMatchObject({ allowed: true, source: 'bot_subscribe' });
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(0);
  });

  it('messages in a group chat the community was added to open no ticket and get no private answers', async () => {
    for (const [i, text] of ['всем привет, обсуждаем акцию', 'меню', 'Не пришёл промокод'].entries()) {
      await post(messageNew(`c-${i}`, text, { peer_id: 2_000_000_001, conversation_message_id: 100 + i }));
    }
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(0);
    expect(await outboxFor(555)).toHaveLength(0);
  });

  it('a message whose payload is not JSON (VK sends only JSON payloads) is refused with 422, not retried to failure', async () => {
    const res = await post(messageNew('p-1', 'Мне не пришёл код', { payload: '{"command":' }));
    expect(res.status).toBe(422);
    expect(res.text).toContain('payload');
  });

  it('group_join completes join_community; group_leave is recorded', async () => {
    const [pid] = await w.addParticipants({ count: 1, firstUserId: 888 });
    const [task] = await inTransaction(w.deps.db, (tx) =>
      tx
        .insert(schema.tasks)
        .values({ campaignId: w.campaignId, key: 'join', kind: 'join_community', title: 'Вступить' })
        .returning(),
    );
    if (!task) throw new Error('no task');
    await post({ type: 'group_join', event_id: 'g-1', object: { user_id: 888, join_type: 'join' } });
    const [done] = await w.deps.db
      .select()
      .from(schema.taskCompletions)
      .where(eq(schema.taskCompletions.taskId, task.id));
    expect(done?.status).toBe('done');
    await post({ type: 'group_leave', event_id: 'g-2', object: { user_id: 888, self: 1 } });
    const types = (
      await w.deps.db
        .select({ t: schema.events.type })
        .from(schema.events)
        .where(eq(schema.events.participantId, pid as number))
    ).map((e) => e.t);
    expect(types).toEqual(['task_done', 'community_left']);
  });
});
