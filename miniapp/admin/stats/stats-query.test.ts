import { describe, expect, it } from 'vitest';
import { paths } from '../../routes.ts';
import { statsFilterOf } from './stats-query.ts';

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
});
