import { describe, expect, it } from 'vitest';
import { searchable } from './catalogue.service.ts';

describe('catalogue search text', () => {
  it('finds ё by е and accented letters by plain ones, keeps й apart from и (found from outside)', () => {
    const finds = (title: string, typed: string) => searchable(title).includes(searchable(typed));
    expect(finds('Кофе Ёжик', 'ежик')).toBe(true);
    expect(finds('Кофе Ежик', 'ёжик')).toBe(true);
    expect(finds('Тур в İstanbul', 'istanbul')).toBe(true);
    expect(finds('Café crème', 'CAFE CREME')).toBe(true);
    expect(finds('Мой чай', 'МОЙ')).toBe(true);
    expect(finds('Мой чай', 'мои')).toBe(false);
  });
});
