/**
 * One way to write a percentage across the office. Red before: the wheel's chance read «шанс 12,5%», the summary's
 * change «+12,5%» and the funnel «25% от первого этапа», while the statistics' shares beside them read «12,5 %»
 * (Intl's Russian percent, a no-break space before the sign).
 */
import { describe, expect, it } from 'vitest';
import { fill } from '../i18n-fill.ts';
import { sectorChance } from './editor/sections/wheel-chance.ts';
import { officeEn, officeRu } from './i18n-office.ts';
import { statsEn, statsRu } from './i18n-stats.ts';
import { percentText } from './percent-text.ts';
import { formatChange, formatShare, funnelStageSubtitle } from './stats/stats-format.ts';

const NBSP = '\u00a0';
const stages = [
  {
    stage: 'opened',
    count: 8,
    pctOfFirst: 100,
    pctOfPrevious: 100,
    dropOff: 0,
    medianMsFromPrevious: null,
    meanMsFromPrevious: null,
  },
  {
    stage: 'joined',
    count: 1,
    pctOfFirst: 12.5,
    pctOfPrevious: 12.5,
    dropOff: 7,
    medianMsFromPrevious: null,
    meanMsFromPrevious: null,
  },
];

describe("the office's percentages", () => {
  it('are Intl\'s for the language everywhere: «12,5 %» in Russian, "12.5%" in English', () => {
    expect(percentText(0.125, 'ru')).toBe(`12,5${NBSP}%`);
    expect(percentText(0.125, 'en')).toBe('12.5%');
    expect(formatShare(0.125, 'ru')).toBe(percentText(0.125, 'ru'));
    expect(fill(officeRu.chance, { p: sectorChance(1, 8, 'ru') })).toBe(`шанс 12,5${NBSP}%`);
    expect(fill(officeEn.chance, { p: sectorChance(1, 8, 'en') })).toBe('12.5% chance');
    expect(formatChange(12.5, 'ru')).toBe(`+12,5${NBSP}%`);
    expect(formatChange(-3, 'en')).toBe('−3%');
    expect(formatChange(0, 'ru')).toBe(`±0${NBSP}%`);
    expect(funnelStageSubtitle(stages, 1, statsRu, 'ru')).toMatch(new RegExp(`^12,5${NBSP}% `));
    expect(funnelStageSubtitle(stages, 1, statsEn, 'en')).toMatch(/^12\.5% of the first stage/);
  });
});
