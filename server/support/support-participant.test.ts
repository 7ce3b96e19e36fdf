/** The participant's side of support: the campaign's FAQ, the unread badge the server decides, and only own tickets. */

import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { signVkLaunch } from '../auth/vk-sign.ts';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { createAgencyWorld, USERS } from '../office/agency/agency.test-world.ts';
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

  it("a participant records views and 'did this help?' only on articles their help screen can show: another brand's, or one for a campaign they cannot see, is a 404 (found reading the routes, shown over HTTP here)", async () => {
    const aw = await createAgencyWorld();
    w = aw;
    const mine = await aw.campaign();
    const draft = await aw.campaign({ status: 'draft' });
    // The other brand's own VK app, connected by the agency, with one live campaign.
    const secret = 'other-brand-app-secret';
    const connected = await aw.call('POST', `/api/admin/agency/brands/${aw.otherBrandId}/apps`, USERS.owner, {
      name: 'Other brand app',
      vkAppId: 51000999,
      vkSecret: secret,
    });
    expect(connected.status).toBe(201);
    const [otherApp] = await aw.deps.db.select().from(schema.apps).where(eq(schema.apps.vkAppId, 51000999));
    const theirs = await aw.campaign();
    await aw.write((tx) =>
      tx
        .update(schema.campaigns)
        .set({ brandId: aw.otherBrandId, appId: otherApp?.id })
        .where(eq(schema.campaigns.id, theirs)),
    );
    const article = async (campaignId: number | null) =>
      (
        await json<{ id: number }>(
          aw.call('POST', `/api/admin/support/brands/${aw.brandId}/articles`, USERS.owner, {
            titleRu: 'Где код?',
            bodyRu: 'В разделе призов.',
            published: true,
            campaignId,
          }),
        )
      ).id;
    const everywhere = await article(null);
    const forDraft = await article(draft);
    const theirLaunch = `VK ${signVkLaunch({ vk_user_id: 31, vk_app_id: 51000999, vk_ts: Math.floor(aw.clock.now / 1000), vk_language: 'ru', vk_platform: 'mobile_android' }, secret)}`;
    const post = (path: string, auth: string, body?: unknown) =>
      aw.app.request(path, {
        method: 'POST',
        headers: { Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // The other brand's participant sees their own campaign and none of this brand's articles…
    expect((await aw.app.request(`/api/campaigns/${theirs}`, { headers: { Authorization: theirLaunch } })).status).toBe(
      200,
    );
    const theirHelp = await aw.app.request(`/api/support/campaigns/${theirs}/articles`, {
      headers: { Authorization: theirLaunch },
    });
    expect(((await theirHelp.json()) as { articles: unknown[] }).articles).toEqual([]);
    // …so cannot count a view or an answer on them.
    expect((await post(`/api/support/articles/${everywhere}/viewed`, theirLaunch)).status).toBe(404);
    expect((await post(`/api/support/articles/${everywhere}/feedback`, theirLaunch, { helped: false })).status).toBe(
      404,
    );
    // This brand's participant cannot either for an article of a campaign they cannot see (a draft).
    const help = await json<{ articles: { id: number }[] }>(
      aw.call('GET', `/api/support/campaigns/${mine}/articles`, 7),
    );
    expect(help.articles.map((a) => a.id)).toEqual([everywhere]);
    expect((await aw.call('POST', `/api/support/articles/${forDraft}/feedback`, 7, { helped: false })).status).toBe(
      404,
    );
    expect(await aw.deps.db.select().from(schema.kbFeedback)).toEqual([]);
    // What the help screen shows is recorded as before.
    expect((await aw.call('POST', `/api/support/articles/${everywhere}/viewed`, 7)).status).toBe(204);
    expect((await aw.call('POST', `/api/support/articles/${everywhere}/feedback`, 7, { helped: true })).status).toBe(
      204,
    );
    expect(await aw.deps.db.select().from(schema.kbFeedback)).toMatchObject([
      { articleId: everywhere, platformUserId: '7', helped: true },
    ]);
  });
});
