/**
 * A skipped offer's problem carries, as `params`, everything its English message names (the field, the value as
 * written, a limit), so the office words the whole reason in Russian or English and shows no English under it
 * (decision 083). Before, only a refused header had params: the office's «Цена не число» needed the English
 * `price "бесплатно" is not a price` under it to say which value. And a CSV holding only its header was refused with
 * no issue at all: the office said "no usable offer" and pointed at nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type CatalogueWorld, createCatalogueWorld } from './testing/catalogue-world.ts';

let w: CatalogueWorld;
afterEach(() => w?.close());

// biome-ignore lint/suspicious/noExplicitAny: response bodies read field by field in assertions.
const json = async (res: Response) => (await res.json()) as Record<string, any>;

describe('a catalogue problem names its values as params', () => {
  it('every offer-level reason of a CSV comes with its field and value', async () => {
    w = await createCatalogueWorld();
    const csv = [
      'id;title;price;old_price;discount_percent;currency;starts_on;url;region',
      'OK-1;Чай;100;;;;;;',
      'P-1;Кофе;бесплатно;;;;;;',
      'C-1;Кофе;100;;;доллар;;;',
      'D-1;Кофе;100;;;;31.02.2026;;',
      'U-1;Кофе;100;;;;;ftp://shop.example/a;',
      'S-1;Кофе;;;120;;;;',
      'M-1;Кофе;50;100;20;;;;',
      `L-1;Кофе;100;;;;;;${'я'.repeat(101)}`,
      'bad id;Кофе;100;;;;;;',
      'T-1; ;100;;;;;;',
      '',
    ].join('\n');
    const res = await w.importFeed('csv', csv);
    expect(res.status).toBe(200);
    const issues = (await json(res)).issues.map((i: Record<string, unknown>) => [i.code, i.params]);
    expect(issues).toEqual([
      ['bad_price', { field: 'price', value: '"бесплатно"' }],
      ['bad_currency', { value: '"доллар"' }],
      ['bad_date', { field: 'starts_on', value: '"31.02.2026"' }],
      ['bad_url', { field: 'url', value: '"ftp://shop.example/a"' }],
      ['bad_discount', { value: '"120"' }],
      ['discount_mismatch', { given: '20', actual: '50' }],
      ['too_long', { field: 'region', max: '100' }],
      ['bad_id', { value: '"bad id"' }],
      ['missing_field', { field: 'title' }],
    ]);
  });

  it('two cells compared name both as written: a price not below the old one, an end before the start', async () => {
    w = await createCatalogueWorld();
    const csv = [
      'id;title;price;old_price;starts_on;ends_on',
      'OK-1;Чай;100;;;',
      'N-1;Кофе;1 299,00 ₽;999;;',
      'E-1;Кофе;100;;31.12.2026;2026-12-01',
      '',
    ].join('\n');
    const res = await w.importFeed('csv', csv);
    expect(res.status).toBe(200);
    expect((await json(res)).issues.map((i: Record<string, unknown>) => [i.code, i.params, i.message])).toEqual([
      ['price_not_below_old', { price: '1 299,00 ₽', oldPrice: '999' }, 'price 1 299,00 ₽ must be below old_price 999'],
      [
        'ends_before_start',
        { startsOn: '31.12.2026', endsOn: '2026-12-01' },
        'ends_on 2026-12-01 is before starts_on 31.12.2026',
      ],
    ]);
  });

  it('a CR-only file (old Mac Excel) names the line of a bad offer after a two-line cell as the editor shows it', async () => {
    w = await createCatalogueWorld();
    const csv = 'id;title;price;description\rA;Чай;1;"две\rстроки"\rB;Кофе;x;\r';
    const res = await w.importFeed('csv', csv);
    expect((await json(res)).issues).toMatchObject([{ line: 4, offerId: 'B', code: 'bad_price' }]);
  });

  it('a YML offer names them too (the same check of its fields)', async () => {
    w = await createCatalogueWorld();
    const feed =
      '<yml_catalog><shop><offers><offer id="A"><name>A</name><price>1</price></offer>' +
      '<offer id="B"><name>B</name><price>1</price><oldprice>дорого</oldprice></offer></offers></shop></yml_catalog>';
    const res = await w.importFeed('yml', feed);
    expect(res.status).toBe(200);
    expect((await json(res)).issues).toMatchObject([
      { offerId: 'B', code: 'bad_price', params: { field: 'old_price', value: '"дорого"' } },
    ]);
  });

  it('a CSV holding only its header, or a feed with no offer, is refused saying so, not with an empty list', async () => {
    w = await createCatalogueWorld();
    for (const [format, content, code] of [
      ['csv', 'Артикул;Название;Цена\r\n;;\r\n', 'no_rows'],
      ['csv', 'id,title,price', 'no_rows'],
      ['yml', '<yml_catalog><shop><offers></offers></shop></yml_catalog>', 'no_offers'],
    ] as const) {
      const res = await w.importFeed(format, content);
      expect(res.status).toBe(422);
      const { error } = await json(res);
      expect(error.code).toBe('invalid_feed');
      expect(error.issues.map((i: { code: string }) => i.code)).toEqual([code]);
    }
    // A misspelled column is named back as a param too: «Цна» said only in English before.
    const misspelled = await json(await w.importFeed('csv', 'id;title;Цна\r\n'));
    expect(misspelled.error.issues).toMatchObject([
      { code: 'ignored_column', params: { column: '"Цна"' } },
      { code: 'no_rows' },
    ]);
  });
});
