/**
 * An import problem in the office's words: the reason by its code in Russian or English, holding what the server named
 * (a refused CSV header's columns: the fixed text named only «Артикул» and «Название», the server all it knows).
 */
import { describe, expect, it } from 'vitest';
import { offersOfficeEn, offersOfficeRu } from './i18n-offers-office.ts';
import { issueDetail, issueReason, refusedIssues } from './import-issues.ts';

describe('an import problem in the office', () => {
  it('a refused header names the columns the server named, in Russian and in English', () => {
    const [issue] = refusedIssues([
      {
        code: 'bad_header',
        message: 'The header row needs at least the columns id / Артикул, title / Название; the columns known are …',
        params: {
          line: 1,
          needed: 'id / Артикул, title / Название',
          known: 'id / Артикул, title / Название, url / Ссылка',
        },
      },
    ]);
    expect(issue).toMatchObject({ line: 1, code: 'bad_header' });
    expect(issueReason(issue as NonNullable<typeof issue>, offersOfficeRu)).toBe(
      'В заголовке CSV нужны хотя бы столбцы id / Артикул, title / Название. Столбцы, которые мы знаем: id / Артикул, title / Название, url / Ссылка',
    );
    expect(issueReason(issue as NonNullable<typeof issue>, offersOfficeEn)).toBe(
      'The CSV header needs at least the columns id / Артикул, title / Название. The columns known: id / Артикул, title / Название, url / Ссылка',
    );
  });

  it('a code with no words of its own is left to the server message, and so is a reason whose values did not come', () => {
    expect(issueReason({ code: 'something_new', message: 'x' }, offersOfficeRu)).toBeUndefined();
    expect(issueReason({ line: 1, code: 'bad_header', message: 'x' }, offersOfficeRu)).toBeUndefined();
    expect(issueReason({ line: 2, code: 'bad_url', message: 'url is not a URL' }, offersOfficeEn)).toBeUndefined();
    expect(issueReason({ line: 2, code: 'no_price', message: 'x' }, offersOfficeEn)).toBe(
      offersOfficeEn.reason_no_price,
    );
  });

  it('a bad cell is worded whole from its params, the field as the office calls it, in Russian and in English (decision 083)', () => {
    const cases: [string, Record<string, string>, string, string][] = [
      [
        'bad_price',
        { field: 'old_price', value: '"дорого"' },
        '«Старая цена»: "дорого" — не число',
        'old_price: "дорого" is not a number',
      ],
      [
        'bad_currency',
        { value: '"доллар"' },
        'Валюта "доллар" — не трёхбуквенный код (RUB, USD, EUR…)',
        'The currency "доллар" is not a 3-letter code (RUB, USD, EUR…)',
      ],
      [
        'bad_date',
        { field: 'starts_on', value: '"31.02.2026"' },
        '«Начало»: "31.02.2026" — не дата ДД.ММ.ГГГГ или ГГГГ-ММ-ДД',
        'starts_on: "31.02.2026" is not a date DD.MM.YYYY or YYYY-MM-DD',
      ],
      [
        'bad_url',
        { field: 'url', value: '"ftp://a"' },
        '«Ссылка»: "ftp://a" — не ссылка http(s)',
        'url: "ftp://a" is not an http(s) link',
      ],
      [
        'bad_discount',
        { value: '"120"' },
        'Скидка "120" — не целое число от 1 до 99',
        'The discount "120" is not a whole number from 1 to 99',
      ],
      [
        'bad_id',
        { value: '"bad id"' },
        'Неверный id "bad id": нужно 1–64 латинских буквы, цифры или _ . : -',
        'Bad id "bad id": 1–64 Latin letters, digits or _ . : - are needed',
      ],
      ['missing_field', { field: 'title' }, 'Нет обязательного поля «Название»', 'The required field title is missing'],
      [
        'too_long',
        { field: 'region', max: '100' },
        'Поле «Регион» длиннее 100 знаков',
        'The field region is longer than 100 characters',
      ],
      [
        'discount_mismatch',
        { given: '20', actual: '50' },
        'Скидка 20 %, а по цене и старой цене выходит 50 %',
        'The discount is 20%, while the price and the old price make 50%',
      ],
      [
        'price_not_below_old',
        { price: '1 299,00 ₽', oldPrice: '999' },
        'Цена 1 299,00 ₽ не ниже старой цены 999',
        'The price 1 299,00 ₽ is not below the old price 999',
      ],
      [
        'ends_before_start',
        { startsOn: '31.12.2026', endsOn: '2026-12-01' },
        'Конец 2026-12-01 раньше начала 31.12.2026',
        'It ends on 2026-12-01, before it starts on 31.12.2026',
      ],
      [
        'ignored_column',
        { column: '"Цна"' },
        'Столбца "Цна" мы не знаем: его данные не прочитаны',
        'We do not know the column "Цна": its data was not read',
      ],
    ];
    for (const [code, params, ru, en] of cases) {
      const issue = { line: 3, code, message: 'English', params };
      expect([issueReason(issue, offersOfficeRu), issueReason(issue, offersOfficeEn)]).toEqual([ru, en]);
      expect(issueDetail(issue, offersOfficeRu)).toBeUndefined();
    }
  });

  it("no English under a reason the office words; only the XML parser's own account stays under its reason", () => {
    const header = {
      line: 1,
      code: 'bad_header',
      message: 'The header row needs at least the columns id / Артикул',
      params: { needed: 'id / Артикул', known: 'id / Артикул, url / Ссылка' },
    };
    expect(issueDetail(header, offersOfficeRu)).toBeUndefined();
    expect(issueDetail({ line: 0, code: 'no_rows', message: 'x' }, offersOfficeRu)).toBeUndefined();
    expect(issueDetail({ line: 2, code: 'no_price', message: 'x' }, offersOfficeRu)).toBeUndefined();
    const xml = { line: 4, code: 'bad_xml', message: "Not well-formed XML: Closing tag 'offer' is expected" };
    expect(issueDetail(xml, offersOfficeRu)).toBe(xml.message);
    // A code the office has no words for shows the server's message as its reason, not twice.
    expect(issueDetail({ code: 'something_new', message: 'x' }, offersOfficeRu)).toBeUndefined();
  });

  it('a file of a header only says so in both languages', () => {
    expect(issueReason({ line: 0, code: 'no_rows', message: 'x' }, offersOfficeRu)).toBe(
      'В файле только заголовок: под ним нет ни одной строки с акцией',
    );
    expect(issueReason({ line: 0, code: 'no_rows', message: 'x' }, offersOfficeEn)).toBe(
      'The file holds only a header: there is no offer line under it',
    );
  });
});
