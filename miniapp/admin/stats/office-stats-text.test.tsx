/**
 * The statistics read on a phone (found from outside): days written in words like the rest of the office, never moved
 * by the reader's time zone; the period lines wrap; the funnel's labels fit their bars; the Russian strings agree.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppServices } from '../../app-context.ts';
import { statsEn, statsRu } from '../i18n-stats.ts';
import { categoryAxis } from './category-axis.ts';
import { RetentionCharts } from './RetentionSection.tsx';
import { SummaryCards } from './SummarySection.tsx';
import type { StatsResponse } from './stats-api.ts';
import { dayText } from './stats-format.ts';

const IN_2026 = Date.UTC(2026, 5, 15);
const norm = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

function render(language: 'ru' | 'en', node: React.ReactNode): string {
  const app = { language } as AppServices;
  return norm(renderToStaticMarkup(<AppContext.Provider value={app}>{node}</AppContext.Provider>));
}

describe('statistics days in words', () => {
  it('a day reads "1 декабря" / "1 December", with the year only when it is not this year', () => {
    expect(dayText('2026-12-01', 'ru', { now: IN_2026 })).toBe('1 декабря');
    expect(dayText('2026-12-01', 'en', { now: IN_2026 })).toBe('1 December');
    expect(norm(dayText('2025-12-31', 'ru', { now: IN_2026 }))).toBe('31 декабря 2025 г.');
    expect(dayText('2025-12-31', 'en', { now: IN_2026 })).toBe('31 December 2025');
    expect(dayText('2026-11-04', 'ru', { now: IN_2026, short: true })).toBe('4 нояб.');
    expect(dayText('2026-11-04', 'en', { now: IN_2026, short: true })).toBe('4 Nov');
    // Not a day: shown as it came rather than "Invalid Date".
    expect(dayText('soon', 'en')).toBe('soon');
  });

  it("a campaign's day stays that day whatever the reader's time zone", () => {
    // The formatter is built with timeZone UTC and fed the day's midday in UTC: the process zone cannot move it.
    const before = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Vladivostok', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        expect(dayText('2026-03-01', 'en', { now: IN_2026 }), tz).toBe('1 March');
        expect(dayText('2026-12-31', 'ru', { now: IN_2026 }), tz).toBe('31 декабря');
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('the comparison line names the previous period in words (ru "с периодом", instrumental)', () => {
    const data = {
      range: { from: '2026-11-05', to: '2026-12-04', timeZone: 'Europe/Moscow' },
      previousRange: { from: '2026-10-06', to: '2026-11-04' },
      kpis: [],
    } as unknown as StatsResponse<'summary'>;
    const ru = render('ru', <SummaryCards data={data} />);
    expect(ru).not.toMatch(/\d{4}-\d{2}-\d{2}</);
    expect(ru).toContain(`Сравнение с периодом ${dayText('2026-10-06', 'ru')} — ${dayText('2026-11-04', 'ru')}`);
    const en = render('en', <SummaryCards data={data} />);
    expect(en).toContain(`Compared with the period ${dayText('2026-10-06', 'en')} — ${dayText('2026-11-04', 'en')}`);
  });

  it("the retention table's cohorts are days in words, the ISO day kept as the <time> element's datetime", () => {
    const data = {
      cohorts: [{ day: '2026-11-04', size: 3, d1: { users: 1, rate: 1 / 3 }, d7: null, d30: null }],
      overall: { d1: { users: 1, rate: 1 / 3 }, d7: null, d30: null },
    } as unknown as StatsResponse<'retention'>;
    const html = render('ru', <RetentionCharts data={data} />);
    expect(html).toContain(`<time dateTime="2026-11-04">${dayText('2026-11-04', 'ru', { short: true })}</time>`);
    expect(html).not.toContain('>2026-11-04<');
  });
});

describe('the Russian statistics strings', () => {
  it('"compared with" takes the period in the instrumental, in step with English', () => {
    expect(statsRu.previous).toBe('Сравнение с периодом {from} — {to}');
    expect(statsEn.previous).toBe('Compared with the period {from} — {to}');
    // A campaign's statistics: the genitive singular, as it was.
    expect(statsRu.campaignTitle).toBe('Статистика кампании');
  });
});

describe("the funnel's category labels", () => {
  // About 7 px a character: the office's 12-px font.
  const measure = (text: string) => text.length * 7;
  const funnelRu = ['Открыли акцию', 'Выполнили задание', 'Крутили колесо', 'Получили награду'];

  it('on a wide plot, one line each', () => {
    const axis = categoryAxis(funnelRu, 1200, measure, 12);
    expect(axis).toEqual({ values: funnelRu, rotate: 0, size: 23 });
  });

  it('on a 390-px phone, wrapped into lines that fit their slot, and the axis as tall as the lines', () => {
    const axis = categoryAxis(funnelRu, 318, measure, 12);
    expect(axis.rotate).toBe(0);
    expect(axis.values).toEqual(['Открыли\nакцию', 'Выполнили\nзадание', 'Крутили\nколесо', 'Получили\nнаграду']);
    const slot = 318 / funnelRu.length;
    for (const value of axis.values) for (const line of value.split('\n')) expect(measure(line)).toBeLessThan(slot);
    expect(axis.size).toBe(5 + 2 * 18);
  });

  it('when a word alone is wider than its slot, every label reads upwards, cut past 96 px, the axis as tall as the longest', () => {
    const narrow = (text: string) => text.length * 6;
    const many = [
      'Открыли акцию',
      'Присоединились',
      'Начали задание',
      'Выполнили задание',
      'Оставили заявку на кредит',
    ];
    const axis = categoryAxis(many, 318, narrow, 12);
    expect(axis.rotate).toBe(90);
    expect(axis.values.slice(0, 2)).toEqual(['Открыли акцию', 'Присоединились']);
    expect(axis.values[4]).toBe('Оставили заявку…');
    expect(axis.values.every((v) => narrow(v) <= 96)).toBe(true);
    expect(axis.size).toBe(5 + 96 + 6);
  });

  it('with slots thinner than a line, every other label only', () => {
    const labels = Array.from({ length: 30 }, (_, i) => `Stage ${i}`);
    const axis = categoryAxis(labels, 300, measure, 12);
    expect(axis.rotate).toBe(90);
    expect(axis.values.filter(Boolean)).toHaveLength(15);
    expect(axis.values[1]).toBe('');
  });
});
