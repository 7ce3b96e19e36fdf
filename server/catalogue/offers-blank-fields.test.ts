/**
 * What a brand's blank cells mean (decision 072), over the real app on SQLite and PostgreSQL: a blank or absent
 * currency is the ruble, a blank link or picture is none (the offer card shows no "open the site" button); the ruble
 * as Russian spreadsheets write it («руб.», «р.», «₽», "rur") is the ruble, and any other currency that is not a
 * 3-letter code is refused naming the offer, the field and the value.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { type CatalogueWorld, createCatalogueWorld } from './testing/catalogue-world.ts';

let w: CatalogueWorld;
afterEach(() => w?.close());

async function stored() {
  const offers = await w.deps.db
    .select()
    .from(schema.offers)
    .where(eq(schema.offers.campaignId, w.campaignId))
    .orderBy(schema.offers.externalId);
  return offers.map((o) => [o.externalId, o.currency, o.url, o.imageUrl]);
}

describe('blank cells in a catalogue', () => {
  it('a blank or absent currency is RUB, a blank link or picture is none, in a CSV and a YML feed alike', async () => {
    w = await createCatalogueWorld();
    const csv = await w.importFeed(
      'csv',
      'Артикул;Название;Цена;Валюта;Ссылка;Картинка\r\nT-1;Пуэр;150; ; ;\r\nT-2;Сенча;99;USD;https://shop.example/t2;\r\n',
    );
    expect([csv.status, await csv.json()]).toMatchObject([200, { added: 2, issues: [] }]);
    expect(await stored()).toEqual([
      ['T-1', 'RUB', null, null],
      ['T-2', 'USD', 'https://shop.example/t2', null],
    ]);
    const yml = await w.importFeed(
      'yml',
      '<yml_catalog><shop><offers><offer id="T-1"><name>Пуэр</name><price>150</price><currencyId> </currencyId>' +
        '<url></url></offer><offer id="T-3"><name>Улун</name><price>10</price></offer></offers></shop></yml_catalog>',
    );
    expect([yml.status, await yml.json()]).toMatchObject([200, { issues: [] }]);
    expect(await stored()).toEqual([
      ['T-1', 'RUB', null, null],
      ['T-2', 'USD', 'https://shop.example/t2', null],
      ['T-3', 'RUB', null, null],
    ]);
  });

  it('the ruble as a Russian spreadsheet writes it («руб.», «р.», «₽», "rur") is RUB; another currency that is no 3-letter code is refused naming the offer, the field and the value (found from outside: «руб.» refused as "too long", «₽» as "not a 3-letter code")', async () => {
    w = await createCatalogueWorld();
    const rows = ['руб.', 'Руб', 'р.', '₽', 'rur', 'доллар', 'US$'].map((c, i) => `T-${i + 1};Чай ${i};100;${c}`);
    const res = await w.importFeed('csv', `Артикул;Название;Цена;Валюта\r\n${rows.join('\r\n')}\r\n`);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.added).toBe(5);
    expect(report.issues).toEqual([
      {
        line: 7,
        offerId: 'T-6',
        code: 'bad_currency',
        message: 'currency "доллар" is not a 3-letter code (RUB, USD, EUR…)',
        params: { value: '"доллар"' },
      },
      {
        line: 8,
        offerId: 'T-7',
        code: 'bad_currency',
        message: 'currency "US$" is not a 3-letter code (RUB, USD, EUR…)',
        params: { value: '"US$"' },
      },
    ]);
    expect((await stored()).map(([id, currency]) => [id, currency])).toEqual([
      ['T-1', 'RUB'],
      ['T-2', 'RUB'],
      ['T-3', 'RUB'],
      ['T-4', 'RUB'],
      ['T-5', 'RUB'],
    ]);
  });

  it('a YML offer without currencyId is in the shop\'s base currency (rate="1", or the only one listed); with no base and another currency named, it is refused naming them (found from outside: stored as RUB)', async () => {
    w = await createCatalogueWorld();
    const offer = (id: string, currency?: string) =>
      `<offer id="${id}"><name>Чай ${id}</name><price>10</price>${currency ? `<currencyId>${currency}</currencyId>` : ''}</offer>`;
    const shop = (currencies: string, offers: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<yml_catalog><shop><currencies>${currencies}</currencies>\n<offers>\n${offers}\n</offers></shop></yml_catalog>`;
    const byBase = await w.importFeed(
      'yml',
      shop(
        '<currency id="USD" rate="1"/><currency id="EUR" rate="CBRF"/>',
        [offer('B-1'), offer('B-2', 'EUR')].join('\n'),
      ),
    );
    expect([byBase.status, (await byBase.json()).issues]).toEqual([200, []]);
    const onlyOne = await w.importFeed('yml', shop('<currency id="KZT"/>', offer('K-1')));
    expect([onlyOne.status, (await onlyOne.json()).issues]).toEqual([200, []]);
    const rur = await w.importFeed(
      'yml',
      shop('<currency id="RUR" rate="1"/><currency id="USD" rate="90"/>', offer('R-1')),
    );
    expect([rur.status, (await rur.json()).issues]).toEqual([200, []]);

    const noBase = await w.importFeed(
      'yml',
      shop(
        '<currency id="USD" rate="CBRF"/><currency id="EUR" rate="CBRF"/>',
        [offer('N-1'), offer('N-2', 'USD')].join('\n'),
      ),
    );
    expect(noBase.status).toBe(200);
    expect((await noBase.json()).issues).toEqual([
      {
        line: 4,
        offerId: 'N-1',
        code: 'no_currency',
        message:
          'currencyId is missing and the feed names USD, EUR with no base currency (rate="1"): name the offer\'s currency',
        params: { currencies: 'USD, EUR' },
      },
    ]);
    // No <currencies> at all, but the other offers are in dollars: the same refusal, not rubles.
    const byOffers = await w.importFeed(
      'yml',
      `<yml_catalog><shop><offers>${offer('D-1', 'USD')}${offer('D-2')}</offers></shop></yml_catalog>`,
    );
    expect((await byOffers.json()).issues).toMatchObject([
      { offerId: 'D-2', code: 'no_currency', params: { currencies: 'USD' } },
    ]);
    expect((await stored()).map(([id, currency]) => [id, currency])).toEqual([
      ['B-1', 'USD'],
      ['B-2', 'EUR'],
      ['D-1', 'USD'],
      ['K-1', 'KZT'],
      ['N-2', 'USD'],
      ['R-1', 'RUB'],
    ]);
  });
});
