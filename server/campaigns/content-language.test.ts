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

  it('item 13: a column text takes its translation, else the Russian column, else any translation', async () => {
    const row = { title: 'Скидка', translations: { en: { title: 'Discount' } } };
    expect(columnText(row, 'title', 'en')).toBe('Discount');
    expect(columnText(row, 'title', 'ru')).toBe('Скидка');
    expect(columnText({ title: 'Скидка', translations: {} }, 'title', 'en')).toBe('Скидка');
    expect(columnText({ title: '', translations: { en: { title: 'Discount' } } }, 'title', 'ru')).toBe('Discount');
    expect(columnText({ title: 'Скидка', translations: { en: { title: '' } } }, 'title', 'en')).toBe('Скидка');
  });
});
