/**
 * The catalogue file as the office's managers save it: Russian Excel's «CSV (разделители - запятые)» is Windows-1251
 * with `;`, «CSV UTF-8» has a BOM. Either, sent as the file's bytes (`text/csv`), stores the Cyrillic it holds.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { excelUnicodeText } from '../http/testing/excel-unicode-text.ts';
import { windows1251 } from '../http/testing/windows-1251.ts';
import { type CatalogueWorld, createCatalogueWorld, OFFICE_USER } from './testing/catalogue-world.ts';

let w: CatalogueWorld;
afterEach(() => w?.close());

const FILE = [
  'id;title;price;category_id;category;region;how_to_use',
  'T-1;Улун молочный «Ёлка»;299,90;tea;Чай и кофе;Москва;Покажите код на кассе',
  'T-2;Пуэр;150;tea;Чай и кофе;Санкт-Петербург;',
  '',
].join('\r\n');

const upload = (body: Uint8Array<ArrayBuffer> | string, type = 'text/csv') =>
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
  return {
    offers: offers.map((o) => [o.externalId, o.title, o.price, o.region, o.howToUse]),
    categories: categories.map((c) => c.name),
  };
}

const EXPECTED = {
  offers: [
    ['T-1', 'Улун молочный «Ёлка»', 29990, 'Москва', 'Покажите код на кассе'],
    ['T-2', 'Пуэр', 15000, 'Санкт-Петербург', null],
  ],
  categories: ['Чай и кофе'],
};

describe('a catalogue CSV as Excel saves it', () => {
  it('Windows-1251 with `;` (Russian Excel) stores its Cyrillic, not U+FFFD (found from outside)', async () => {
    w = await createCatalogueWorld();
    const res = await upload(windows1251(FILE));
    expect([res.status, await res.json()]).toMatchObject([200, { format: 'csv', added: 2, issues: [] }]);
    expect(await stored()).toEqual(EXPECTED);
  });

  it('UTF-8 with a BOM («CSV UTF-8») stores the same; the JSON form is unchanged; other types get 415, nothing a 422', async () => {
    w = await createCatalogueWorld();
    const res = await upload(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FILE)]));
    expect([res.status, await res.json()]).toMatchObject([200, { format: 'csv', added: 2, issues: [] }]);
    expect(await stored()).toEqual(EXPECTED);
    const again = await w.importFeed('csv', `\uFEFF${FILE}`);
    expect([again.status, await again.json()]).toMatchObject([200, { unchanged: 2 }]);

    expect((await upload(FILE, 'text/plain')).status).toBe(415);
    const empty = await upload(' \r\n');
    expect([empty.status, (await empty.json()).error.code]).toEqual([422, 'invalid_input']);
    expect(await stored()).toEqual(EXPECTED);
  });

  it('a header in Russian («Артикул;Название;Цена;…», as a brand writes it) stores the same; an unknown one is a 422 naming the columns in both languages (found from outside: refused, "needs id and title")', async () => {
    w = await createCatalogueWorld();
    const russian = FILE.replace(
      'id;title;price;category_id;category;region;how_to_use',
      'Артикул;Название;Цена;ID категории;Категория;Регион;Как использовать',
    );
    const res = await upload(windows1251(russian));
    expect([res.status, await res.json()]).toMatchObject([200, { format: 'csv', added: 2, issues: [] }]);
    expect(await stored()).toEqual(EXPECTED);

    const unknown = await upload(windows1251('Код;Товар на полке\r\nT-3;Сенча\r\n'));
    expect(unknown.status).toBe(422);
    const { error } = await unknown.json();
    expect(error.code).toBe('invalid_feed');
    expect(error.issues[0].message).toContain('needs at least the columns id / Артикул, title / Название');
    // The columns as data, for the office to word in its language (it showed a fixed text naming only id and title).
    expect(error.issues[0].params).toMatchObject({
      line: 1,
      needed: 'id / Артикул, title / Название',
      known: expect.stringMatching(/^id \/ Артикул, title \/ Название, .*url \/ Ссылка$/),
    });
    expect(await stored()).toEqual(EXPECTED);
  });

  it('bytes whose UTF-8 holds U+FFFD (a file once read in the wrong encoding and saved again) are refused as the JSON form refuses that text: 422 `replacement_character` naming the line, nothing written (found from outside: taken, «���» stored for good)', async () => {
    w = await createCatalogueWorld();
    const damaged = 'id;title;price\r\nT-1;Пуэр;150\r\nT-2;\uFFFD\uFFFD\uFFFD;150\r\n';
    const bytes = await upload(new TextEncoder().encode(damaged));
    const json = await w.importFeed('csv', damaged);
    const refusal = {
      code: 'invalid_feed',
      issues: [{ path: 'line 3', code: 'replacement_character', params: { line: 3 } }],
    };
    expect([bytes.status, (await bytes.json()).error]).toMatchObject([422, refusal]);
    expect([json.status, (await json.json()).error]).toMatchObject([422, refusal]);
    // A YML file's bytes alike.
    const yml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<yml_catalog><shop><offers><offer id="T-1"><name>\uFFFD</name><price>1</price></offer></offers></shop></yml_catalog>';
    const xml = await upload(new TextEncoder().encode(yml), 'application/xml');
    expect([xml.status, (await xml.json()).error]).toMatchObject([
      422,
      { code: 'invalid_feed', issues: [{ path: 'line 2', code: 'replacement_character' }] },
    ]);
    expect(await stored()).toEqual({ offers: [], categories: [] });
  });

  it('a sheet Excel saved as «Текст Юникод» (UTF-16 with a BOM, tabs) stores the same (found from outside: read as Windows-1251 and refused, "needs id and title")', async () => {
    w = await createCatalogueWorld();
    const res = await upload(excelUnicodeText(FILE.replaceAll(';', '\t')));
    expect([res.status, await res.json()]).toMatchObject([200, { format: 'csv', added: 2, issues: [] }]);
    expect(await stored()).toEqual(EXPECTED);
  });

  it('cells as Russian Excel formats them: a price in the ruble format («1 299,00 ₽», «99,90 р.», «150 руб.») and a date «31.12.2026» are read; a date that is no day is refused naming the offer (found from outside: both refused, "not a price", "not a date YYYY-MM-DD")', async () => {
    w = await createCatalogueWorld();
    const rows = [
      'Артикул;Название;Цена;Старая цена;Начало;Окончание',
      'T-1;Чай;"1 299,00 ₽";"1 500 ₽";01.06.2026;31.12.2026',
      'T-2;Кофе;99,90 р.;;1.6.2026;',
      'T-3;Какао;150 руб.;;;2026-12-31',
      'T-4;Мате;100;;31.02.2026;',
    ];
    const res = await upload(new TextEncoder().encode(rows.join('\r\n')));
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ added: 3 });
    expect(report.issues).toEqual([
      {
        line: 5,
        offerId: 'T-4',
        code: 'bad_date',
        message: 'starts_on "31.02.2026" is not a date YYYY-MM-DD or DD.MM.YYYY',
        params: { field: 'starts_on', value: '"31.02.2026"' },
      },
    ]);
    const offers = await w.deps.db.select().from(schema.offers).orderBy(schema.offers.externalId);
    expect(offers.map((o) => [o.externalId, o.price, o.oldPrice, o.startsOn, o.endsOn])).toEqual([
      ['T-1', 129900, 150000, '2026-06-01', '2026-12-31'],
      ['T-2', 9990, null, '2026-06-01', null],
      ['T-3', 15000, null, null, '2026-12-31'],
    ]);
  });

  it('a quote never closed (a stray « " » on line 4) is a 422 naming its line, and the offers before it stay active (found from outside: lines 2–3 imported, the swallowed ones ended)', async () => {
    w = await createCatalogueWorld();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `Q-${i + 1};Чай ${i + 1};100`);
    expect((await upload(windows1251(`Артикул;Название;Цена\r\n${rows(5).join('\r\n')}\r\n`))).status).toBe(200);
    const broken = [...rows(2), 'Q-3;"Чай 3;100', ...rows(5).slice(3)];
    const res = await upload(windows1251(`Артикул;Название;Цена\r\n${broken.join('\r\n')}\r\n`));
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues).toEqual([
      {
        path: 'line 4',
        code: 'unclosed_quote',
        params: { line: 4, opened: '4' },
        message: 'A quote opened on line 4 is never closed: the lines after it would be read as one cell',
      },
    ]);
    const offers = await w.deps.db.select().from(schema.offers).where(eq(schema.offers.campaignId, w.campaignId));
    expect(offers.map((o) => [o.externalId, o.status]).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`Q-${n}`, 'active']),
    );
  });

  it('the JSON form without its content: 422 naming content and why, nothing stored', async () => {
    w = await createCatalogueWorld();
    const res = await upload(JSON.stringify({ format: 'csv' }), 'application/json');
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^1 field of the body is invalid: content \(/);
    expect(error.issues.map((i) => i.path)).toEqual(['content']);
    expect(await w.deps.db.select().from(schema.offers)).toEqual([]);
  });
});
