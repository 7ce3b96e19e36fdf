/**
 * A support reply from the office to a participant of a brand the agency switched off (decision 054): refused up front
 * with 409 `brand_switched_off` — no thread message, no status change, no outbox row, no audit row, and VK is not asked
 * (not even for the `{name}` a reply fills) — where it answered 201 and its message then waited for the brand's token
 * or was closed unsent. Filing the ticket stays open; switched back on, the reply goes out. A reply written before the
 * switch-off and retried with its key after it is that reply. The fake VK API is the community.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { openTicket } from './ticket.service.ts';
import { ticketFromBot } from './ticket-from-bot.ts';

const AGENCY_OWNER = 920_011;
const WRITER = 6_000;
const APP_USER = 6_001;

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
let tickets: { fromBot: number; fromApp: number };
beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
  const [, appParticipant] = await w.addParticipants({ count: 2, firstUserId: WRITER });
  tickets = await inTransaction(w.deps.db, async (tx) => {
    await tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(AGENCY_OWNER),
      agencyId: w.agencyId,
      brandId: null,
      role: 'agency_admin',
      sections: [],
    });
    const fromBot = await ticketFromBot(tx, GROUP_ID, WRITER, 'Когда розыгрыш?', w.clock.now, 'm1');
    const fromApp = await openTicket(tx, {
      platform: 'vk',
      platformUserId: String(APP_USER),
      campaignId: w.campaignId,
      participantId: appParticipant,
      vkGroupId: GROUP_ID,
      source: 'miniapp',
      subject: 'Код',
      body: 'Где мой код?',
      at: w.clock.now,
    });
    return { fromBot: fromBot.id, fromApp: fromApp.id };
  });
});
afterEach(async () => {
  await w.shutdown();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: w.vkAuth(AGENCY_OWNER) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers read field by field in assertions.
  return { status: res.status, body: (await res.json()) as any };
}
const switchBrand = async (to: 'switch-off' | 'switch-on') =>
  expect((await call('POST', `/api/admin/agency/brands/${w.brandId}/${to}`)).status).toBe(200);
const reply = (ticketId: number, clientKey: string) =>
  call('POST', `/api/admin/support/brands/${w.brandId}/tickets/${ticketId}/replies`, {
    body: '{name}, розыгрыш в пятницу',
    clientKey,
  });
const written = async () => ({
  messages: (await w.deps.db.select().from(schema.ticketMessages)).length,
  statuses: (await w.deps.db.select().from(schema.tickets)).map((t) => t.status),
  outbox: (await w.deps.db.select().from(schema.outbox)).length,
  audit: (await w.deps.db.select().from(schema.officeAudit)).length,
});

describe('support replies of a switched-off brand', () => {
  it('are 409 brand_switched_off, writing nothing and asking VK nothing; after switch-on they go out', async () => {
    await switchBrand('switch-off');
    const before = await written();
    const vkCalls = w.fake.calls.length;
    for (const [ticketId, key] of [
      [tickets.fromBot, 'reply-bot-1'],
      [tickets.fromApp, 'reply-app-1'],
    ] as const) {
      const refused = await reply(ticketId, key);
      expect([refused.status, refused.body.error?.code]).toEqual([409, 'brand_switched_off']);
    }
    expect(await written()).toEqual(before);
    expect(w.fake.calls).toHaveLength(vkCalls);
    // Reading and filing the ticket reach no one: they stay open.
    expect((await call('GET', `/api/admin/support/brands/${w.brandId}/tickets/${tickets.fromBot}`)).status).toBe(200);
    const filed = await call('PATCH', `/api/admin/support/brands/${w.brandId}/tickets/${tickets.fromBot}`, {
      status: 'resolved',
    });
    expect(filed.status).toBe(200);

    await switchBrand('switch-on');
    for (const [ticketId, key] of [
      [tickets.fromBot, 'reply-bot-1'],
      [tickets.fromApp, 'reply-app-1'],
    ] as const) {
      const answered = await reply(ticketId, key);
      expect([answered.status, answered.body.delivery]).toEqual([201, 'bot']);
    }
    await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
    expect(w.fake.delivered.map((d) => d.peerId).sort()).toEqual([WRITER, APP_USER]);
  });

  it('a reply retried with its key after the switch-off is the reply it wrote; a new key is refused (decision 081)', async () => {
    // Before: the retry, whose first send had written and queued the reply, was told 409 brand_switched_off.
    const first = await reply(tickets.fromBot, 'reply-before-off');
    expect(first.status).toBe(201);
    await switchBrand('switch-off');
    const before = await written();
    const retry = await reply(tickets.fromBot, 'reply-before-off');
    expect([retry.status, retry.body.delivery]).toEqual([201, first.body.delivery]);
    expect(retry.body.messages).toEqual(first.body.messages);
    expect(await written()).toEqual(before);
    const fresh = await reply(tickets.fromBot, 'reply-after-off');
    expect([fresh.status, fresh.body.error?.code]).toEqual([409, 'brand_switched_off']);
    expect(await written()).toEqual(before);
  });
});
