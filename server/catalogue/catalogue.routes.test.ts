import { and, eq } from 'drizzle-orm';
import { serializeSigned } from 'hono/utils/cookie';
import { afterEach, describe, expect, it } from 'vitest';
import { okLaunchFromUrl } from '../../miniapp/platform/ok-launch.ts';
import { startParamToRoute } from '../../miniapp/platform/telegram-launch.ts';
import { WEB_SESSION_COOKIE, webCookieKey } from '../auth/vk-id/web-session.ts';
import { schema } from '../db/client.ts';
import { DAY } from '../promo/testing/promo-world.ts';
import {
  type CatalogueWorld,
  createCatalogueWorld,
  FEED,
  FEED_UPDATE,
  OFFICE_USER,
} from './testing/catalogue-world.ts';

let w: CatalogueWorld;
afterEach(() => w?.close());
const USER = 601;

// biome-ignore lint/suspicious/noExplicitAny: response bodies read field by field in assertions.
const body = async (res: Response) => (await res.json()) as Record<string, any>;
const ids = (offers: { title: string }[]) => offers.map((o) => o.title);

async function offersOf(w: CatalogueWorld) {
  return await w.deps.db
    .select()
    .from(schema.offers)
    .where(eq(schema.offers.campaignId, w.campaignId))
    .orderBy(schema.offers.externalId);
}

