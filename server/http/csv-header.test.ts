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
