/**
 * The stats office's pure parts: the CSV is asked at the page's own address (same measure, scope and filter) plus
 * `format=csv`, so the file holds the page's numbers; both languages have every string with the same placeholders;
 * the key numbers are written in the unit they are measured in.
 */
import { describe, expect, it } from 'vitest';
import { STATS_MEASURES } from '../../../server/stats/stats.schemas.ts';
import { OFFICE_PANELS, PANELS } from '../../routes.ts';
import { statsEn, statsRu } from '../i18n-stats.ts';
import { COUNT_INCREMENTS, DAY_INCREMENTS, dayRange, daySplits, dayTicks, valueTicks, yRange } from './chart-scale.ts';
import { csvFileName, fetchMeasure, measureCsv, type StatsFilter, statsPath } from './stats-api.ts';
import { formatKpi, funnelStageSubtitle, screenName } from './stats-format.ts';
import { shownPeriod } from './stats-period.ts';

function recordingApi() {
  const asked: string[] = [];
  return {
    asked,
    request: async <T>(_method: string, path: string) => {
      asked.push(path);
      return {} as T;
    },
    download: async (path: string) => {
      asked.push(path);
      return new Blob([]);
    },
  };
}

describe('stats office', () => {
  it('item 2: every measure’s CSV is the JSON address of the same scope and filter plus format=csv', async () => {
    const filter: StatsFilter = { from: '2026-06-01', to: '2026-06-30', platform: 'ok' };
    for (const scope of [
      { kind: 'campaign', id: 7 },
      { kind: 'brand', id: 3 },
    ] as const) {
      for (const measure of STATS_MEASURES) {
        const api = recordingApi();
        await fetchMeasure(api, scope, measure, filter);
        const [json] = api.asked.map((p) => new URL(p, 'http://x'));
        const csv = new URL(measureCsv(scope, measure, filter, 'ru', 'f.csv').csvPath, 'http://x');
        expect(json?.pathname).toBe(`/api/admin/stats/${scope.kind}s/${scope.id}/${measure}`);
        expect(csv?.pathname).toBe(json?.pathname);
        expect(Object.fromEntries(json?.searchParams ?? [])).toEqual(filter);
        expect(Object.fromEntries(csv?.searchParams ?? [])).toEqual({ ...filter, format: 'csv' });
      }
    }
    // No filter chosen yet: the server's defaults, and no empty parameters that it would refuse.
    expect(statsPath({ kind: 'campaign', id: 1 }, 'funnel', {})).toBe('/api/admin/stats/campaigns/1/funnel');
    expect(csvFileName({ kind: 'brand', id: 2 }, 'retention', { from: '2026-06-01', to: '2026-06-30' })).toBe(
      'stats-brand-2-retention-2026-06-01-2026-06-30.csv',
    );
  });

  it('item 2: the stats strings exist in Russian and English with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(statsEn).sort()).toEqual(Object.keys(statsRu).sort());
    for (const key of Object.keys(statsRu) as (keyof typeof statsRu)[]) {
      expect(statsEn[key], key).not.toBe('');
      expect(placeholders(statsEn[key]), key).toEqual(placeholders(statsRu[key]));
    }
  });

  it('item 2: key numbers are written in their unit: durations, shares, decimals, counts', () => {
    expect(formatKpi('median_session_ms', 258_000, statsEn, 'en')).toBe('4.3 min');
    expect(formatKpi('median_session_ms', 42_000, statsRu, 'ru')).toBe('42 с');
    expect(formatKpi('error_rate', 0.057, statsEn, 'en')).toBe('5.7%');
    expect(formatKpi('sessions_per_user', 1.9, statsEn, 'en')).toBe('1.9');
    expect(formatKpi('sessions', 12345, statsEn, 'en')).toBe('12,345');
  });
  it('a funnel no one has entered yet shows no "0 % of the first stage" on its stages', () => {
    const stage = (name: string, count: number, pctOfFirst: number) => ({
      stage: name,
      count,
      pctOfFirst,
      pctOfPrevious: pctOfFirst,
      dropOff: 0,
      medianMsFromPrevious: null,
      meanMsFromPrevious: null,
    });
    const empty = [stage('opened', 0, 0), stage('task_done', 0, 0)];
    expect(funnelStageSubtitle(empty, 0, statsRu, 'ru')).toBe('');
    expect(funnelStageSubtitle(empty, 1, statsRu, 'ru')).toBe('Отвалились: 0');
    const entered = [stage('opened', 4, 100), stage('task_done', 1, 25)];
    expect(funnelStageSubtitle(entered, 0, statsEn, 'en')).toBe('100% of the first stage');
    expect(funnelStageSubtitle(entered, 1, statsEn, 'en')).toBe('25% of the first stage · Dropped off: 0');
  });
});

