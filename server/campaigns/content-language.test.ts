import { describe, expect, it } from 'vitest';
import { columnText } from './content-language.ts';
import { resolveText } from './resolve-text.ts';

describe('content languages', () => {
  it('item 13: a settings text resolves requested → ru → any', async () => {
    expect(resolveText({ ru: 'Привет', en: 'Hello' }, 'en')).toBe('Hello');
    expect(resolveText({ ru: 'Привет', en: 'Hello' }, 'ru')).toBe('Привет');
    expect(resolveText({ ru: 'Привет' }, 'en')).toBe('Привет');
    expect(resolveText({ en: 'Hello' }, 'ru')).toBe('Hello');
    expect(resolveText({ ru: '', en: 'Hello' }, 'ru')).toBe('Hello');
    expect(resolveText('Просто строка', 'en')).toBe('Просто строка');
    expect(resolveText(undefined, 'en')).toBe('');
  });

  it('decision 055: a stored text that shows nothing is not written, so the next language is read', async () => {
    expect(resolveText({ ru: 'Привет', en: '\u200B' }, 'en')).toBe('Привет');
    expect(resolveText({ ru: '\u0001', en: 'Hello' }, 'ru')).toBe('Hello');
    expect(resolveText('\u2060 ', 'ru')).toBe('');
    expect(columnText({ title: 'Скидка', translations: { en: { title: '\u200B' } } }, 'title', 'en')).toBe('Скидка');
    expect(columnText({ title: '\u00AD', translations: { en: { title: 'Discount' } } }, 'title', 'ru')).toBe(
      'Discount',
    );
    expect(columnText({ title: '\u200B', translations: {} }, 'title', 'ru')).toBe('');
  });

  it('item 13: a column text takes its translation, else the Russian column, else any translation', async () => {
    const row = { title: 'Скидка', translations: { en: { title: 'Discount' } } };
    expect(columnText(row, 'title', 'en')).toBe('Discount');
    expect(columnText(row, 'title', 'ru')).toBe('Скидка');
    expect(columnText({ title: 'Скидка', translations: {} }, 'title', 'en')).toBe('Скидка');
    expect(columnText({ title: '', translations: { en: { title: 'Discount' } } }, 'title', 'ru')).toBe('Discount');
    expect(columnText({ title: 'Скидка', translations: { en: { title: '' } } }, 'title', 'en')).toBe('Скидка');
  });
});