describe('catalogue of offers', () => {
  it('item 1: a YML feed with categories, offers and bad lines imports the good ones and reports the rest by line and offer id; a re-import updates in place, ends missing offers and keeps refused ones', async () => {
    w = await createCatalogueWorld();
    const first = await w.importFeed('yml', FEED);
    expect(first.status).toBe(200);
    const report = await body(first);
    expect(report).toMatchObject({ format: 'yml', categories: 3, added: 3, updated: 0, unchanged: 0, ended: 0 });
    expect(report.issues).toEqual([
      {
        line: 40,
        offerId: 'BAD-PRICE',
        code: 'bad_price',
        message: 'price "бесплатно" is not a price',
        params: { field: 'price', value: '"бесплатно"' },
      },
      { line: 44, code: 'bad_id', message: 'id must be 1–64 letters, digits or _ . : -', params: { value: '""' } },
      { line: 48, offerId: 'T-1', code: 'repeated_id', message: 'id T-1 repeats' },
    ]);
    const stored = await offersOf(w);
    expect(stored.map((o) => [o.externalId, o.price, o.oldPrice, o.discountPercent, o.status])).toEqual([
      ['S-1', null, null, 30, 'active'],
      ['T-1', 29990, 39900, null, 'active'],
      ['T-2', 15000, null, null, 'active'],
    ]);
    const t1 = stored.find((o) => o.externalId === 'T-1');
    expect(t1).toMatchObject({
      title: 'Улун молочный',
      categoryExternalId: 'tea',
      region: 'Москва',
      howToUse: 'Покажите код на кассе',
      endsOn: '2026-06-05',
      imageUrl: 'https://lavka.example/t1.jpg',
    });
    const cats = await w.deps.db.select().from(schema.offerCategories).orderBy(schema.offerCategories.externalId);
    expect(cats.map((c) => [c.externalId, c.name, c.parentExternalId])).toEqual([
      ['green', 'Зелёный чай', 'tea'],
      ['sweets', 'Сладости', null],
      ['tea', 'Чай & кофе', null],
    ]);

    w.clock.advance(DAY);
    const second = await body(await w.importFeed('yml', FEED_UPDATE));
    expect(second).toMatchObject({ categories: 3, added: 1, updated: 1, unchanged: 0, ended: 1 });
    expect(second.issues).toEqual([
      {
        line: 23,
        offerId: 'S-1',
        code: 'bad_price',
        message: 'price "oops" is not a price',
        params: { field: 'price', value: '"oops"' },
      },
    ]);
    const after = await offersOf(w);
    expect(after.map((o) => [o.externalId, o.price, o.status])).toEqual([
      ['G-2', 50000, 'active'],
      // Its line was refused: left as it was, not ended.
      ['S-1', null, 'active'],
      ['T-1', 24990, 'active'],
      ['T-2', 15000, 'ended'],
    ]);
    expect(after.find((o) => o.externalId === 'T-1')?.id).toBe(t1?.id);
    const [tea] = await w.deps.db
      .select()
      .from(schema.offerCategories)
      .where(eq(schema.offerCategories.externalId, 'tea'));
    expect(tea?.name).toBe('Чай и кофе');
    // The same feed again changes nothing.
    expect(await body(await w.importFeed('yml', FEED_UPDATE))).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 2,
      ended: 0,
    });

    // Audited, one entry per import, with the counts.
    const audit = await w.deps.db
      .select()
      .from(schema.officeAudit)
      .where(eq(schema.officeAudit.action, 'offers.import'));
    expect(audit).toHaveLength(3);
    expect(audit[1]?.after).toMatchObject({ added: 1, updated: 1, ended: 1, issues: 1 });

    // The office list shows each offer's status today.
    const list = await body(await w.call('GET', `/api/admin/campaigns/${w.campaignId}/offers`, OFFICE_USER));
    expect(
      list.offers.map((o: { externalId: string; status: string }) => `${o.externalId}:${o.status}`).sort(),
    ).toEqual(['G-2:active', 'S-1:scheduled', 'T-1:active', 'T-2:ended']);
  });

  it('item 1: a feed with no usable offer, an entity-defining DTD or broken XML writes nothing; CSV imports with quoted fields and line numbers; only the office may import', async () => {
    w = await createCatalogueWorld();
    await w.importFeed('yml', FEED);
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<yml_catalog><shop><offers><offer id="X"><name>&lol2;</name><price>1</price></offer></offers></shop></yml_catalog>`;
    for (const [content, code] of [
      [laughs, 'dtd_not_allowed'],
      ['<yml_catalog><shop><offers><offer id="X">', 'bad_xml'],
      ['<rss/>', 'not_yml'],
      ['<yml_catalog><shop><offers><offer id="X"><name>X</name></offer></offers></shop></yml_catalog>', 'no_price'],
    ] as const) {
      const res = await w.importFeed('yml', content);
      expect(res.status).toBe(422);
      const err = (await body(res)).error;
      expect(err.code).toBe('invalid_feed');
      expect(err.issues[0].code).toBe(code);
    }
    // Nothing was ended by the refused feeds.
    expect((await offersOf(w)).every((o) => o.status === 'active')).toBe(true);

    const csv = [
      'id;title;price;old_price;category_id;category;region;description;discount_percent',
      'C-1;"Кофе ""Утро""";199,90;250;coffee;Кофе;Москва;"Две строки:',
      'зёрна и молотый";20',
      'C-2;Без цены;;;coffee;Кофе;Москва;;',
      'C-3;Латте;abc;;coffee;Кофе;;;',
      'C-4;Раф;300;200;coffee;Кофе;;;',
      // 50 over 100 is 50 % off, not 60 (found from outside: both were shown).
      'C-5;Мокко;50;100;coffee;Кофе;;;60',
    ].join('\r\n');
    const other = await w.campaign();
    const res = await w.importFeed('csv', csv, other);
    const report = await body(res);
    expect(report).toMatchObject({ format: 'csv', categories: 1, added: 1 });
    expect(report.issues.map((i: { line: number; code: string }) => `${i.line}:${i.code}`)).toEqual([
      '4:no_price',
      '5:bad_price',
      '6:price_not_below_old',
      '7:discount_mismatch',
    ]);
    const [c1] = await w.deps.db.select().from(schema.offers).where(eq(schema.offers.campaignId, other));
    expect(c1).toMatchObject({ title: 'Кофе "Утро"', price: 19990, description: 'Две строки:\r\nзёрна и молотый' });
    // The other campaign's import did not touch this one's offers.
    expect((await offersOf(w)).map((o) => o.externalId)).toEqual(['S-1', 'T-1', 'T-2']);

    expect(
      (
        await w.call('POST', `/api/admin/campaigns/${w.campaignId}/offers/import`, USER, {
          format: 'yml',
          content: FEED,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await w.call('POST', `/api/admin/campaigns/${w.campaignId}/offers/import`, OFFICE_USER, {
          format: 'xls',
          content: 'x',
        })
      ).status,
    ).toBe(422);
  });

  it('item 2: participants see offers live today in the campaign time zone, filter by category, region and search, open a card, keep favourites', async () => {
    w = await createCatalogueWorld();
    await w.importFeed('yml', FEED);
    const path = `/api/campaigns/${w.campaignId}/offers`;
    // 2026-06-01 12:00 in Moscow: S-1 starts on the 3rd.
    const all = await body(await w.call('GET', path, USER));
    expect(ids(all.offers)).toEqual(['Сенча', 'Улун молочный']);
    expect(all.categories).toEqual([
      { id: 'green', name: 'Зелёный чай', count: 1 },
      { id: 'tea', name: 'Чай & кофе', count: 1 },
    ]);
    expect(all.regions).toEqual(['Казань', 'Москва']);
    expect(ids((await body(await w.call('GET', `${path}?category=tea`, USER))).offers)).toEqual(['Улун молочный']);
    expect(
      ids((await body(await w.call('GET', `${path}?region=${encodeURIComponent('Казань')}`, USER))).offers),
    ).toEqual(['Сенча']);
    expect(ids((await body(await w.call('GET', `${path}?q=${encodeURIComponent('МОЛОЧН')}`, USER))).offers)).toEqual([
      'Улун молочный',
    ]);

    const t1 = all.offers.find((o: { title: string }) => o.title === 'Улун молочный');
    const card = await body(await w.call('GET', `${path}/${t1.id}`, USER));
    expect(card).toMatchObject({ howToUse: 'Покажите код на кассе', price: 29990, oldPrice: 39900, favourite: false });

    // Favourites need the participation; then they are kept and idempotent.
    expect((await body(await w.call('PUT', `${path}/${t1.id}/favourite`, USER))).error.code).toBe('not_joined');
    await w.join(USER);
    expect(await body(await w.call('PUT', `${path}/${t1.id}/favourite`, USER))).toEqual({ favourite: true });
    expect((await w.call('PUT', `${path}/${t1.id}/favourite`, USER)).status).toBe(200);
    expect(
      ids((await body(await w.call('GET', `/api/campaigns/${w.campaignId}/offer-favourites`, USER))).offers),
    ).toEqual(['Улун молочный']);
    expect((await body(await w.call('GET', `${path}/${t1.id}`, USER))).favourite).toBe(true);
    // Another campaign's id and an offer not started are not found.
    const s1 = (await offersOf(w)).find((o) => o.externalId === 'S-1');
    expect((await w.call('PUT', `${path}/${s1?.id}/favourite`, USER)).status).toBe(404);

    // T-1 ends on the 5th: shown until local midnight, gone after it (21:00 UTC is 00:00 in Moscow).
    w.clock.set(Date.UTC(2026, 5, 5, 20, 59));
    expect(ids((await body(await w.call('GET', path, USER))).offers)).toEqual(['Пахлава', 'Сенча', 'Улун молочный']);
    w.clock.set(Date.UTC(2026, 5, 5, 21, 0));
    expect(ids((await body(await w.call('GET', path, USER))).offers)).toEqual(['Пахлава', 'Сенча']);
    expect((await w.call('GET', `${path}/${t1.id}`, USER)).status).toBe(404);
    expect((await body(await w.call('GET', `/api/campaigns/${w.campaignId}/offer-favourites`, USER))).offers).toEqual(
      [],
    );
    expect(await body(await w.call('DELETE', `${path}/${t1.id}/favourite`, USER))).toEqual({ favourite: false });
  });

  it("an offer's share link opens the offer in the sharer's own platform's app: VK's, OK's or Telegram's address, none where it is not configured", async () => {
    const OK_APP_URL = 'https://ok.ru/game/512000000001';
    const TELEGRAM_APP_URL = 'https://t.me/promo_bot/promo';
    w = await createCatalogueWorld({ OK_APP_URL, TELEGRAM_APP_URL });
    await w.importFeed('yml', FEED);
    const path = `/api/campaigns/${w.campaignId}/offers`;
    const offer = (await body(await w.call('GET', path, USER))).offers[0];
    const route = `/campaign/${w.campaignId}/offer/${offer.id}`;
    const card = async (authorization: string) =>
      await body(await w.app.request(`${path}/${offer.id}`, { headers: { authorization } }));

    const vk = new URL((await card(w.vkAuth(USER))).shareUrl);
    expect(`${vk.origin}${vk.pathname}`).toMatch(/^https:\/\/vk\.com\/app\d+$/);
    expect(vk.hash).toBe(`#${route}`);
    // Before, OK and Telegram shared that same vk.com link.
    const ok = new URL((await card(w.okAuth('101'))).shareUrl);
    expect(`${ok.origin}${ok.pathname}`).toBe(OK_APP_URL);
    const friendOnOk = w.okAuth('202', { custom_args: ok.searchParams.get('custom_args') ?? '' });
    expect(okLaunchFromUrl({ search: `?${friendOnOk.slice('OK '.length)}`, hash: '' }).startRoute).toBe(route);
    const telegram = new URL((await card(w.tmaAuth(101))).shareUrl);
    expect(`${telegram.origin}${telegram.pathname}`).toBe(TELEGRAM_APP_URL);
    expect(startParamToRoute(telegram.searchParams.get('startapp') ?? '')).toBe(route);

    // Without the platform's address there is no link to share (the card offers no sharing then).
    w.close();
    w = await createCatalogueWorld();
    await w.importFeed('yml', FEED);
    const again = (await body(await w.call('GET', path.replace(/\d+/, String(w.campaignId)), USER))).offers[0];
    for (const authorization of [w.okAuth('101'), w.tmaAuth(101)]) {
      const res = await w.app.request(`/api/campaigns/${w.campaignId}/offers/${again.id}`, {
        headers: { authorization },
      });
      expect((await body(res)).shareUrl).toBeNull();
    }
  });

  it('item 3: a category subscription needs message consent; an import that adds offers queues one message per subscriber in their language with a deep link, never twice', async () => {
    w = await createCatalogueWorld();
    await w.importFeed('yml', FEED);
    const sub = (user: number, language: 'ru' | 'en', category = 'green') =>
      w.callAs(language, 'PUT', `/api/campaigns/${w.campaignId}/offer-categories/${category}/subscription`, user);
    const RU = 701;
    const EN = 702;
    const LATE = 703;
    await w.join(RU);
    await w.join(EN, 'en');
    await w.join(LATE);
    const refused = await sub(RU, 'ru');
    expect(refused.status).toBe(409);
    expect((await body(refused)).error.code).toBe('no_message_consent');
    for (const u of [RU, EN, LATE]) await w.allowMessages(u);
    expect(await body(await sub(RU, 'ru'))).toEqual({ subscribed: true });
    expect(await body(await sub(EN, 'en'))).toEqual({ subscribed: true });
    expect((await sub(RU, 'ru', 'nope')).status).toBe(404);
    expect((await body(await w.call('GET', `/api/campaigns/${w.campaignId}/offers`, RU))).subscribedCategories).toEqual(
      ['green'],
    );
    // LATE subscribes and unsubscribes again.
    await sub(LATE, 'ru');
    await w.callAs('ru', 'DELETE', `/api/campaigns/${w.campaignId}/offer-categories/green/subscription`, LATE);

    const report = await body(await w.importFeed('yml', FEED_UPDATE));
    expect(report).toMatchObject({ added: 1, notified: 2 });
    const rows = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.kind, 'catalogue'));
    const [g2] = await w.deps.db.select().from(schema.offers).where(eq(schema.offers.externalId, 'G-2'));
    const byUser = new Map(rows.map((r) => [r.vkUserId, r]));
    expect([...byUser.keys()].sort()).toEqual([RU, EN]);
    expect(byUser.get(RU)?.text).toBe('Новые предложения в категории «Зелёный чай»: Матча');
    expect(byUser.get(EN)?.text).toBe('New offers in “Зелёный чай”: Матча');
    expect(byUser.get(RU)?.extras.fragment).toBe(`campaign/${w.campaignId}/offer/${g2?.id}`);
    expect(byUser.get(RU)?.extras.keyboard).toContain(`campaign/${w.campaignId}/offer/${g2?.id}`);
    expect(byUser.get(RU)).toMatchObject({ channel: 'message', status: 'queued', campaignId: w.campaignId });

    // Re-imports do not add G-2 again, so nobody hears about it twice.
    expect(await body(await w.importFeed('yml', FEED_UPDATE))).toMatchObject({ added: 0, notified: 0 });
    const again = await w.deps.db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.kind, 'catalogue'), eq(schema.outbox.campaignId, w.campaignId)));
    expect(again).toHaveLength(2);
  });
});