describe('the period label', () => {
  const answered = { from: '2026-11-05', to: '2026-12-04', timeZone: 'Europe/Moscow' };

  it('names the days asked, not the last ones answered: a failed new period never sits under the old days', () => {
    // Found from outside: the new week's requests failed and the label kept the 30 days answered before.
    expect(shownPeriod({ from: '2026-11-28', to: '2026-12-04' }, answered)).toEqual({
      from: '2026-11-28',
      to: '2026-12-04',
      timeZone: 'Europe/Moscow',
    });
    // Only the platform changed: the same days, the server's own.
    expect(shownPeriod({ platform: 'ok' }, answered)).toEqual(answered);
    // No answer yet: no zone to name.
    expect(shownPeriod({ from: '2026-11-28', to: '2026-12-04' }, undefined)).toBeUndefined();
  });
});

describe('screen names', () => {
  it("every participant screen the app's telemetry records is named in both languages; an unknown one reads as recorded", () => {
    const participantPanels = Object.values(PANELS).filter((p) => !OFFICE_PANELS.has(p));
    expect(participantPanels.length).toBeGreaterThan(10);
    for (const panel of [...participantPanels, '(none)']) {
      expect(screenName(panel, statsRu), panel).not.toBe(panel);
      expect(screenName(panel, statsEn), panel).not.toBe(panel);
    }
    expect(screenName('prizes', statsRu)).toBe('Мои призы');
    expect(screenName('constructor', statsEn)).toBe('constructor');
    expect(screenName('panel_of_tomorrow', statsEn)).toBe('panel_of_tomorrow');
  });
});

describe('chart axes', () => {
  it('an empty chart still has a readable axis: counts to 1, shares to 1 % (not 1e-9)', () => {
    expect(yRange(0, false)).toEqual([0, 1.1]);
    expect(yRange(null, false)).toEqual([0, 1.1]);
    expect(yRange(0, true)[1]).toBeCloseTo(0.011);
    expect(yRange(240, false)).toEqual([0, 264]);
    expect(yRange(0.3, true)[1]).toBeCloseTo(0.33);
  });

  it('counts tick in whole steps only', () => {
    expect(COUNT_INCREMENTS.slice(0, 6)).toEqual([1, 2, 5, 10, 20, 50]);
    expect(COUNT_INCREMENTS.every((step) => Number.isInteger(step))).toBe(true);
  });

  it("days read in the member's language, not uPlot's US month/day", () => {
    const nov4 = Date.parse('2026-11-04T12:00:00Z') / 1000;
    expect(dayTicks('ru')([nov4])).toEqual(['4 нояб.']);
    expect(dayTicks('en')([nov4])).toEqual(['4 Nov']);
  });

  it("the value axis writes numbers as the office's language does, as the figures beside the chart do", () => {
    // Red before: `String(v)` and `${v * 100}%`: "10000" and "12.5%" in a Russian office, whose figures read "10 000"
    // and "12,5 %" beside it.
    const norm = (labels: string[]) => labels.map((l) => l.replace(/[\u00a0\u202f]/g, ' '));
    expect(norm(valueTicks('ru', false)([0, 5000, 10000]))).toEqual(['0', '5 000', '10 000']);
    expect(valueTicks('en', false)([0, 5000, 10000])).toEqual(['0', '5,000', '10,000']);
    expect(norm(valueTicks('ru', true)([0, 0.125, 0.25]))).toEqual(['0 %', '12,5 %', '25 %']);
    expect(valueTicks('en', true)([0, 0.125, 0.25])).toEqual(['0%', '12.5%', '25%']);
  });

  it('the time axis ticks whole days, and a one-day period spans that day', () => {
    expect(DAY_INCREMENTS.every((step) => step % 86_400 === 0)).toBe(true);
    const dec2 = Date.parse('2026-12-02T12:00:00Z') / 1000;
    expect(dayRange(dec2, dec2).map((s) => new Date(s * 1000).toISOString())).toEqual([
      '2026-12-02T00:00:00.000Z',
      '2026-12-03T00:00:00.000Z',
    ]);
    // Ticks sit on the days (their midday), every step from the first.
    const week = [0, 1, 2, 3, 4, 5, 6].map((d) => dec2 + d * 86_400);
    expect(daySplits(week, dayRange(week[0] ?? 0, week[6] ?? 0)[1], 2 * 86_400)).toEqual([
      dec2,
      dec2 + 2 * 86_400,
      dec2 + 4 * 86_400,
      dec2 + 6 * 86_400,
    ]);
  });
});
