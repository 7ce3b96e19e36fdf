import { describe, expect, it } from 'vitest';
import { paths } from '../../routes.ts';
import { breakdownEn, breakdownRu } from '../i18n-breakdown.ts';
import {
  type BreakdownGroup,
  breakdownByOf,
  breakdownFilterOf,
  groupText,
  rankGroups,
  reportPath,
} from './funnel-breakdown.ts';

const group = (value: string, counts: number[]): BreakdownGroup => ({
  value,
  stages: counts.map((count, k) => ({
    stage: `s${k}`,
    count,
    pctOfFirst: 0,
    pctOfPrevious: 0,
    dropOff: 0,
    medianMsFromPrevious: null,
    meanMsFromPrevious: null,
  })),
});

describe('the funnel broken down', () => {
  it('lists the groups that brought the most people to the finish first, then the largest, then by value', () => {
    const ranked = rankGroups([
      group('(none)', [40, 10, 1]),
      group('group_menu', [5, 5, 3]),
      group('promo', [2, 0, 0]),
      group('catalog_recent', [9, 4, 3]),
      group('other', [2, 1, 0]),
    ]);
    expect(ranked.map((g) => g.value)).toEqual(['catalog_recent', 'group_menu', '(none)', 'other', 'promo']);
  });

  it('words variants, the holdout and those never messaged; sources by launch-source.ts', () => {
    expect(groupText('variant', 'A', breakdownRu, 'ru')).toBe('Вариант «A»');
    expect(groupText('variant', 'holdout', breakdownEn, 'en')).toBe('Holdout (deliberately sent nothing)');
    expect(groupText('variant', 'no_message', breakdownRu, 'ru')).toBe('Не получали сообщение этого правила');
    expect(groupText('variant', 'default', breakdownEn, 'en')).toBe('Main text');
    expect(groupText('source', 'group_menu', breakdownEn, 'en')).toBe('Community menu');
    expect(groupText('source', '(none)', breakdownRu, 'ru')).toBe('Без источника');
  });

  it('asks the report for the breakdown, the rule only with variants; reads the address leniently', () => {
    expect(reportPath(3, 'source', 7)).toBe('/api/admin/funnel/campaigns/3/report?breakdown=source&windowHours=8784');
    expect(reportPath(3, 'variant', 7)).toBe(
      '/api/admin/funnel/campaigns/3/report?breakdown=variant&windowHours=8784&ruleId=7',
    );
    expect(breakdownByOf('variant')).toBe('variant');
    expect(breakdownByOf('anything')).toBe('source');
    expect(breakdownByOf(null)).toBe('source');
  });

  it("asks for the statistics page's days (counted in its zone, as the statistics routes count them) and platform", () => {
    const week = { from: '2026-06-01', to: '2026-06-07', timeZone: 'Europe/Moscow' };
    const asked = new URL(reportPath(3, 'source', undefined, { period: week, platform: 'ok' }), 'http://x')
      .searchParams;
    // Moscow midnight of 1 June up to Moscow midnight after 7 June: [from, to).
    expect(asked.get('from')).toBe(String(Date.UTC(2026, 4, 31, 21)));
    expect(asked.get('to')).toBe(String(Date.UTC(2026, 5, 7, 21)));
    expect(asked.get('platform')).toBe('ok');
    expect(reportPath(3, 'source', undefined, {})).toBe(
      '/api/admin/funnel/campaigns/3/report?breakdown=source&windowHours=8784',
    );
  });

  it('keeps the filter in its address and reads it back; a hand-edited part is dropped, not guessed', () => {
    const filter = {
      period: { from: '2026-06-01', to: '2026-06-07', timeZone: 'Europe/Moscow' },
      platform: 'ok' as const,
    };
    const address = paths.adminFunnelBreakdown(3, 'variant', 7, filter);
    expect(address).toBe(
      '/admin/campaign/3/stats/breakdown?by=variant&rule=7&from=2026-06-01&to=2026-06-07&tz=Europe%2FMoscow&platform=ok',
    );
    expect(breakdownFilterOf(new URLSearchParams(address.split('?')[1]))).toEqual(filter);
    const read = (q: string) => breakdownFilterOf(new URLSearchParams(q));
    expect(read('')).toEqual({});
    expect(read('from=2026-06-07&to=2026-06-01&tz=UTC&platform=max')).toEqual({});
    expect(read('from=2026-02-30&to=2026-03-01&tz=UTC')).toEqual({});
    expect(read('from=2026-06-01&to=2026-06-07&tz=Mars/Olympus&platform=telegram')).toEqual({ platform: 'telegram' });
    expect(read('from=2026-06-01&tz=UTC')).toEqual({});
  });
});
