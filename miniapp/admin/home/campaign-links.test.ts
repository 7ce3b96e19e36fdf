import { describe, expect, it } from 'vitest';
import { type CampaignFacts, campaignEntry, campaignLinks } from './campaign-links.ts';

const campaign = (o: Partial<CampaignFacts> = {}): CampaignFacts => ({
  id: 3,
  mechanic: 'tasks',
  status: 'live',
  hasDraw: false,
  ...o,
});
const ids = (c: CampaignFacts, sections: string[], where: 'editor' | 'page') =>
  campaignLinks(c, sections, where).map((l) => l.id);

describe('a campaign’s office sections', () => {
  it('a prizes-only member: the code pools, the calendar of an instant win, the draw of a campaign with one', () => {
    expect(ids(campaign(), ['prizes'], 'page')).toEqual(['pools']);
    expect(ids(campaign({ mechanic: 'wheel' }), ['prizes'], 'page')).toEqual(['pools', 'calendar']);
    expect(ids(campaign({ hasDraw: true }), ['prizes'], 'page')).toEqual(['pools', 'draw']);
    expect(campaignLinks(campaign(), ['prizes'], 'page')).toEqual([
      { id: 'pools', label: 'sectionPools', to: '/admin/campaign/3/pools' },
    ]);
  });

  it('the campaign page adds its mailings and statistics; the editor keeps the list it always had', () => {
    const everything = ['campaigns', 'prizes', 'mailings', 'stats', 'support', 'team', 'leads'];
    const calculator = campaign({ mechanic: 'calculator', status: 'draft' });
    expect(ids(calculator, everything, 'editor')).toEqual(['pools', 'calculator', 'leads', 'offers', 'beta']);
    expect(ids(campaign({ mechanic: 'code', hasDraw: true }), everything, 'editor')).toEqual([
      'pools',
      'offers',
      'calendar',
      'draw',
    ]);
    expect(ids(calculator, ['mailings', 'stats', 'leads'], 'page')).toEqual(['leads', 'mailings', 'stats']);
    expect(ids(calculator, ['mailings', 'stats', 'leads'], 'editor')).toEqual(['leads']);
  });

  it('tapping a campaign: the editor with campaigns, its sections page with any of its sections, else nothing', () => {
    expect(campaignEntry(campaign(), ['campaigns'])).toBe('/admin/campaign/3');
    expect(campaignEntry(campaign(), ['campaigns', 'prizes'])).toBe('/admin/campaign/3');
    expect(campaignEntry(campaign(), ['prizes'])).toBe('/admin/campaign/3/sections');
    expect(campaignEntry(campaign(), ['stats'])).toBe('/admin/campaign/3/sections');
    // Leads come only from a calculator; support and team are the brand's, linked from the office home.
    expect(campaignEntry(campaign(), ['leads'])).toBeUndefined();
    expect(campaignEntry(campaign({ mechanic: 'calculator' }), ['leads'])).toBe('/admin/campaign/3/sections');
    expect(campaignEntry(campaign(), ['support', 'team'])).toBeUndefined();
  });
});
