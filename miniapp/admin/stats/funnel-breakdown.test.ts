import { describe, expect, it } from 'vitest';
import { breakdownEn, breakdownRu } from '../i18n-breakdown.ts';
import { type BreakdownGroup, breakdownByOf, groupText, rankGroups, reportPath } from './funnel-breakdown.ts';

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
});
