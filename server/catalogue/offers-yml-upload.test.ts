/**
 * A YML feed sent as its file's bytes (`application/xml`, `text/xml`) is read in the encoding its XML declaration
 * names: most Russian retailers' feeds declare `windows-1251`. UTF-8 and Windows-1251 are read; any other declared
 * encoding, or bytes that are not what they declare, is a 422 naming it, nothing written.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { windows1251 } from '../http/testing/windows-1251.ts';
import { type CatalogueWorld, createCatalogueWorld, OFFICE_USER } from './testing/catalogue-world.ts';

let w: CatalogueWorld;
afterEach(() => w?.close());

const feed = (encoding: string) =>
  [
    `<?xml version="1.0" encoding="${encoding}"?>`,
    '<!DOCTYPE yml_catalog SYSTEM "shops.dtd">',
    '<yml_catalog date="2026-06-01 10:00"><shop>',
    '<categories><category id="tea">Чай и кофе</category></categories>',
    '<offers>',
    '<offer id="T-1"><name>Улун молочный «Ёлка»</name><price>299.90</price><categoryId>tea</categoryId>',
    '<param name="Регион">Москва</param></offer>',
    '<offer id="T-2"><name>Пуэр</name><price>150</price><categoryId>tea</categoryId></offer>',
    '</offers></shop></yml_catalog>',
    '',
  ].join('\r\n');

/** KOI8-R bytes (an older Russian encoding a feed may still declare), from the platform decoder's own table. */
function koi8r(text: string): Uint8Array<ArrayBuffer> {
  const table = new TextDecoder('koi8-r').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return Uint8Array.from([...text], (ch) => table.indexOf(ch));
}

const upload = (body: Uint8Array<ArrayBuffer>, type = 'application/xml') =>
  w.app.request(`/api/admin/campaigns/${w.campaignId}/offers/import`, {
    method: 'POST',
    headers: { Authorization: w.vkAuth(OFFICE_USER), 'Content-Type': type },
    body,
  });

async function stored() {
  const offers = await w.deps.db
    .select()
    .from(schema.offers)
    .where(eq(schema.offers.campaignId, w.campaignId))
    .orderBy(schema.offers.externalId);
  const categories = await w.deps.db.select().from(schema.offerCategories);
  return { offers: offers.map((o) => [o.externalId, o.title, o.region]), categories: categories.map((c) => c.name) };
}

const EXPECTED = {
  offers: [
    ['T-1', 'Улун молочный «Ёлка»', 'Москва'],
    ['T-2', 'Пуэр', null],
  ],
  categories: ['Чай и кофе'],
};

describe('a YML feed sent as its bytes', () => {
  it('declaring windows-1251 (as Russian retailers publish it) stores its Cyrillic, read as declared', async () => {
    w = await createCatalogueWorld();
    const res = await upload(windows1251(feed('windows-1251')));
    expect([res.status, await res.json()]).toMatchObject([200, { format: 'yml', added: 2, issues: [] }]);
    expect(await stored()).toEqual(EXPECTED);
  });

  it('declaring UTF-8 (or nothing, or with a BOM) stores the same, also as text/xml', async () => {
    w = await createCatalogueWorld();
    const utf8 = new TextEncoder().encode(feed('UTF-8'));
    const res = await upload(utf8, 'text/xml; charset=utf-8');
    expect([res.status, await res.json()]).toMatchObject([200, { format: 'yml', added: 2 }]);
    const bare = new TextEncoder().encode(feed('utf-8').replace(/^<\?xml[^>]*>\r\n/, ''));
    const again = await upload(new Uint8Array([0xef, 0xbb, 0xbf, ...bare]));
    expect([again.status, await again.json()]).toMatchObject([200, { unchanged: 2 }]);
    expect(await stored()).toEqual(EXPECTED);
  });

  it('declaring another encoding, or not being what it declares, is a 422 naming it; nothing written', async () => {
    w = await createCatalogueWorld();
    const koi = await upload(koi8r(feed('KOI8-R')));
    expect(koi.status).toBe(422);
    expect((await koi.json()).error).toMatchObject({
      code: 'invalid_feed',
      issues: [
        {
          path: 'line 1',
          code: 'unsupported_encoding',
          message: 'The feed declares encoding "koi8-r"; only UTF-8 and Windows-1251 are read: save it in one of them',
          params: { encoding: '"koi8-r"' },
        },
      ],
    });
    // Windows-1251 bytes declared as UTF-8 (or not declared) are refused, never stored as U+FFFD.
    for (const bytes of [windows1251(feed('utf-8')), windows1251(feed('utf-8').replace(/^<\?xml[^>]*>/, ''))]) {
      const res = await upload(bytes);
      expect([res.status, (await res.json()).error.issues[0].code]).toEqual([422, 'not_utf8']);
    }
    const utf16 = await upload(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]));
    expect([utf16.status, (await utf16.json()).error.issues[0].code]).toEqual([422, 'unsupported_encoding']);
    expect(await stored()).toEqual({ offers: [], categories: [] });
  });
});

describe('a YML feed the client has already decoded (the JSON form, as the office sends it)', () => {
  it('is taken as the characters it is, whatever encoding its declaration names (the bytes it describes are gone)', async () => {
    w = await createCatalogueWorld();
    const declared1251 = await w.importFeed('yml', feed('windows-1251'));
    expect([declared1251.status, await declared1251.json()]).toMatchObject([200, { format: 'yml', added: 2 }]);
    expect(await stored()).toEqual(EXPECTED);
    // A client that decoded KOI8-R itself has sent the right letters: not refused as its bytes would be.
    const declaredKoi = await w.importFeed('yml', feed('KOI8-R'));
    expect([declaredKoi.status, await declaredKoi.json()]).toMatchObject([200, { unchanged: 2 }]);
  });

  it('holding U+FFFD (a Windows-1251 file read as UTF-8) is a 422 naming the line, nothing written (found from outside: stored as �)', async () => {
    w = await createCatalogueWorld();
    const misread = new TextDecoder('utf-8').decode(windows1251(feed('windows-1251')));
    const res = await w.importFeed('yml', misread);
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({
      code: 'invalid_feed',
      issues: [{ path: 'line 4', code: 'replacement_character', params: { line: 4 } }],
    });
    const csv = await w.importFeed('csv', 'id,title,price\nT-1,\uFFFD\uFFFD\uFFFD,150\n');
    expect([csv.status, (await csv.json()).error.issues[0].code]).toEqual([422, 'replacement_character']);
    expect(await stored()).toEqual({ offers: [], categories: [] });
  });
});
