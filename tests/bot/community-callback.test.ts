/**
 * Decision 084: `POST /vk/callback` for every community connected in the office, not only `VK_GROUP_ID`. Before, a
 * brand's own community (its token stored, decision 078) got 403 for everything: VK could not confirm the server, and
 * its users' consents, replies and button presses were lost. Now the community is picked by `group_id`, checked
 * against its own stored secret, confirmed with its own code, and its updates are handled for it — the consent, the
 * allow_messages task, the support ticket and the replies written for that community and sent with its token.
 * The configured community goes on with `VK_CALLBACK_SECRET` / `VK_CONFIRMATION_CODE` (tests/bot/callback-api.test.ts).
 * Real HTTP app, real database, real bot and sender, the fake VK.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { botFor } from '../../bot/bot.ts';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { sealToken, secretPlace } from '../../server/office/agency/agency-secrets.ts';
import { markTaskStarted } from '../../server/promo/tasks/task-records.ts';
import { RECOVERY_AFTER_MS } from '../../server/vk/event-journal.ts';
import {
  CALLBACK_SECRET,
  CONFIRMATION,
  createMessagingWorld,
  GROUP_ID,
  type MessagingWorld,
  STAGES,
} from './messaging-world.ts';

const BRAND_GROUP = 200_000_888;
const BRAND_SECRET = 'BrandSecret2026xyz';
const BRAND_CODE = 'b7e1c0de';
/** Connected, its token stored, but no callback secret set up. */
const UNSIGNED_GROUP = 200_000_999;

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
let campaignId: number;
beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
  campaignId = await connectBrandCommunity(BRAND_GROUP, { secret: BRAND_SECRET, code: BRAND_CODE });
  await connectBrandCommunity(UNSIGNED_GROUP, { code: 'aaaa1111' });
});
afterEach(async () => {
  await w.shutdown();
});

/** A second brand of the world's agency with its community `groupId` (token stored) and a live campaign. */
async function connectBrandCommunity(groupId: number, callback: { secret?: string; code?: string }): Promise<number> {
  const now = w.clock.now;
  const { config } = w;
  return inTransaction(w.deps.db, async (tx) => {
    const [brand] = await tx
      .insert(schema.brands)
      .values({ agencyId: w.agencyId, name: `B${groupId}` })
      .returning();
    const [vkApp] = await tx
      .insert(schema.apps)
      .values({ brandId: brand?.id as number, name: `app${groupId}`, vkAppId: 51_000_000 + (groupId % 1000) })
      .returning();
    const [community] = await tx
      .insert(schema.communities)
      .values({
        brandId: brand?.id as number,
        vkGroupId: groupId,
        name: `C${groupId}`,
        tokenCiphertext: sealToken(config, `group:${groupId}`, secretPlace.community(groupId)),
        callbackSecretCiphertext: callback.secret
          ? sealToken(config, callback.secret, secretPlace.callbackSecret(groupId))
          : null,
        callbackConfirmation: callback.code ?? null,
      })
      .returning();
    const [campaign] = await tx
      .insert(schema.campaigns)
      .values({
        brandId: brand?.id as number,
        appId: vkApp?.id as number,
        communityId: community?.id as number,
        slug: `c${groupId}`,
        title: `K${groupId}`,
        mechanic: 'tasks',
        status: 'live',
        startsAt: now - 86_400_000,
        endsAt: now + 86_400_000,
        timeZone: 'UTC',
        stages: STAGES,
      })
      .returning();
    return campaign?.id as number;
  });
}

async function post(body: Record<string, unknown>) {
  const res = await app.request('/vk/callback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ v: '5.199', ...body }),
  });
  await botFor(w.deps).idle();
  return { status: res.status, text: await res.text() };
}
const fromBrand = (body: Record<string, unknown>, secret: string = BRAND_SECRET) =>
  post({ group_id: BRAND_GROUP, secret, ...body });

const messageNew = (eventId: string, userId: number, text: string) => ({
  type: 'message_new',
  event_id: eventId,
  object: {
    message: {
      date: 1780000000,
      from_id: userId,
      id: 0,
      out: 0,
      version: 10001,
      attachments: [],
      conversation_message_id: 17,
      fwd_messages: [],
      important: false,
      is_hidden: false,
      peer_id: userId,
      random_id: 0,
      text,
    },
    client_info: { button_actions: ['text', 'callback'], keyboard: true, inline_keyboard: true, lang_id: 0 },
  },
});