describe('following a category only where it can work', () => {
  /** A web entry session's cookie for `vkUserId`, signed as the server signs it (web-session.ts). */
  async function webCookie(vkUserId: number) {
    const now = w.clock.now;
    const value = `${vkUserId}.${Math.floor(now / 1000) + 3600}.ru.${now}`;
    return await serializeSigned(WEB_SESSION_COOKIE, value, webCookieKey(w.deps.config, 'session'));
  }

  it('OK, Telegram and the web entry (without consent already given in VK) are told follow cannot work there: the list says so and a follow is 409 alerts_vk_only, nothing stored; a VK launch is offered it and asked for consent', async () => {
    w = await createCatalogueWorld({ VK_ID_APP_ID: '51000001' });
    await w.importFeed('yml', FEED);
    const base = `/api/campaigns/${w.campaignId}`;
    const WEB_USER = 811;
    const web = { cookie: (await webCookie(WEB_USER)).split(';')[0] ?? '', 'sec-fetch-site': 'same-origin' };
    const callers: [string, Record<string, string>][] = [
      ['ok', { authorization: w.okAuth('101') }],
      ['telegram', { authorization: w.tmaAuth(101) }],
      ['web', web],
    ];
    for (const [name, headers] of callers) {
      const opened = await w.app.request(`${base}/open`, { method: 'POST', headers });
      expect(opened.status, name).toBe(200);
      const list = await body(await w.app.request(`${base}/offers`, { headers }));
      expect(list.categoryAlerts, name).toBe(false);
      expect(list).not.toHaveProperty('shareBase');
      const follow = await w.app.request(`${base}/offer-categories/green/subscription`, { method: 'PUT', headers });
      expect(follow.status, name).toBe(409);
      expect((await body(follow)).error.code, name).toBe('alerts_vk_only');
    }
    expect(await w.deps.db.select().from(schema.offerCategorySubscriptions)).toEqual([]);

    // Inside VK: offered, and the refusal asks for the consent the client can ask for.
    await w.join(USER);
    expect((await body(await w.call('GET', `${base}/offers`, USER))).categoryAlerts).toBe(true);
    const vk = await w.call('PUT', `${base}/offer-categories/green/subscription`, USER);
    expect((await body(vk)).error.code).toBe('no_message_consent');

    // On the web, a VK user who already allows the community's messages (given in VK) can follow.
    await w.allowMessages(WEB_USER);
    expect((await body(await w.app.request(`${base}/offers`, { headers: web }))).categoryAlerts).toBe(true);
    const followed = await w.app.request(`${base}/offer-categories/green/subscription`, {
      method: 'PUT',
      headers: web,
    });
    expect(await body(followed)).toEqual({ subscribed: true });
  });
});
