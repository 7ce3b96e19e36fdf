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

  it('a code with no words of its own is left to the server message; a reason without values is as written', () => {
    expect(issueReason({ code: 'something_new', message: 'x' }, offersOfficeRu)).toBeUndefined();
    expect(issueReason({ line: 1, code: 'bad_header', message: 'x' }, offersOfficeRu)).toBeUndefined();
    expect(issueReason({ line: 2, code: 'bad_url', message: 'url is not a URL' }, offersOfficeEn)).toBe(
      offersOfficeEn.reason_bad_url,
    );
  });

  it("under a reason worded from the server's values nothing of the server's English is shown; under one that lacks the value, its message", () => {
    const header = {
      line: 1,
      code: 'bad_header',
      message: 'The header row needs at least the columns id / Артикул',
      params: { needed: 'id / Артикул', known: 'id / Артикул, url / Ссылка' },
    };
    expect(issueDetail(header, offersOfficeRu)).toBeUndefined();
    const currency = {
      line: 3,
      code: 'bad_currency',
      message: 'currency "доллар" is not a 3-letter code (RUB, USD, EUR…)',
    };
    expect(issueDetail(currency, offersOfficeRu)).toBe(currency.message);
    // A code the office has no words for shows the server's message as its reason, not twice.
    expect(issueDetail({ code: 'something_new', message: 'x' }, offersOfficeRu)).toBeUndefined();
  });
});
