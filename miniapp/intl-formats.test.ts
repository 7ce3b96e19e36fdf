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
});
