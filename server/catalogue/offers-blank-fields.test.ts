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
      },
      {
        line: 8,
        offerId: 'T-7',
        code: 'bad_currency',
        message: 'currency "US$" is not a 3-letter code (RUB, USD, EUR…)',
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
});
