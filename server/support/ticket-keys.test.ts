/**
 * A participant on a mobile network taps Send, the answer is lost, they tap again: two tickets (and two in the brand's
 * inbox). With the mini app's `clientKey` (one per composed text, kept across retries) the repeat opens nothing and
 * answers 201 with the first ticket's thread; the same for a reply. The same key with other text is a 409.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { RATE_LIMITS } from '../http/rate-limit.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

let w: PromoWorld;
afterEach(() => w?.close());

type Thread = { ticket: { id: number; subject: string }; messages: Array<{ id: number; body: string }> };

async function sent(r: Promise<Response>): Promise<{ status: number; body: Thread & { error?: { code: string } } }> {
  const res = await r;
  return { status: res.status, body: (await res.json()) as Thread & { error?: { code: string } } };
}

describe("a participant's send carries a key: sent again, it writes nothing", () => {
  it('a ticket sent twice with one key is one ticket; both answers are 201 with its thread', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.call('POST', `/api/campaigns/${id}/open`, 7, {});
    const form = {
      campaignId: id,
      subject: 'Код',
      body: 'Не пришёл код',
      clientKey: 'c0ffee00-aaaa-4bbb-8ccc-000000000001',
    };
    const first = await sent(w.call('POST', '/api/support/tickets', 7, form));
    const again = await sent(w.call('POST', '/api/support/tickets', 7, form));
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(1);
    expect(await w.deps.db.select().from(schema.ticketMessages)).toHaveLength(1);
    // The key is the participant's own: another participant's same key is their own ticket.
    expect((await sent(w.call('POST', '/api/support/tickets', 8, form))).status).toBe(201);
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(2);
    // The same key with another text: 409, nothing written.
    const edited = await sent(w.call('POST', '/api/support/tickets', 7, { ...form, body: 'Не пришёл код!' }));
    expect({ status: edited.status, code: edited.body.error?.code }).toEqual({
      status: 409,
      code: 'client_key_reused',
    });
    // Without a key every send is a ticket, as before.
    const bare = { campaignId: id, subject: 'Ещё', body: 'Вопрос' };
    await sent(w.call('POST', '/api/support/tickets', 7, bare));
    await sent(w.call('POST', '/api/support/tickets', 7, bare));
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(4);
  });

  it('sends of one key at the same time still open one ticket', async () => {
    w = await createPromoWorld();
    const form = { subject: 'Код', body: 'Не пришёл код', clientKey: 'same-time-key-1' };
    const all = await Promise.all([1, 2, 3, 4].map(() => sent(w.call('POST', '/api/support/tickets', 7, form))));
    expect(all.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(all.map((a) => a.body.ticket.id)).size).toBe(1);
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(1);
  });

  it('a reply sent twice with one key is one message; the key with another text or ticket is a 409', async () => {
    w = await createPromoWorld();
    const open = (subject: string) => sent(w.call('POST', '/api/support/tickets', 7, { subject, body: 'Вопрос' }));
    const { body: a } = await open('Первый');
    const { body: b } = await open('Второй');
    const reply = { body: 'Жду ответа', clientKey: 'reply-key-0001' };
    const first = await sent(w.call('POST', `/api/support/tickets/${a.ticket.id}/messages`, 7, reply));
    const again = await sent(w.call('POST', `/api/support/tickets/${a.ticket.id}/messages`, 7, reply));
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    expect(first.body.messages.map((m) => m.body)).toEqual(['Вопрос', 'Жду ответа']);
    const refused = await Promise.all([
      sent(w.call('POST', `/api/support/tickets/${a.ticket.id}/messages`, 7, { ...reply, body: 'Другое' })),
      sent(w.call('POST', `/api/support/tickets/${b.ticket.id}/messages`, 7, reply)),
    ]);
    expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual([
      [409, 'client_key_reused'],
      [409, 'client_key_reused'],
    ]);
    expect(await w.deps.db.select().from(schema.ticketMessages)).toHaveLength(3);
  });

  it("a ticket's key is not a reply's: sending it as a message in that ticket is a 409", async () => {
    w = await createPromoWorld();
    const opened = await sent(
      w.call('POST', '/api/support/tickets', 7, { subject: 'Код', body: 'Вопрос', clientKey: 'ticket-key-01' }),
    );
    const asReply = await sent(
      w.call('POST', `/api/support/tickets/${opened.body.ticket.id}/messages`, 7, {
        body: 'Вопрос',
        clientKey: 'ticket-key-01',
      }),
    );
    expect(asReply.status).toBe(409);
    expect(await w.deps.db.select().from(schema.ticketMessages)).toHaveLength(1);
  });

  it("a repeat is never refused by the hour's limit nor counted toward it (a ticket, and a reply)", async () => {
    w = await createPromoWorld();
    const tickets = RATE_LIMITS.support_ticket.limit;
    const form = (n: number) => ({ subject: `Вопрос ${n}`, body: 'Не пришёл код', clientKey: `limit-key-${n}-0000` });
    // The first ticket is sent again and again: one ticket, one of the hour's five.
    const first = await sent(w.call('POST', '/api/support/tickets', 7, form(1)));
    for (let i = 0; i < tickets + 2; i++) {
      expect(await sent(w.call('POST', '/api/support/tickets', 7, form(1)))).toEqual(first);
    }
    for (let n = 2; n <= tickets; n++)
      expect((await sent(w.call('POST', '/api/support/tickets', 7, form(n)))).status).toBe(201);
    // Five written: a sixth is refused, and the fifth sent again (its answer lost) is still its ticket.
    expect((await sent(w.call('POST', '/api/support/tickets', 7, form(tickets + 1)))).status).toBe(429);
    const fifth = await sent(w.call('POST', '/api/support/tickets', 7, form(tickets)));
    expect(fifth.status).toBe(201);
    expect(fifth.body.ticket.subject).toBe(`Вопрос ${tickets}`);
    expect(await w.deps.db.select().from(schema.tickets)).toHaveLength(tickets);

    const messages = RATE_LIMITS.support_message.limit;
    const path = `/api/support/tickets/${first.body.ticket.id}/messages`;
    const reply = (n: number) => ({ body: `Жду ${n}`, clientKey: `limit-reply-${n}-0000` });
    for (let n = 1; n <= messages; n++) {
      expect((await sent(w.call('POST', path, 7, reply(n)))).status).toBe(201);
      expect((await sent(w.call('POST', path, 7, reply(n)))).status).toBe(201);
    }
    expect((await sent(w.call('POST', path, 7, reply(messages + 1)))).status).toBe(429);
    const last = await sent(w.call('POST', path, 7, reply(messages)));
    expect([last.status, last.body.messages.length]).toEqual([201, messages + 1]);
  });
});