/** Participant `userId` of the brand's campaign, its allow_messages task started: the key the mini app passes VK. */
async function allowTaskStarted(userId: number) {
  return inTransaction(w.deps.db, async (tx) => {
    const [participant] = await tx
      .insert(schema.participants)
      .values({
        campaignId,
        platform: 'vk',
        platformUserId: String(userId),
        stage: 'opened',
        stageReachedAt: w.clock.now,
        referralCode: `ref${userId}`,
      })
      .returning();
    const [task] = await tx
      .insert(schema.tasks)
      .values({ campaignId, key: 'allow', kind: 'allow_messages', title: 'Разрешить сообщения' })
      .returning();
    if (!participant || !task) throw new Error('no participant or task');
    const started = await markTaskStarted(tx, { campaignId, participantId: participant.id }, task, w.clock.now);
    return { pid: participant.id, task, key: started.consentKey };
  });
}

async function allowTaskStatus(taskId: number, participantId: number) {
  const [completion] = await w.deps.db
    .select()
    .from(schema.taskCompletions)
    .where(and(eq(schema.taskCompletions.taskId, taskId), eq(schema.taskCompletions.participantId, participantId)));
  return completion?.status;
}

describe('POST /vk/callback for a connected community (decision 084)', () => {
  it("confirms a brand's community with its own code, checked against its own secret", async () => {
    expect(await fromBrand({ type: 'confirmation' })).toEqual({ status: 200, text: BRAND_CODE });
    // The configured community's secret is not this community's; nor is a near miss.
    expect((await fromBrand({ type: 'confirmation' }, CALLBACK_SECRET)).status).toBe(403);
    expect((await fromBrand({ type: 'confirmation' }, `${BRAND_SECRET}x`)).status).toBe(403);
    expect((await post({ type: 'confirmation', group_id: BRAND_GROUP })).status).toBe(403);
    // The configured community is unchanged: its env secret and code.
    expect(await post({ type: 'confirmation', group_id: GROUP_ID, secret: CALLBACK_SECRET })).toEqual({
      status: 200,
      text: CONFIRMATION,
    });
    expect((await post({ type: 'confirmation', group_id: GROUP_ID, secret: BRAND_SECRET })).status).toBe(403);
  });

  it('refuses an unknown community, and a connected one without a secret, whatever the secret sent', async () => {
    for (const secret of [undefined, '', CALLBACK_SECRET, BRAND_SECRET]) {
      const signed = secret === undefined ? {} : { secret };
      expect((await post({ type: 'confirmation', group_id: 777_777, ...signed })).status).toBe(403);
      expect((await post({ type: 'confirmation', group_id: UNSIGNED_GROUP, ...signed })).status).toBe(403);
      expect(
        (await post({ ...messageNew(`u-${secret}`, 555, 'Привет'), group_id: UNSIGNED_GROUP, ...signed })).status,
      ).toBe(403);
    }
    expect(await w.deps.db.select().from(schema.callbackEvents)).toHaveLength(0);
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(0);
  });

  it("message_allow records the consent for the brand's community and completes its allow_messages task", async () => {
    const { pid, task, key } = await allowTaskStarted(4242);
    expect(key).toBeTruthy();
    expect(await fromBrand({ type: 'message_allow', event_id: 'b-allow', object: { user_id: 4242, key } })).toEqual({
      status: 200,
      text: 'ok',
    });
    const consents = await w.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, 4242));
    expect(consents.map((c) => [c.vkGroupId, c.allowed, c.source])).toEqual([[BRAND_GROUP, true, 'message_allow']]);
    expect(await allowTaskStatus(task.id, pid)).toBe('done');
    const [journaled] = await w.deps.db.select().from(schema.callbackEvents);
    expect(journaled).toMatchObject({ eventId: 'b-allow', vkGroupId: BRAND_GROUP, status: 'handled' });
    // The journal keeps the payload without the secret.
    expect(JSON.stringify(journaled?.payload)).not.toContain(BRAND_SECRET);
  });

  it("message_new opens the brand community's ticket; its reply and a button press go out with that community's token", async () => {
    w.fake.allowMessages(BRAND_GROUP, 4343);
    expect(await fromBrand(messageNew('b-1', 4343, 'Не пришёл промокод'))).toEqual({ status: 200, text: 'ok' });
    expect(await fromBrand(messageNew('b-1', 4343, 'Не пришёл промокод'))).toEqual({ status: 200, text: 'ok' });
    const tickets = await w.deps.db.select().from(schema.tickets);
    expect(tickets.map((t) => [t.vkGroupId, t.platformUserId])).toEqual([[BRAND_GROUP, '4343']]);
    expect((await w.deps.db.select().from(schema.outbox)).map((r) => [r.vkGroupId, r.vkUserId, r.kind])).toEqual([
      [BRAND_GROUP, 4343, 'reply'],
    ]);
    await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
    expect(w.fake.delivered.map((d) => [d.groupId, d.peerId])).toEqual([[BRAND_GROUP, 4343]]);

    const press = { user_id: 4343, peer_id: 4343, conversation_message_id: 20, event_id: 'ev-b', payload: {} };
    expect(await fromBrand({ type: 'message_event', event_id: 'b-2', object: press })).toEqual({
      status: 200,
      text: 'ok',
    });
    expect(w.fake.eventAnswers.map((a) => [a.groupId, a.eventId])).toEqual([[BRAND_GROUP, 'ev-b']]);
    const events = await w.deps.db.select().from(schema.callbackEvents);
    expect(events.map((e) => [e.eventId, e.vkGroupId, e.status])).toEqual([
      ['b-1', BRAND_GROUP, 'handled'],
      ['b-2', BRAND_GROUP, 'handled'],
    ]);
  });

  it('the same event_id from two communities is two events: each is journaled and handled for its community', async () => {
    // VK numbers events per community: the brand's community may send an event_id the configured one sent too.
    expect(
      await post({ ...messageNew('same-1', 6161, 'Где мой приз?'), group_id: GROUP_ID, secret: CALLBACK_SECRET }),
    ).toEqual({ status: 200, text: 'ok' });
    expect(await fromBrand(messageNew('same-1', 6262, 'Не пришёл промокод'))).toEqual({ status: 200, text: 'ok' });
    // Each community's own retry of it is still one event.
    expect(await fromBrand(messageNew('same-1', 6262, 'Не пришёл промокод'))).toEqual({ status: 200, text: 'ok' });
    const tickets = await w.deps.db.select().from(schema.tickets);
    expect(tickets.map((t) => [t.vkGroupId, t.platformUserId]).sort()).toEqual(
      [
        [GROUP_ID, '6161'],
        [BRAND_GROUP, '6262'],
      ].sort(),
    );
    const events = await w.deps.db.select().from(schema.callbackEvents);
    expect(events.map((e) => [e.vkGroupId, e.eventId, e.status]).sort()).toEqual(
      [
        [GROUP_ID, 'same-1', 'handled'],
        [BRAND_GROUP, 'same-1', 'handled'],
      ].sort(),
    );
  });

  it("an update of the brand's community left behind by a killed process is recovered for that community", async () => {
    const press = { user_id: 4545, peer_id: 4545, conversation_message_id: 21, event_id: 'ev-k', payload: {} };
    // What a killed process leaves: the journal row (as the route wrote it), no handler effect.
    await inTransaction(w.deps.db, (tx) =>
      tx.insert(schema.callbackEvents).values({
        eventId: 'b-killed',
        vkGroupId: BRAND_GROUP,
        type: 'message_event',
        status: 'received',
        payload: { type: 'message_event', group_id: BRAND_GROUP, object: press },
        attempts: 1,
        receivedAt: w.clock.now,
        claimedAt: w.clock.now,
      }),
    );
    w.clock.advance(RECOVERY_AFTER_MS);
    expect(await botFor(w.deps).recover()).toBe(1);
    expect(w.fake.eventAnswers.map((a) => [a.groupId, a.eventId])).toEqual([[BRAND_GROUP, 'ev-k']]);
    expect((await w.deps.db.select().from(schema.outbox)).map((r) => [r.vkGroupId, r.vkUserId])).toEqual([
      [BRAND_GROUP, 4545],
    ]);
  });
});

