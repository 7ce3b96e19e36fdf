import { describe, expect, it } from 'vitest';
import { MAX_RANGE_DAYS as SERVERS_BOUND } from '../../../server/stats/stats-bounds.ts';
import { resolveRange } from '../../../server/stats/stats-range.ts';
import { paths } from '../../routes.ts';
import { dayPlus, isStatsRange, MAX_RANGE_DAYS, statsFilterOf } from './stats-query.ts';

const read = (query: string) => statsFilterOf(new URLSearchParams(query));

describe("the statistics page's filter in its address", () => {
  it('reads back what paths writes, for a campaign and a brand', () => {
    const filter = { from: '2026-12-01', to: '2026-12-07', platform: 'ok' } as const;
    for (const path of [paths.adminCampaignStats(3, filter), paths.adminBrandStats(5, filter)]) {
      expect(read(path.split('?')[1] ?? '')).toEqual(filter);
    }
    expect(paths.adminCampaignStats(3)).toBe('/admin/campaign/3/stats');
    expect(paths.adminBrandStats(5, { from: '2026-12-01' })).toBe('/admin/brand/5/stats');
  });

  it('reads anything it cannot mean as the default: reversed days, one day, no calendar day, an unknown platform', () => {
    expect(read('from=2026-12-07&to=2026-12-01')).toEqual({});
    expect(read('from=2026-12-01')).toEqual({});
    expect(read('from=2026-02-30&to=2026-03-01')).toEqual({});
    expect(read('from=banana&to=2026-12-01&platform=icq')).toEqual({});
    expect(read('platform=telegram&from=2026-12-01&to=2026-12-01')).toEqual({
      from: '2026-12-01',
      to: '2026-12-01',
      platform: 'telegram',
    });
  });

  it("reads a period longer than the server counts as the default, keeping the platform; the server's longest is read", () => {
    expect(MAX_RANGE_DAYS).toBe(SERVERS_BOUND);
    const longest = { from: '2025-12-01', to: dayPlus('2025-12-01', MAX_RANGE_DAYS - 1) };
    expect(read(`from=${longest.from}&to=${longest.to}`)).toEqual(longest);
    expect(read(`from=2025-12-01&to=${dayPlus('2025-12-01', MAX_RANGE_DAYS)}&platform=ok`)).toEqual({ platform: 'ok' });
    expect(read('from=2000-01-01&to=2026-12-07')).toEqual({});
  });

  it('agrees with the server on every length around the bound: what it reads, the server counts; what it drops, refused', () => {
    const from = '2026-01-01';
    for (const days of [1, MAX_RANGE_DAYS - 1, MAX_RANGE_DAYS, MAX_RANGE_DAYS + 1, MAX_RANGE_DAYS + 30]) {
      const to = dayPlus(from, days - 1);
      const counted = (() => {
        try {
          return resolveRange({ from, to }, 'Europe/Moscow', Date.now()).days === days;
        } catch {
          return false;
        }
      })();
      expect(isStatsRange(from, to), `${days} days`).toBe(counted);
    }
  });
});
