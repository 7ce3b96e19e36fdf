/** The brand's support office: inbox rights and scope, progress, canned variables, replies once, KB deflection, audit. */
import { desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { createPromoWorld, GROUP_ID, HOUR, type PromoWorld } from '../promo/testing/promo-world.ts';
import { ticketFromBot } from './ticket-from-bot.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

const AGENT = 501;
const MAILINGS_ONLY = 502;
const OTHER_BRAND = 503;
const OWNER = 504;
const STRANGER = 505;
const PARTICIPANT = 7;
const WRITER = 8;

async function json<T>(r: Response | Promise<Response>): Promise<T> {
  const res = await r;
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function setup() {
  w = await createPromoWorld();
  const other = await w.write(async (tx) =>
    inserted(
      await tx
        .insert(schema.brands)
        .values({ agencyId: w.agencyId, name: 'Other' })
        .returning({ id: schema.brands.id }),
    ),
  );
  const member = (userId: number, brandId: number | null, role: string, sections: string[]) =>
    w.write(async (tx) =>
      inserted(
        await tx
          .insert(schema.memberships)
          .values({
            platform: 'vk',
            platformUserId: String(userId),
            agencyId: w.agencyId,
            brandId,
            role: role as 'brand_admin',
            sections,
          })
          .returning({ id: schema.memberships.id }),
      ),
    );
  const agent = await member(AGENT, w.brandId, 'brand_member', ['support']);
  await member(MAILINGS_ONLY, w.brandId, 'brand_admin', ['mailings']);
  await member(OTHER_BRAND, other.id, 'brand_admin', ['support']);
  const owner = await member(OWNER, null, 'agency_admin', []);
  const id = await w.campaign();
  await w.task(id, 'join', 'join_community');
  await w.pool(id, 'codes', ['SECRET-CODE-0001']);
  await w.reward(id, 'discount', { title: 'Скидка', unlock: { tasks: 0 } });
  await w.write(async (tx) => {
    const [pool] = await tx.select().from(schema.codePools).where(eq(schema.codePools.campaignId, id));
    await tx.update(schema.rewards).set({ poolId: pool?.id }).where(eq(schema.rewards.campaignId, id));
  });
  expect((await w.call('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {})).status).toBe(200);
  await json(w.call('POST', `/api/campaigns/${id}/rewards/discount/claim`, PARTICIPANT, {}));
  const fromApp = await json<{ ticket: { id: number } }>(
    w.call('POST', '/api/support/tickets', PARTICIPANT, { campaignId: id, subject: 'Код', body: 'Где мой код?' }),
  );
  w.clock.advance(HOUR);
  const fromCommunity = await w.write((tx) =>
    ticketFromBot(tx, GROUP_ID, WRITER, 'Когда розыгрыш?', w.clock.now, 'm1'),
  );
  w.clock.advance(HOUR);
  return {
    id,
    otherBrandId: other.id,
    agentMembership: agent.id,
    ownerMembership: owner.id,
    appTicket: fromApp.ticket.id,
    botTicket: fromCommunity.id,
  };
}

type Saved = { id: number; updatedAt: number };
type Inbox = { tickets: Array<{ id: number; source: string; slaAgeMs: number | null; status: string }> };
type Thread = {
  ticket: { id: number; status: string; assigneeMembershipId: number | null; slaAgeMs: number | null };
  messages: Array<{ author: string; body: string }>;
  progress: { stage: string; language: string; rewards: Array<{ title: string; code: string | null }> } | null;
  delivery?: string;
};

describe('support office', () => {
  it('item 1: one inbox per brand holds mini-app and community tickets, with SLA age, filters, search and progress', async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    const inbox = await json<Inbox>(w.call('GET', `${base}/tickets`, AGENT));
    expect(inbox.tickets.map((t) => [t.id, t.source]).sort()).toEqual(
      [
        [s.appTicket, 'miniapp'],
        [s.botTicket, 'bot'],
      ].sort(),
    );
    const byId = new Map(inbox.tickets.map((t) => [t.id, t]));
    expect(byId.get(s.appTicket)?.slaAgeMs).toBe(2 * HOUR);
    expect(byId.get(s.botTicket)?.slaAgeMs).toBe(HOUR);
    const search = async (q: string) =>
      (await json<Inbox>(w.call('GET', `${base}/tickets?q=${encodeURIComponent(q)}`, AGENT))).tickets.map((t) => t.id);
    expect(await search('розыгрыш')).toEqual([s.botTicket]);
    expect(await search(String(PARTICIPANT))).toEqual([s.appTicket]);
    expect(await search('100%')).toEqual([]);
    const byCampaign = await json<Inbox>(w.call('GET', `${base}/tickets?campaignId=${s.id}`, AGENT));
    expect(byCampaign.tickets.map((t) => t.id)).toEqual([s.appTicket]);
    const thread = await json<Thread>(w.call('GET', `${base}/tickets/${s.appTicket}`, AGENT));
    expect(thread.progress?.rewards).toEqual([expect.objectContaining({ title: 'Скидка', code: '••••••••••••0001' })]);
    expect(JSON.stringify(thread)).not.toContain('SECRET-CODE');
    // The participant's language comes with their progress: the office inserts canned answers in it.
    expect(thread.progress?.language).toBe('ru');
    await w.write((tx) => tx.update(schema.participants).set({ language: 'en' }));
    const inEnglish = await json<Thread>(w.call('GET', `${base}/tickets/${s.appTicket}`, AGENT));
    expect(inEnglish.progress?.language).toBe('en');
    await w.write((tx) => tx.update(schema.participants).set({ language: 'ru' }));
    // Titles beside the conversation are in the reading member's language, Russian where no translation exists.
    await w.write((tx) => tx.update(schema.rewards).set({ translations: { en: { title: 'Discount' } } }));
    const english = await w.app.request(`${base}/tickets/${s.appTicket}`, {
      headers: { Authorization: w.vkAuth(AGENT, { vk_language: 'en' }) },
    });
    expect(((await english.json()) as Thread).progress?.rewards).toEqual([
      expect.objectContaining({ title: 'Discount' }),
    ]);
    // Assignment only to a member with support on this brand.
    const assign = (membershipId: number | null, as = AGENT) =>
      w.call('PATCH', `${base}/tickets/${s.appTicket}`, as, { assigneeMembershipId: membershipId });
    expect((await assign(s.agentMembership)).status).toBe(200);
    const mine = await json<Inbox>(w.call('GET', `${base}/tickets?assignee=${s.agentMembership}`, AGENT));
    expect(mine.tickets.map((t) => t.id)).toEqual([s.appTicket]);
    expect((await assign(999)).status).toBe(422);
    expect((await assign(s.ownerMembership)).status).toBe(200);
    const resolved = await json<Thread>(
      w.call('PATCH', `${base}/tickets/${s.botTicket}`, AGENT, { status: 'resolved' }),
    );
    expect(resolved.ticket).toMatchObject({ status: 'resolved', slaAgeMs: null });
  });

  it("search by a number: a VK id past PostgreSQL's integer finds its writer's ticket, a ticket id finds its ticket", async () => {
    // The inbox matched every 1–15-digit search against the ticket id too: on PostgreSQL, whose `id` is an `integer`,
    // a VK id like 2200000000 (or any 10-digit number) was a 500 (found by server/http/param-sweep.routes.test.ts).
    const s = await setup();
    const farWriter = 2_200_000_000;
    const far = await w.write((tx) => ticketFromBot(tx, GROUP_ID, farWriter, 'Где приз?', w.clock.now, 'm2'));
    const base = `/api/admin/support/brands/${w.brandId}`;
    const search = async (q: string) =>
      (await json<Inbox>(w.call('GET', `${base}/tickets?q=${q}`, AGENT))).tickets.map((t) => t.id);
    expect(await search(String(farWriter))).toEqual([far.id]);
    expect(await search('999999999999999')).toEqual([]);
    expect(await search(String(s.appTicket))).toContain(s.appTicket);
  });

  it('item 6: rights: support members and the agency owner in; other sections, brands and strangers get one 403; not-yours = missing', async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    const routes: [string, string, unknown?][] = [
      ['GET', `${base}/tickets`],
      ['GET', `${base}/agents`],
      ['GET', `${base}/tickets/${s.appTicket}`],
      ['PATCH', `${base}/tickets/${s.appTicket}`, { status: 'waiting_on_us' }],
      ['POST', `${base}/tickets/${s.appTicket}/replies`, { body: 'Да', clientKey: 'rights-check-1' }],
      ['GET', `${base}/canned`],
      ['POST', `${base}/canned`, { title: 'T', bodyRu: 'Б' }],
      ['GET', `${base}/articles`],
      ['POST', `${base}/articles`, { titleRu: 'T', bodyRu: 'Б' }],
      ['GET', `${base}/articles-ranking`],
    ];
    for (const [method, path, body] of routes) {
      const bodies = new Set<string>();
      for (const refused of [MAILINGS_ONLY, OTHER_BRAND, STRANGER]) {
        const res = await w.call(method, path, refused, body);
        expect(res.status, `${method} ${path} as ${refused}`).toBe(403);
        bodies.add(await res.text());
      }
      // A brand that does not exist answers exactly like one that is not yours.
      const missing = await w.call(method, path.replace(`/brands/${w.brandId}/`, '/brands/9999/'), AGENT, body);
      expect(missing.status).toBe(403);
      bodies.add(await missing.text());
      expect(bodies.size, `${method} ${path}`).toBe(1);
      for (const allowed of [AGENT, OWNER]) {
        expect([200, 201], `${method} ${path} as ${allowed}`).toContain(
          (await w.call(method, path, allowed, body)).status,
        );
      }
    }
    // Another brand's ticket through your own brand is the same 404 as no ticket at all.
    const foreign = await w.write((tx) => ticketFromBot(tx, 123456, 9, 'чужое', w.clock.now, 'x'));
    const theirs = await w.call('GET', `${base}/tickets/${foreign.id}`, AGENT);
    const none = await w.call('GET', `${base}/tickets/99999`, AGENT);
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).toBe((await none.text()).replace('99999', String(foreign.id)));
    const otherBrand = await w.call(
      'GET',
      `/api/admin/support/brands/${s.otherBrandId}/tickets/${s.appTicket}`,
      OTHER_BRAND,
    );
    expect(otherBrand.status).toBe(404);
    expect((await w.app.request(`${base}/tickets`)).status).toBe(401);
  });

  it('a brand the agency switched off: its tickets go to the agency alone, not to its brand members', async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    const agents = async () =>
      (await json<{ agents: Array<{ membershipId: number }> }>(w.call('GET', `${base}/agents`, OWNER))).agents.map(
        (a) => a.membershipId,
      );
    expect(await agents()).toEqual([s.agentMembership, s.ownerMembership]);
    await w.write((tx) =>
      tx.update(schema.brands).set({ disabledAt: w.clock.now }).where(eq(schema.brands.id, w.brandId)),
    );
    expect(await agents()).toEqual([s.ownerMembership]);
    const assign = (membershipId: number) =>
      w.call('PATCH', `${base}/tickets/${s.appTicket}`, OWNER, { assigneeMembershipId: membershipId });
    const refused = await assign(s.agentMembership);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('not_a_support_member');
    expect((await assign(s.ownerMembership)).status).toBe(200);
  });

  it('item 2: canned variables are filled on the server from the participant, a missing one is a 422', async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    const canned = await json<{ id: number; bodyRu: string }>(
      w.call('POST', `${base}/canned`, AGENT, {
        title: 'Код',
        bodyRu: 'Ваш код {code} в «{campaign}»',
        bodyEn: 'Your code {code} in {campaign}',
      }),
    );
    expect((await json<{ canned: unknown[] }>(w.call('GET', `${base}/canned`, AGENT))).canned).toHaveLength(1);
    const sent = await json<Thread>(
      w.call('POST', `${base}/tickets/${s.appTicket}/replies`, AGENT, { body: canned.bodyRu, clientKey: 'canned-1' }),
    );
    expect(sent.messages.at(-1)?.body).toBe('Ваш код SECRET-CODE-0001 в «Campaign 1»');
    // The community writer has no participant and no code: the reply is refused, nothing written.
    const refused = await w.call('POST', `${base}/tickets/${s.botTicket}/replies`, AGENT, {
      body: 'Код: {code}',
      clientKey: 'canned-2',
    });
    expect(refused.status).toBe(422);
    // The missing placeholder comes as a code with its name too, which the office words in the member's language.
    expect((await refused.json()).error).toMatchObject({
      code: 'variable_unavailable',
      issues: [{ path: 'body', code: 'no_value', params: { variable: 'code' } }],
    });
    const thread = await json<Thread>(w.call('GET', `${base}/tickets/${s.botTicket}`, AGENT));
    expect(thread.messages.map((m) => m.author)).toEqual(['user']);
    // {name} needs VK to tell it; the local simulator cannot, so it is refused rather than sent blank.
    const noName = await w.call('POST', `${base}/tickets/${s.appTicket}/replies`, AGENT, {
      body: 'Привет, {name}',
      clientKey: 'canned-3',
    });
    expect(noName.status).toBe(422);
  });

  it('item 4: a reply reaches the community writer through the outbox exactly once, in their language; the app user gets a badge', async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    const reply = () =>
      w.call('POST', `${base}/tickets/${s.botTicket}/replies`, AGENT, { body: 'Скоро!', clientKey: 'retry-key-1' });
    const first = await json<Thread>(reply());
    const again = await json<Thread>(reply());
    expect(first.delivery).toBe('bot');
    expect(again.delivery).toBe('bot');
    const rows = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.kind, 'support'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ vkUserId: WRITER, vkGroupId: GROUP_ID });
    expect(rows[0]?.text).toBe(`Ответ поддержки по обращению №${s.botTicket}:\nСкоро!`);
    expect(again.messages.filter((m) => m.author === 'agent')).toHaveLength(1);
    // The mini-app participant (no consent to community messages) gets it in the app, as unread; in English.
    await w.write((tx) => tx.update(schema.participants).set({ language: 'en' }));
    const inApp = await json<Thread>(
      w.call('POST', `${base}/tickets/${s.appTicket}/replies`, AGENT, { body: 'Done', clientKey: 'retry-key-2' }),
    );
    expect(inApp.delivery).toBe('miniapp');
    expect((await json<{ unread: number }>(w.call('GET', '/api/support/unread', PARTICIPANT))).unread).toBe(1);
    expect(await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.kind, 'support'))).toHaveLength(1);
    await w.write((tx) =>
      tx.insert(schema.consents).values({
        vkGroupId: GROUP_ID,
        vkUserId: PARTICIPANT,
        channel: 'message',
        allowed: true,
        source: 'message_allow',
        updatedAt: w.clock.now,
      }),
    );
    await json(
      w.call('POST', `${base}/tickets/${s.appTicket}/replies`, AGENT, { body: 'Again', clientKey: 'key-3-xx' }),
    );
    const english = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.vkUserId, PARTICIPANT));
    expect(english.map((r) => r.text)).toEqual([`Support reply to your request #${s.appTicket}:\nAgain`]);
  });

  it('an agent answers in one place, the brand inbox with its key; the per-campaign reply route without one is gone', async () => {
    const s = await setup();
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
    const replyRoutes = Object.keys(doc.paths).filter(
      (p) => p.startsWith('/api/admin/support/') && p.endsWith('/replies'),
    );
    expect(replyRoutes).toEqual(['/api/admin/support/brands/{brandId}/tickets/{ticketId}/replies']);
    const old = await w.call('POST', `/api/admin/support/campaigns/${s.id}/tickets/${s.appTicket}/replies`, AGENT, {
      body: 'Без ключа',
    });
    expect(old.status).toBe(404);
    const agent = (await w.deps.db.select().from(schema.ticketMessages)).filter((m) => m.author === 'agent');
    expect(agent).toEqual([]);
  });

  it("a reply's key with the same composed text is its first reply, though {campaign} now fills otherwise; with another text a 409", async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    const reply = (body: string) =>
      w.call('POST', `${base}/tickets/${s.appTicket}/replies`, AGENT, { body, clientKey: 'office-key-01' });
    const first = await json<Thread>(reply('Смотрите в «{campaign}»'));
    expect(first.messages.at(-1)?.body).toBe('Смотрите в «Campaign 1»');
    // The campaign is renamed before the retry: the filled text differs, the composed one does not.
    await w.write((tx) => tx.update(schema.campaigns).set({ title: 'Лето' }));
    const again = await json<Thread>(reply('Смотрите в «{campaign}»'));
    expect(again.messages).toEqual(first.messages);
    // The agent edited the text but the key stayed: refused as on the participant's side, nothing written.
    const edited = await reply('Смотрите в «{campaign}», раздел «Призы»');
    expect([edited.status, (await edited.json()).error?.code]).toEqual([409, 'client_key_reused']);
    const agent = (await w.deps.db.select().from(schema.ticketMessages)).filter((m) => m.author === 'agent');
    expect(agent.map((m) => m.body)).toEqual(['Смотрите в «Campaign 1»']);
  });

  it('item 3: articles are shown in the help screen first and ranked by deflection on a hand-built history', async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    const article = async (titleRu: string, position: number, published = true) =>
      (
        await json<{ id: number }>(
          w.call('POST', `${base}/articles`, AGENT, {
            titleRu,
            bodyRu: `${titleRu}: ответ`,
            titleEn: `${titleRu} (en)`,
            bodyEn: 'answer',
            position,
            published,
          }),
        )
      ).id;
    const a = await article('A', 1);
    const b = await article('B', 2);
    const hidden = await article('C', 0, false);
    const help = await json<{ articles: Array<{ id: number; title: string }> }>(
      w.call('GET', `/api/support/campaigns/${s.id}/articles`, PARTICIPANT),
    );
    expect(help.articles.map((x) => x.id)).toEqual([a, b]);
    expect((await w.call('POST', `/api/support/articles/${hidden}/viewed`, 20)).status).toBe(404);
    const feedback = (user: number, id: number, helped?: boolean) =>
      helped === undefined
        ? w.call('POST', `/api/support/articles/${id}/viewed`, user)
        : w.call('POST', `/api/support/articles/${id}/feedback`, user, { helped });
    // A: users 20, 21 helped (no ticket after); 22 helped but wrote a ticket 2 h later; 23 only viewed.
    // B: user 24 helped, no ticket; 25 said no. (Deflected: A 2 of 4 views, B 1 of 2.)
    for (const [user, id, helped] of [
      [20, a, true],
      [21, a, true],
      [22, a, true],
      [23, a, undefined],
      [24, b, true],
      [25, b, false],
    ] as const) {
      expect((await feedback(user, id, helped)).status).toBe(204);
    }
    w.clock.advance(2 * HOUR);
    await json(w.call('POST', `/api/campaigns/${s.id}/open`, 22, {}));
    await json(
      w.call('POST', '/api/support/tickets', 22, { campaignId: s.id, subject: 'Не помогло', body: 'Всё ещё нет кода' }),
    );
    const pending = await json<{ articles: Array<{ articleId: number; deflected: number; pending: number }> }>(
      w.call('GET', `${base}/articles-ranking`, AGENT),
    );
    expect(pending.articles.find((x) => x.articleId === a)).toMatchObject({ deflected: 0, pending: 2 });
    w.clock.advance(23 * HOUR);
    const ranked = await json<{
      articles: Array<{ articleId: number; views: number; helped: number; deflected: number; deflectionRate: number }>;
    }>(w.call('GET', `${base}/articles-ranking`, AGENT));
    expect(ranked.articles.map((x) => [x.articleId, x.views, x.helped, x.deflected, x.deflectionRate])).toEqual([
      [a, 4, 3, 2, 0.5],
      [b, 2, 1, 1, 0.5],
      [hidden, 0, 0, 0, 0],
    ]);
  });

  it('item 5: every support write is in the audit log, in its transaction', async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    await json(w.call('PATCH', `${base}/tickets/${s.appTicket}`, AGENT, { assigneeMembershipId: s.agentMembership }));
    await json(w.call('PATCH', `${base}/tickets/${s.appTicket}`, AGENT, { status: 'waiting_on_us' }));
    await json(w.call('POST', `${base}/tickets/${s.appTicket}/replies`, AGENT, { body: 'Ок', clientKey: 'audit-key' }));
    await json(w.call('POST', `${base}/tickets/${s.appTicket}/replies`, AGENT, { body: 'Ок', clientKey: 'audit-key' }));
    const c = await json<Saved>(w.call('POST', `${base}/canned`, AGENT, { title: 'T', bodyRu: 'Б' }));
    await json(w.call('PUT', `${base}/canned/${c.id}`, AGENT, { title: 'T2', bodyRu: 'Б', savedAt: c.updatedAt }));
    expect((await w.call('DELETE', `${base}/canned/${c.id}`, AGENT)).status).toBe(204);
    const a = await json<Saved>(w.call('POST', `${base}/articles`, AGENT, { titleRu: 'T', bodyRu: 'Б' }));
    const publish = { titleRu: 'T', bodyRu: 'Б', published: true, savedAt: a.updatedAt };
    await json(w.call('PUT', `${base}/articles/${a.id}`, AGENT, publish));
    expect((await w.call('DELETE', `${base}/articles/${a.id}`, AGENT)).status).toBe(204);
    // A refused write leaves no entry.
    const gone = { title: 'x', bodyRu: 'y', savedAt: c.updatedAt };
    expect((await w.call('PUT', `${base}/canned/${c.id}`, AGENT, gone)).status).toBe(404);
    const audit = await w.deps.db.select().from(schema.officeAudit);
    expect(
      audit.every((e) => e.section === 'support' && e.brandId === w.brandId && e.actorUserId === String(AGENT)),
    ).toBe(true);
    expect(audit.map((e) => e.action)).toEqual([
      'ticket.assign',
      'ticket.status',
      'ticket.reply',
      'canned.create',
      'canned.update',
      'canned.delete',
      'kb_article.create',
      'kb_article.update',
      'kb_article.delete',
    ]);
  });

  it('two members editing one article or canned answer: the later save of an older copy is 409, writing nothing', async () => {
    await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    for (const [path, fields, change] of [
      ['articles', { titleRu: 'Где код?', bodyRu: 'В разделе «Награды».' }, { titleRu: 'Где мой код?' }],
      ['canned', { title: 'Код', bodyRu: 'Код в разделе «Награды».' }, { title: 'Где код' }],
    ] as const) {
      const made = await json<Saved>(w.call('POST', `${base}/${path}`, AGENT, fields));
      const auditRows = async () => (await w.deps.db.select().from(schema.officeAudit)).length;
      // An edit without the copy it was made on is refused by name: no unchecked write.
      const bare = await w.call('PUT', `${base}/${path}/${made.id}`, AGENT, { ...fields, ...change });
      expect(bare.status).toBe(422);
      expect(JSON.stringify(await bare.json())).toContain('savedAt');

      // The owner saves first; the agent's edit of the same copy comes second, in the same millisecond.
      const first = await w.call('PUT', `${base}/${path}/${made.id}`, OWNER, {
        ...fields,
        ...change,
        savedAt: made.updatedAt,
      });
      expect(first.status).toBe(200);
      const saved = (await first.json()) as Saved & Record<string, unknown>;
      expect(saved.updatedAt).toBeGreaterThan(made.updatedAt);
      const before = await auditRows();
      const stale = await w.call('PUT', `${base}/${path}/${made.id}`, AGENT, { ...fields, savedAt: made.updatedAt });
      expect(stale.status).toBe(409);
      expect(await stale.json()).toMatchObject({ error: { code: 'saved_meanwhile' } });
      expect(await auditRows()).toBe(before);
      const list = await json<Record<string, Array<Saved & Record<string, unknown>>>>(
        w.call('GET', `${base}/${path}`, AGENT),
      );
      expect(Object.values(list)[0]?.find((x) => x.id === made.id)).toMatchObject({
        ...change,
        updatedAt: saved.updatedAt,
      });

      // Two saves of one copy at once: one lands, the other is refused.
      const both = await Promise.all(
        [OWNER, AGENT].map((who) =>
          w.call('PUT', `${base}/${path}/${made.id}`, who, { ...fields, savedAt: saved.updatedAt }),
        ),
      );
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    }
  });

  it('the office orders the articles as the help screen shows them; an order made on a changed list is 409, writing nothing', async () => {
    const s = await setup();
    const base = `/api/admin/support/brands/${w.brandId}`;
    const add = async (titleRu: string) =>
      json<Saved>(w.call('POST', `${base}/articles`, AGENT, { titleRu, bodyRu: `${titleRu}: ответ`, published: true }));
    const help = async () =>
      (
        await json<{ articles: Array<{ title: string }> }>(
          w.call('GET', `/api/support/campaigns/${s.id}/articles`, PARTICIPANT),
        )
      ).articles.map((a) => a.title);
    // A new article goes last, also after an order has been set.
    const [a, b, c] = [await add('A'), await add('B'), await add('C')];
    expect(await help()).toEqual(['A', 'B', 'C']);

    const order = (who: number, ids: number[]) => w.call('PUT', `${base}/articles-order`, who, { ids });
    const ordered = await order(AGENT, [c.id, a.id, b.id]);
    expect(ordered.status).toBe(200);
    expect(((await ordered.json()) as { articles: Saved[] }).articles.map((x) => x.id)).toEqual([c.id, a.id, b.id]);
    expect(await help()).toEqual(['C', 'A', 'B']);
    const d = await add('D');
    expect(await help()).toEqual(['C', 'A', 'B', 'D']);

    // Ordering moves no article's copy: an edit opened before it still saves, and keeps the article's new place.
    const edit = await w.call('PUT', `${base}/articles/${a.id}`, AGENT, {
      titleRu: 'A2',
      bodyRu: 'ответ',
      published: true,
      savedAt: a.updatedAt,
    });
    expect(edit.status).toBe(200);
    expect(await help()).toEqual(['C', 'A2', 'B', 'D']);

    // The list changed under the order (D added after it was read, or one of the brand's missing): nothing written.
    const audit = async () => (await w.deps.db.select().from(schema.officeAudit)).length;
    const rowsBefore = await audit();
    for (const stale of [
      [a.id, b.id, c.id],
      [d.id, a.id, b.id, c.id, 999_999],
    ]) {
      const refused = await order(AGENT, stale);
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ error: { code: 'list_changed' } });
    }
    expect(await help()).toEqual(['C', 'A2', 'B', 'D']);
    expect(await audit()).toBe(rowsBefore);
    // An article twice, or an empty order, is a 422 naming the list.
    for (const ids of [[a.id, a.id, b.id, c.id], []]) {
      const bad = await order(AGENT, ids);
      expect(bad.status).toBe(422);
      expect(JSON.stringify(await bad.json())).toContain('ids');
    }
    // Another brand's member, or one without support rights, cannot order this brand's articles.
    for (const who of [OTHER_BRAND, MAILINGS_ONLY])
      expect((await order(who, [d.id, c.id, b.id, a.id])).status).toBe(403);

    const last = await order(OWNER, [d.id, c.id, b.id, a.id]);
    expect(last.status).toBe(200);
    expect(await help()).toEqual(['D', 'C', 'B', 'A2']);
    const [entry] = await w.deps.db
      .select()
      .from(schema.officeAudit)
      .where(eq(schema.officeAudit.action, 'kb_article.reorder'))
      .orderBy(desc(schema.officeAudit.id))
      .limit(1);
    expect(entry).toMatchObject({ entity: 'kb_article_order', entityId: String(w.brandId) });
  });
});