describe('VK asks to confirm a server whose confirmation string is not set up (decision 094)', () => {
  it("a brand's community with a secret but no code: 409 with the reason, not a 500; nothing journaled", async () => {
    const NO_CODE_GROUP = 200_000_777;
    await connectBrandCommunity(NO_CODE_GROUP, { secret: BRAND_SECRET });
    const res = await post({ type: 'confirmation', group_id: NO_CODE_GROUP, secret: BRAND_SECRET });
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text)).toEqual({
      error: {
        code: 'confirmation_not_set',
        message: `Community ${NO_CODE_GROUP} has no confirmation string set up here: set it on the brand's page in the agency office`,
      },
    });
    // Its updates are still taken: the secret is what they are checked with.
    expect(
      await post({ ...messageNew('nc-1', 5151, 'Привет'), group_id: NO_CODE_GROUP, secret: BRAND_SECRET }),
    ).toEqual({ status: 200, text: 'ok' });
    expect((await w.deps.db.select().from(schema.callbackEvents)).map((e) => e.eventId)).toEqual(['nc-1']);
  });

  it('the configured community without VK_CONFIRMATION_CODE: 409 naming the setting', async () => {
    await w.shutdown();
    w = await createMessagingWorld({ VK_CONFIRMATION_CODE: '' });
    app = createApp(w.deps);
    const res = await post({ type: 'confirmation', group_id: GROUP_ID, secret: CALLBACK_SECRET });
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text).error.message).toBe(
      `Community ${GROUP_ID} has no confirmation string set up here: set VK_CONFIRMATION_CODE`,
    );
  });
});

