import { describe, expect, it } from 'vitest';
import { encodedSize, feedFormat, MAX_FEED_BYTES, megabytes, overLimit } from './feed-file.ts';
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
    expect(megabytes(MAX_FEED_BYTES + 1)).toBe('8.1');
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
      { message: 'm', code: 'bad_price', params: { line: 40, offerId: 'BAD-PRICE' } },
      { message: 'Not a YML feed', code: 'not_yml', params: { line: 0 } },
    ]);
    expect(issuePlace(bad as ImportIssue, offersOfficeRu)).toBe('Строка 40 · Акция BAD-PRICE');
    expect(issuePlace(file as ImportIssue, offersOfficeEn)).toBe('The whole file');
    expect(issuePlace({ offerId: 'T-1', code: 'repeated_id', message: '' }, offersOfficeEn)).toBe('Offer T-1');
    expect(issueReason(bad as ImportIssue, offersOfficeRu)).toBe('Цена не число');
    expect(issueReason({ code: 'something_new', message: 'x' }, offersOfficeEn)).toBeUndefined();
  });
});
