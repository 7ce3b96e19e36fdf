import { describe, expect, it } from 'vitest';
import { csvHeader, headerWord } from './csv-header.ts';

describe('an office CSV header', () => {
  const header = csvHeader({
    rewardKey: { en: 'reward_key', ru: 'Приз', also: ['ключ приза'] },
    at: { en: 'at', ru: 'Время', also: ['Дата и время'] },
  });

  it('names a column in English or Russian, whatever the case, spaces, `_`, `-`, `.`, `,`, `%`, `№` or ё', () => {
    expect(['reward_key', 'REWARD KEY', ' Приз ', 'Ключ-приза', '\uFEFFприз'].map(header.columnOf)).toEqual([
      'rewardKey',
      'rewardKey',
      'rewardKey',
      'rewardKey',
      'rewardKey',
    ]);
    expect(['at', 'ВРЕМЯ', 'дата и время', 'Дата, и время'].map(header.columnOf)).toEqual(['at', 'at', 'at', 'at']);
    expect(['', 'Приз2', 'время выдачи', 'key'].map(header.columnOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([headerWord('Скидка, %'), headerWord('Ёлка №'), headerWord('PROMO_CODE')]).toEqual([
      'скидка',
      'елка',
      'promocode',
    ]);
  });

  it('words the columns expected in both languages, and refuses a table where one word names two columns', () => {
    expect(header.expected()).toBe('reward_key / Приз, at / Время');
    expect(header.expected(['at'])).toBe('at / Время');
    expect(() => csvHeader({ a: { en: 'code', ru: 'Код' }, b: { en: 'kod', ru: 'код' } })).toThrow(/код/);
  });
});

describe('a header as a manager writes it, with a colon, a unit or a comment', () => {
  const header = csvHeader({
    code: { en: 'code', ru: 'Промокод' },
    price: { en: 'price', ru: 'Цена', also: ['цена руб', 'цена ₽'] },
    discount: { en: 'discount_percent', ru: 'Скидка' },
  });

  it('leaves out any punctuation and invisible marks (found from outside: «Промокод:» and «Цена, руб.» were not matched)', () => {
    expect(
      ['Промокод:', '«Промокод»', '"Promo code"?', 'Промокод\u200b', '\u00a0Промокод;'].map(header.columnOf),
    ).toEqual(['code', 'code', undefined, 'code', 'code']);
    expect(['Цена, руб.', 'Цена (руб.)', 'ЦЕНА, ₽', 'Цена:', 'Price:'].map(header.columnOf)).toEqual([
      'price',
      'price',
      'price',
      'price',
      'price',
    ]);
    expect(headerWord('Цена, руб.')).toBe('ценаруб');
  });

  it('keeps a unit a word, so distinct columns stay distinct: «Скидка, руб.» is not the discount in percent', () => {
    expect(['Скидка, %', 'Скидка (%)', 'Скидка, руб.', 'Цена, $', 'Цена+'].map(header.columnOf)).toEqual([
      'discount',
      'discount',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads a row: the column of each cell, two cells naming one column, and the cells naming none (blank ones aside)', () => {
    expect(header.row(['Промокод', 'Цена', 'Price:', 'Комментарий ', '', ' ', 'Цена, руб.'])).toEqual({
      columns: ['code', 'price', 'price', undefined, undefined, undefined, 'price'],
      repeated: [
        { column: 'price', first: 'Цена', second: 'Price:' },
        { column: 'price', first: 'Цена', second: 'Цена, руб.' },
      ],
      ignored: ['Комментарий'],
    });
    expect(header.row(['code', 'price'])).toEqual({ columns: ['code', 'price'], repeated: [], ignored: [] });
  });
});