describe("a switched-off brand's community (decision 094)", () => {
  beforeEach(async () => {
    const [community] = await w.deps.db
      .select({ brandId: schema.communities.brandId })
      .from(schema.communities)
      .where(eq(schema.communities.vkGroupId, BRAND_GROUP));
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.brands)
        .set({ disabledAt: w.clock.now })
        .where(eq(schema.brands.id, community?.brandId as number)),
    );
  });

  it('is still answered `ok` and journaled, but only consents are recorded: no ticket, reply, answer or task', async () => {
    w.fake.allowMessages(BRAND_GROUP, 4646);
    const { pid, task, key } = await allowTaskStarted(4646);
    const [joinTask] = await inTransaction(w.deps.db, (tx) =>
      tx
        .insert(schema.tasks)
        .values({ campaignId, key: 'join', kind: 'join_community', title: 'Вступить в сообщество' })
        .returning(),
    );
    // VK still confirms the server (the brand may be switched on again) and gets `ok` for every update.
    expect(await fromBrand({ type: 'confirmation' })).toEqual({ status: 200, text: BRAND_CODE });
    const press = { user_id: 4646, peer_id: 4646, conversation_message_id: 22, event_id: 'ev-off', payload: {} };
    for (const update of [
      messageNew('off-1', 4646, 'Не пришёл промокод'),
      { type: 'message_event', event_id: 'off-2', object: press },
      { type: 'message_allow', event_id: 'off-3', object: { user_id: 4646, key } },
      messageNew('off-4', 4646, 'стоп'),
      { type: 'message_deny', event_id: 'off-5', object: { user_id: 4747 } },
      { type: 'group_join', event_id: 'off-6', object: { user_id: 4646, join_type: 'join' } },
    ]) {
      expect(await fromBrand(update)).toEqual({ status: 200, text: 'ok' });
    }
    const events = await w.deps.db.select().from(schema.callbackEvents);
    expect(events.map((e) => [e.eventId, e.status]).sort()).toEqual(
      ['off-1', 'off-2', 'off-3', 'off-4', 'off-5', 'off-6'].map((id) => [id, 'handled']),
    );
    // The user's word about messages holds, whatever becomes of the brand: the allow, the stop word, the deny.
    const consents = await w.deps.db.select().from(schema.consents).orderBy(schema.consents.id);
    expect(consents.map((c) => [c.vkGroupId, c.vkUserId, c.allowed, c.source])).toEqual([
      [BRAND_GROUP, 4646, false, 'bot_stop'],
      [BRAND_GROUP, 4747, false, 'message_deny'],
    ]);
    // Nothing acts for the brand: its support is closed, its campaigns hidden, it sends nothing.
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(0);
    expect(await w.deps.db.select().from(schema.outbox)).toHaveLength(0);
    expect(w.fake.eventAnswers).toHaveLength(0);
    expect(await allowTaskStatus(task.id, pid)).toBe('started');
    expect(await allowTaskStatus(joinTask?.id as number, pid)).toBeUndefined();
    const funnel = await w.deps.db.select().from(schema.events).where(eq(schema.events.participantId, pid));
    expect(funnel.map((e) => e.type)).toEqual(['task_started']);
  });
});
