import { describe, expect, it } from 'vitest';
import { excelUnicodeText } from '../../../server/http/testing/excel-unicode-text.ts';
import { windows1251 } from '../../../server/http/testing/windows-1251.ts';
import { encodedSize, feedFormat, MAX_FEED_BYTES, megabytes, overLimit, readFeed } from './feed-file.ts';
import { offersOfficeEn, offersOfficeRu } from './i18n-offers-office.ts';
import { issuePlace, issueReason, refusedIssues } from './import-issues.ts';
import type { ImportIssue } from './offers-office-api.ts';

describe('a catalogue file before it is sent', () => {
  it('item 1: the format comes from the extension, else from the content (a leading < means a YML feed)', () => {
    expect(feedFormat('lavka.XML', 'id,title')).toBe('yml');
    expect(feedFormat('lavka.yml', '')).toBe('yml');
    expect(feedFormat('offers.csv', '<not really>')).toBe('csv');
    expect(feedFormat('feed', '\uFEFF  \n<?xml version="1.0"?><yml_catalog/>')).toBe('yml');
    expect(feedFormat('export.txt', 'id;title;price\nA;Tea;1')).toBe('csv');
  });

  it('item 1: over 8 MB is refused before sending, also when only the JSON encoding takes it over', () => {
    expect(overLimit(MAX_FEED_BYTES)).toBe(false);
    expect(overLimit(MAX_FEED_BYTES + 1)).toBe(true);
    // In the office's language: «8,1 МБ» in Russian (it read «8.1 МБ»), '8.1 MB' in English.
    expect(megabytes(MAX_FEED_BYTES + 1, 'ru')).toBe('8,1');
    expect(megabytes(MAX_FEED_BYTES + 1, 'en')).toBe('8.1');
    // Quotes are escaped and Cyrillic is two bytes: a file under the limit can be over it as sent.
    const content = `${'"чай"'.repeat(1_000_000)}`;
    expect(new Blob([content]).size).toBeLessThan(MAX_FEED_BYTES);
    expect(overLimit(encodedSize({ format: 'yml', content }))).toBe(true);
  });

  it('item 1: a refused feed keeps each problem with its line or offer id; ru and en name the same strings', () => {
    expect(
      refusedIssues([
        { message: 'price "x" is not a price', code: 'bad_price', params: { line: 7, offerId: 'A-1' } },
        { message: 'Not a YML feed', code: 'not_yml', params: {} },
      ]),
    ).toEqual([
      { line: 7, offerId: 'A-1', code: 'bad_price', message: 'price "x" is not a price' },
      { code: 'not_yml', message: 'Not a YML feed' },
    ]);
    expect(Object.keys(offersOfficeEn).sort()).toEqual(Object.keys(offersOfficeRu).sort());
    const [bad, file] = refusedIssues([
      { message: 'm', code: 'bad_price', params: { line: 40, offerId: 'BAD-PRICE', field: 'price', value: '"x"' } },
      { message: 'Not a YML feed', code: 'not_yml', params: { line: 0 } },
    ]);
    expect(issuePlace(bad as ImportIssue, offersOfficeRu)).toBe('Строка 40 · Акция BAD-PRICE');
    expect(issuePlace(file as ImportIssue, offersOfficeEn)).toBe('The whole file');
    expect(issuePlace({ offerId: 'T-1', code: 'repeated_id', message: '' }, offersOfficeEn)).toBe('Offer T-1');
    expect(issueReason(bad as ImportIssue, offersOfficeRu)).toBe('«Цена»: "x" — не число');
    expect(issueReason({ code: 'something_new', message: 'x' }, offersOfficeEn)).toBeUndefined();
  });

  it('a YML file is read in the encoding it declares (windows-1251, UTF-8); another one is refused before sending (found from outside: a KOI8-R feed was read as Windows-1251 and sent with other letters)', async () => {
    const yml = (encoding: string) =>
      `<?xml version="1.0" encoding="${encoding}"?>\n<yml_catalog><shop><offers><offer id="T-1"><name>Улун</name>` +
      '<price>1</price></offer></offers></shop></yml_catalog>';
    const file = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name);
    expect(await readFeed(file(windows1251(yml('windows-1251')), 'lavka.xml'))).toEqual({
      format: 'yml',
      content: yml('windows-1251'),
    });
    expect(await readFeed(file(new TextEncoder().encode(yml('UTF-8')), 'feed'))).toEqual({
      format: 'yml',
      content: yml('UTF-8'),
    });
    const table = new TextDecoder('koi8-r').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    const koi8r = Uint8Array.from([...yml('koi8-r')], (ch) => table.indexOf(ch));
    expect(await readFeed(file(koi8r, 'lavka.yml'))).toEqual({
      issue: {
        line: 1,
        code: 'unsupported_encoding',
        message: expect.stringContaining('"koi8-r"'),
        params: { encoding: '"koi8-r"' },
      },
    });
    const koi8Issue = await readFeed(file(koi8r, 'lavka.yml'));
    expect('issue' in koi8Issue && issueReason(koi8Issue.issue, offersOfficeRu)).toContain('в кодировке "koi8-r"');
    expect(issueReason({ code: 'not_utf8', message: '' }, offersOfficeEn)).toContain('windows-1251');
    // A CSV is read as before: UTF-8, else Windows-1251.
    expect(await readFeed(file(windows1251('id;title\nT-1;Улун'), 'offers.csv'))).toEqual({
      format: 'csv',
      content: 'id;title\nT-1;Улун',
    });
  });

  it('a sheet Excel saved as «Текст Юникод» (.txt, UTF-16, tabs) is read as the CSV it is (found from outside: read as Windows-1251)', async () => {
    const text = 'Артикул\tНазвание\tЦена\r\nT-1\tЧай\t100\r\n';
    const file = new File([excelUnicodeText(text)], 'Лист1.txt', { type: 'text/plain' });
    expect(await readFeed(file)).toEqual({ format: 'csv', content: text });
  });
});
