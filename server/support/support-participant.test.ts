/** The participant's side of support: the campaign's FAQ, the unread badge the server decides, and only own tickets. */
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../db/transactions.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { faqIn } from './faq.ts';
import { getUserTicket, replyAsAgent } from './ticket.service.ts';

let w: PromoWorld;
afterEach(() => w?.close());

const FAQ = [{ q: { ru: 'Как?', en: 'How?' }, a: { ru: 'Так.' } }];

async function json<T>(r: Response | Promise<Response>): Promise<T> {
  const res = await r;
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('participant support', () => {
  it('item 12: the help screen reads the FAQ from the campaign settings, in the language asked, Russian as fallback', async () => {
    w = await createPromoWorld();
    const id = await w.campaign({ settings: { faq: FAQ } });
    const body = await json<{ faq: unknown }>(w.call('GET', `/api/support/campaigns/${id}/faq`, 1));
    expect(body.faq).toEqual([{ q: 'Как?', a: 'Так.' }]);
    expect(faqIn({ faq: FAQ }, 'en')).toEqual([{ q: 'How?', a: 'Так.' }]);
    expect(faqIn({ faq: [{ q: 'not localized' }] }, 'ru')).toEqual([]);
    const none = await w.campaign();
    expect((await json<{ faq: unknown[] }>(w.call('GET', `/api/support/campaigns/${none}/faq`, 1))).faq).toEqual([]);
    expect((await w.call('GET', '/api/support/campaigns/9999/faq', 1)).status).toBe(404);
  });

  it('a participant reads their tickets in the documented shape only: no team member, platform ids or queue times', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const keys = ['campaignId', 'createdAt', 'id', 'source', 'status', 'subject', 'updatedAt'];
    const opened = await json<{ ticket: { id: number } }>(
      w.call('POST', '/api/support/tickets', 7, { campaignId: id, subject: 'Код', body: 'Не пришёл код' }),
    );
    expect(Object.keys(opened.ticket).sort()).toEqual(keys);
    const thread = await json<{ ticket: object }>(w.call('GET', `/api/support/tickets/${opened.ticket.id}`, 7));
    expect(Object.keys(thread.ticket).sort()).toEqual(keys);
    const replied = await json<{ ticket: object }>(
      w.call('POST', `/api/support/tickets/${opened.ticket.id}/messages`, 7, { body: 'Жду' }),
    );
    expect(Object.keys(replied.ticket).sort()).toEqual(keys);
    const list = await json<{ tickets: object[] }>(w.call('GET', '/api/support/tickets', 7));
    expect(list.tickets.map((t) => Object.keys(t).sort())).toEqual([[...keys, 'unread'].sort()]);
  });

  it('item 12: a brand answer makes the ticket unread until the participant has seen it; nobody else sees or marks it', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const opened = await json<{ ticket: { id: number }; messages: Array<{ id: number }> }>(
      w.call('POST', '/api/support/tickets', 7, { campaignId: id, subject: 'Код', body: 'Не пришёл код' }),
    );
    const ticketId = opened.ticket.id;
    expect((await json<{ unread: number }>(w.call('GET', '/api/support/unread', 7))).unread).toBe(0);

    const ticket = await getUserTicket(w.deps.db, 'vk', '7', ticketId);
    const answer = await inTransaction(w.deps.db, (tx) =>
      replyAsAgent(tx, ticket, '100002', 'Проверили, код отправлен', Date.now()),
    );
    expect((await json<{ unread: number }>(w.call('GET', '/api/support/unread', 7))).unread).toBe(1);
    const list = await json<{ tickets: Array<{ id: number; unread: boolean }> }>(
      w.call('GET', '/api/support/tickets', 7),
    );
    expect(list.tickets).toMatchObject([{ id: ticketId, unread: true }]);

    // Someone else can neither read nor mark it.
    expect((await w.call('GET', `/api/support/tickets/${ticketId}`, 8)).status).toBe(404);
    const foreign = await w.call('POST', `/api/support/tickets/${ticketId}/seen`, 8, {
      lastMessageId: answer.message.id,
    });
    expect(foreign.status).toBe(404);
    expect((await json<{ unread: number }>(w.call('GET', '/api/support/unread', 7))).unread).toBe(1);

    // Seen only up to the first message: the answer stays unread.
    await json(w.call('POST', `/api/support/tickets/${ticketId}/seen`, 7, { lastMessageId: opened.messages[0]?.id }));
    expect((await json<{ unread: number }>(w.call('GET', '/api/support/unread', 7))).unread).toBe(1);
    const seen = await json<{ unread: number }>(
      w.call('POST', `/api/support/tickets/${ticketId}/seen`, 7, { lastMessageId: answer.message.id }),
    );
    expect(seen.unread).toBe(0);

    // A later answer is unread again, and an older mark never moves the seen mark back.
    const again = await getUserTicket(w.deps.db, 'vk', '7', ticketId);
    await inTransaction(w.deps.db, (tx) => replyAsAgent(tx, again, '100002', 'Ещё', Date.now()));
    await json(w.call('POST', `/api/support/tickets/${ticketId}/seen`, 7, { lastMessageId: opened.messages[0]?.id }));
    expect((await json<{ unread: number }>(w.call('GET', '/api/support/unread', 7))).unread).toBe(1);
    const bad = await w.call('POST', `/api/support/tickets/${ticketId}/seen`, 7, { lastMessageId: 'x' });
    expect(bad.status).toBe(422);
  });

  it('an id larger than any row can have is a 422 naming the field, on either database (PostgreSQL answered 500)', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.call('POST', `/api/campaigns/${id}/open`, 7, {});
    const issue = async (r: Promise<Response>) => {
      const res = await r;
      return {
        status: res.status,
        issues: ((await res.json()) as { error?: { issues?: { path: string }[] } }).error?.issues,
      };
    };
    const tooLarge = 2 ** 31;
    expect(
      await issue(w.call('POST', '/api/support/tickets', 7, { campaignId: tooLarge, subject: 'Код', body: 'Нет' })),
    ).toMatchObject({ status: 422, issues: [{ path: 'campaignId' }] });
    const list = await json<{ tickets: unknown[] }>(w.call('GET', '/api/support/tickets', 7));
    expect(list.tickets).toEqual([]);
    const opened = await json<{ ticket: { id: number } }>(
      w.call('POST', '/api/support/tickets', 7, { campaignId: id, subject: 'Код', body: 'Не пришёл код' }),
    );
    const seen = w.call('POST', `/api/support/tickets/${opened.ticket.id}/seen`, 7, { lastMessageId: tooLarge });
    expect(await issue(seen)).toMatchObject({ status: 422, issues: [{ path: 'lastMessageId' }] });
    // The largest id is still an id: no campaign of the caller's, so the ticket opens unlinked, as for any other.
    const largest = await w.call('POST', '/api/support/tickets', 7, {
      campaignId: tooLarge - 1,
      subject: 'К',
      body: 'Т',
    });
    expect(largest.status).toBe(201);
  });
});
