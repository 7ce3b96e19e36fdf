import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api/client.ts';
import { plural } from './i18n.ts';
import { errorText, errorTexts } from './i18n-errors.ts';
import { promoEn, promoPlurals, promoRu } from './i18n-promo.ts';

const CYRILLIC = /[\u0400-\u04FF]/;

describe('UI language', () => {
  it('item 13: counted phrases follow Intl.PluralRules in both languages', () => {
    const ru = promoPlurals.ru.attemptsBonus;
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => plural('ru', n, ru))).toEqual([
      '+1 попытка',
      '+2 попытки',
      '+5 попыток',
      '+11 попыток',
      '+21 попытка',
      '+22 попытки',
      '+25 попыток',
    ]);
    expect([1, 2].map((n) => plural('en', n, promoPlurals.en.attemptsBonus))).toEqual(['+1 attempt', '+2 attempts']);
    expect(plural('en', 1, promoPlurals.en.questions)).toBe('1 question');
    expect(plural('ru', 3, promoPlurals.ru.questions)).toBe('3 вопроса');
  });

  it('item 13: a server error is shown by its code in the UI language, never the server English message', () => {
    const missing = new ApiRequestError(404, 'campaign_not_found', 'Campaign 999 does not exist for this app');
    expect(errorText(missing, 'ru')).toBe(errorTexts.ru.campaign_not_found);
    expect(errorText(missing, 'ru')).toMatch(CYRILLIC);
    expect(errorText(new ApiRequestError(0, 'network', 'The server cannot be reached'), 'ru')).toMatch(CYRILLIC);
    expect(errorText(new ApiRequestError(500, 'some_new_code', 'Boom'), 'ru')).toBe(errorTexts.ru.generic);
    expect(errorText(new TypeError('x is undefined'), 'en')).toBe(errorTexts.en.generic);
    expect(errorText(new ApiRequestError(500, 'constructor', 'Boom'), 'ru')).toBe(errorTexts.ru.generic);
    expect(errorText(missing, 'en')).not.toContain('999');
    // The catalogue's codes a participant meets through a shared link to an offer that ended (found from outside).
    const ended = new ApiRequestError(404, 'offer_not_found', 'This offer has ended or does not exist');
    expect(errorText(ended, 'ru')).toBe('Это предложение закончилось или его нет.');
    expect(errorText(ended, 'en')).toBe('This offer has ended or does not exist.');
  });

  it('item 13: every string has both languages; English has no Cyrillic, Russian UI text is Russian', () => {
    expect(Object.keys(errorTexts.en).sort()).toEqual(Object.keys(errorTexts.ru).sort());
    for (const text of [...Object.values(errorTexts.en), ...Object.values(promoEn)]) expect(text).not.toMatch(CYRILLIC);
    for (const text of Object.values(errorTexts.ru)) expect(text).toMatch(CYRILLIC);
    for (const forms of Object.values(promoPlurals.en))
      for (const f of Object.values(forms)) expect(f).not.toMatch(CYRILLIC);
    expect(Object.keys(promoEn).sort()).toEqual(Object.keys(promoRu).sort());
  });
});
