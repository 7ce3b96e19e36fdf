import { afterEach, describe, expect, it, vi } from 'vitest';

const originals = {
  DateTimeFormat: Intl.DateTimeFormat,
  NumberFormat: Intl.NumberFormat,
  PluralRules: Intl.PluralRules,
};

/** Counts `new Intl[name](…)` from now on (the real constructor still answers). */
function countConstructions(name: keyof typeof originals): { count: number } {
  const counter = { count: 0 };
  const Real = originals[name];
  (Intl as Record<string, unknown>)[name] = new Proxy(Real, {
    construct(target, args, newTarget) {
      counter.count++;
      return Reflect.construct(target, args, newTarget === Intl[name] ? target : newTarget);
    },
  });
  return counter;
}

afterEach(() => {
  Object.assign(Intl, originals);
  vi.resetModules();
});

const ZONES = ['Europe/Moscow', 'Asia/Vladivostok', 'UTC'];
const MOMENTS = [Date.UTC(2026, 0, 1, 20, 30), Date.UTC(2026, 2, 8, 23, 59), Date.UTC(2026, 11, 31, 12)];

describe('Intl formatters of the first screen', () => {
  it('item 12: formatDate and formatDateTime give the strings a fresh formatter gives, in every language and zone', async () => {
    const { formatDate, formatDateTime } = await import('./i18n.ts');
    for (const language of ['ru', 'en'] as const) {
      const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
      for (const timeZone of ZONES) {
        for (const ms of MOMENTS) {
          // Twice each, so the second answer comes from the shared formatter.
          for (let i = 0; i < 2; i++) {
            expect(formatDate(ms, language, timeZone)).toBe(
              new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone }).format(ms),
            );
            const withTime = { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone } as const;
            expect(formatDateTime(ms, language, timeZone)).toBe(new Intl.DateTimeFormat(locale, withTime).format(ms));
          }
        }
      }
    }
    // The zone matters: the same moment is another day in Vladivostok than in Moscow.
    expect(formatDate(MOMENTS[0] as number, 'en', 'Asia/Vladivostok')).toBe('2 January');
    expect(formatDate(MOMENTS[0] as number, 'en', 'Europe/Moscow')).toBe('1 January');
  });

  it('item 12: formatLocalDate gives what ICU gives for a day and a month, every month in both languages', async () => {
    const { formatLocalDate } = await import('./i18n.ts');
    for (const language of ['ru', 'en'] as const) {
      const icu = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      });
      for (let month = 0; month < 12; month++) {
        for (const day of [1, 9, 28]) {
          const iso = `2026-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(formatLocalDate(iso, language)).toBe(icu.format(Date.UTC(2026, month, day)));
        }
      }
    }
    expect(formatLocalDate('2026-03-05', 'ru')).toBe('5 марта');
  });

  it('item 12: a list of campaign subtitles makes no Intl date formatter (the first screen loads no ICU: decision 037)', async () => {
    const { campaignSubtitle } = await import('./screens/CampaignBadge.tsx');
    const { messages } = await import('./i18n.ts');
    const made = countConstructions('DateTimeFormat');
    const campaign = (id: number, phase: 'running' | 'not_started') =>
      ({ id, mechanic: 'tasks', phase, endsOn: '2026-03-09', startsOn: '2026-02-01' }) as Parameters<
        typeof campaignSubtitle
      >[0];
    for (let id = 0; id < 30; id++)
      campaignSubtitle(campaign(id, id % 2 ? 'running' : 'not_started'), messages.ru, 'ru');
    expect(made.count).toBe(0);
    expect(campaignSubtitle(campaign(1, 'running'), messages.en, 'en')).toBe('Tasks · until 9 March');
    expect(campaignSubtitle(campaign(2, 'not_started'), messages.ru, 'ru')).toBe('Задания · начало 1 февраля');
  });

  it('item 12: loading the strings module makes no Intl object; plural rules are made on first use', async () => {
    const rules = countConstructions('PluralRules');
    const dates = countConstructions('DateTimeFormat');
    const { plural } = await import('./i18n.ts');
    expect(rules.count).toBe(0);
    expect(dates.count).toBe(0);
    expect(plural('ru', 5, { one: '{n} балл', few: '{n} балла', many: '{n} баллов', other: '{n} балла' })).toBe(
      '5 баллов',
    );
    plural('ru', 2, { one: '{n} балл', few: '{n} балла', many: '{n} баллов', other: '{n} балла' });
    expect(rules.count).toBe(1);
  });

  it('the dashboard and the catalogue write numbers with the shared formatters: one per language and options, the same strings', async () => {
    const { formatInt, formatNumber } = await import('./admin/stats/stats-format.ts');
    const { formatDiscount, formatPrice } = await import('./screens/catalogue/catalogue-api.ts');
    const made = countConstructions('NumberFormat');
    const fresh = (language: 'ru' | 'en', options: Intl.NumberFormatOptions) =>
      new originals.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB', options);
    // A chart's ticks and a table's cells: hundreds of numbers a render.
    for (let n = 0; n < 300; n++) {
      for (const language of ['ru', 'en'] as const) {
        const v = n * 1234.567;
        expect(formatInt(v, language)).toBe(fresh(language, { maximumFractionDigits: 0 }).format(v));
        expect(formatNumber(v, language)).toBe(fresh(language, { maximumFractionDigits: 2 }).format(v));
        expect(formatDiscount(n % 100, language)).toBe(
          `−${fresh(language, { style: 'percent' }).format((n % 100) / 100)}`,
        );
        expect(formatPrice(n * 101, 'RUB', language)).toBe(
          fresh(language, { style: 'currency', currency: 'RUB' }).format((n * 101) / 100),
        );
      }
    }
    // Four kinds of number in two languages: 8 formatters, not one per number (2,400 before).
    expect(made.count).toBe(8);
    expect(formatInt(1250, 'ru')).toBe('1\u00a0250');
    expect(formatInt(1250, 'en')).toBe('1,250');
  });

  it('the calculator and the office offer list use the shared formatters: the same strings, one formatter per kind', async () => {
    const { ApiRequestError } = await import('./api/client.ts');
    const { calculatorNumber, inputErrors } = await import('./screens/calculator/calculator-fields.ts');
    const { calculatorEn, calculatorRu } = await import('./screens/calculator/i18n-calculator.ts');
    const { offerDay } = await import('./admin/catalogue-offers/offer-day.ts');
    const numbers = countConstructions('NumberFormat');
    const dates = countConstructions('DateTimeFormat');
    const refusal = new ApiRequestError(422, 'invalid_input', 'Invalid calculator inputs', {
      issues: [{ path: 'inputs.area', message: 'must be from 10 to 500' }],
    });
    const words = { ru: calculatorRu, en: calculatorEn } as const;
    // What the calculator showed before: ru-RU, and en-US for English (en-GB, the shared locale, writes numbers alike).
    const shownBefore = (language: 'ru' | 'en', digits: number) =>
      new originals.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: digits });
    for (let n = 0; n < 100; n++) {
      for (const language of ['ru', 'en'] as const) {
        const v = (n - 50) * 12_345.678_9;
        expect(calculatorNumber(v, 2, language)).toBe(shownBefore(language, 2).format(v));
        const view = {
          inputs: [{ name: 'area', kind: 'number' as const, label: 'Area', min: -v, max: v * 1000, default: null }],
          resultDigits: 2,
          lead: { policyUrl: 'https://brand.example/privacy', consentText: 'I agree', consentVersion: 'v1' },
        };
        const range = shownBefore(language, 6);
        expect(inputErrors(view, refusal, words[language], language)?.area).toBe(
          words[language].fieldRange.replace('{min}', range.format(-v)).replace('{max}', range.format(v * 1000)),
        );
        const date = `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
        expect(offerDay(date, language)).toBe(
          new originals.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
            day: 'numeric',
            month: 'short',
            year: 'numeric',
            timeZone: 'UTC',
          }).format(Date.UTC(2026, n % 12, (n % 28) + 1)),
        );
      }
    }
    // A result (2 digits) and a bound (6 digits) in two languages: 4 number formatters; a date in two: 2 (800 and 400 before).
    expect(numbers.count).toBe(4);
    expect(dates.count).toBe(2);
    expect(calculatorNumber(1234.5, 2, 'ru')).toBe('1\u00a0234,5');
    expect(calculatorNumber(1234.5, 2, 'en')).toBe('1,234.5');
    expect(offerDay('2026-06-05', 'en')).toBe('5 Jun 2026');
  });
});
