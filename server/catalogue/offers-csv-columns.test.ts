/**
 * A catalogue CSV's header as a manager writes it: two columns meaning one thing («Цена» and "Price") are a 422
 * naming both, nothing written (before, the last one won without a word); a column we do not know is imported without
 * its data and named in the report (before, its data was dropped without a word); a heading with a colon or a unit
 * («Цена, руб.:») is the column it names. Over the real app, on SQLite and PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { windows1251 } from '../http/testing/windows-1251.ts';
import { type CatalogueWorld, createCatalogueWorld, OFFICE_USER } from './testing/catalogue-world.ts';

let w: CatalogueWorld;
afterEach(() => w?.close());

/** The file as Russian Excel saves it (Windows-1251), or as UTF-8 where it holds a letter 1251 has not (₽). */
const upload = (text: string, bytes: (text: string) => Uint8Array<ArrayBuffer> = windows1251) =>
  w.app.request(`/api/admin/campaigns/${w.campaignId}/offers/import`, {
    method: 'POST',
    headers: { Authorization: w.vkAuth(OFFICE_USER), 'Content-Type': 'text/csv' },
    body: bytes(text),
  });
const utf8 = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

async function stored() {
  const offers = await w.deps.db
    .select()
    .from(schema.offers)
    .where(eq(schema.offers.campaignId, w.campaignId))
    .orderBy(schema.offers.externalId);
  return offers.map((o) => [o.externalId, o.title, o.price]);
}

const audits = async () =>
  (await w.deps.db.select().from(schema.officeAudit)).filter((a) => a.action === 'offers.import').length;

describe('a catalogue CSV header as a manager writes it', () => {
  it('two columns meaning one («Цена» and "Price") are a 422 naming both, nothing written (found from outside: the last one won)', async () => {
    w = await createCatalogueWorld();
    const res = await upload('Артикул;Название;Цена;Price\r\nT-1;Пуэр;150;990\r\n');
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('invalid_feed');
    expect(error.issues).toEqual([
      {
        path: 'line 1',
        code: 'repeated_column',
        params: { line: 1, first: '"Цена"', second: '"Price"', column: 'price / Цена' },
        message: 'The columns "Цена" and "Price" both mean price / Цена: keep one',
      },
    ]);
    expect([await stored(), await audits()]).toEqual([[], 0]);

    // The JSON form (the office's) says the same.
    const json = await w.importFeed('csv', 'id,title,Название,price\nT-1,Tea,Чай,1\n');
    expect([json.status, (await json.json()).error.issues[0].message]).toEqual([
      422,
      'The columns "title" and "Название" both mean title / Название: keep one',
    ]);
    expect(await stored()).toEqual([]);
  });

  it('a column we do not know (a misspelled «Ссылкаа») is imported without its data and named in the report, as written (found from outside: dropped without a word)', async () => {
    w = await createCatalogueWorld();
    const res = await upload('Артикул;Название;Цена;Ссылкаа;;\r\nT-1;Пуэр;150;https://shop.example/t1;;\r\n');
    expect([res.status, await res.json()]).toMatchObject([200, { added: 1, issues: [], ignoredColumns: ['Ссылкаа'] }]);
    expect(await stored()).toEqual([['T-1', 'Пуэр', 15000]]);
    const clean = await w.importFeed('csv', 'id,title,price\nT-1,Пуэр,150\n');
    expect([clean.status, (await clean.json()).ignoredColumns]).toEqual([200, []]);
  });

  it('a file refused for want of a usable offer names its unknown columns too (a misspelled «Цна» is why)', async () => {
    w = await createCatalogueWorld();
    const res = await upload('Артикул;Название;Цна\r\nT-1;Пуэр;150\r\n');
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.issues.map((i: { code: string; message: string }) => [i.code, i.message])).toEqual([
      ['ignored_column', 'The column "Цна" is not one this import knows: its data was not read'],
      ['no_price', 'an offer needs a price or a discount_percent'],
    ]);
    expect(await stored()).toEqual([]);
  });

  it('a heading with a colon, quotes or a unit («Цена, руб.:», «Артикул:») is the column it names (found from outside: not matched)', async () => {
    w = await createCatalogueWorld();
    const res = await upload('Артикул:;«Название»;"Цена, руб.";Старая цена (₽)\r\nT-1;Пуэр;150;200\r\n', utf8);
    expect([res.status, await res.json()]).toMatchObject([200, { added: 1, issues: [], ignoredColumns: [] }]);
    expect(await stored()).toEqual([['T-1', 'Пуэр', 15000]]);
    expect((await w.deps.db.select().from(schema.offers))[0]?.oldPrice).toBe(20000);
  });
});
