import { describe, expect, it } from 'vitest';
import { type CampaignFacts, campaignEntry, campaignLinks } from './campaign-links.ts';
import { officeLinks } from './office-links.ts';

const campaign = (o: Partial<CampaignFacts> = {}): CampaignFacts => ({
  id: 3,
  brandId: 9,
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

  it('the campaign page links the brand’s support inbox to a member with support, apart and as the home does', () => {
    // Found from outside: a member with `support` found no way to it from the campaign's page.
    const support = { id: 'support', label: 'sectionSupportBrandWide', to: '/admin/brand/9/support', brandWide: true };
    expect(campaignLinks(campaign(), ['stats', 'support'], 'page')).toEqual([
      { id: 'stats', label: 'nav_stats', to: '/admin/campaign/3/stats' },
      support,
    ]);
    const brand = { id: 9, name: 'Brand', agencyId: 1, sections: ['support'] };
    expect(officeLinks({ brands: [brand] }, brand).find((l) => l.key === 'support')?.to).toBe(support.to);
    // The editor is for a member with `campaigns`, whose home links support: its list stays the campaign's own.
    expect(ids(campaign(), ['campaigns', 'support'], 'editor')).not.toContain('support');
  });

  it('tapping a campaign: the editor with campaigns, its sections page with any section it links, else nothing', () => {
    expect(campaignEntry(campaign(), ['campaigns'])).toBe('/admin/campaign/3');
    expect(campaignEntry(campaign(), ['campaigns', 'prizes'])).toBe('/admin/campaign/3');
    expect(campaignEntry(campaign(), ['prizes'])).toBe('/admin/campaign/3/sections');
    expect(campaignEntry(campaign(), ['stats'])).toBe('/admin/campaign/3/sections');
    // Leads come only from a calculator; support and team are the brand's, linked from the office home.
    expect(campaignEntry(campaign(), ['leads'])).toBeUndefined();
    expect(campaignEntry(campaign({ mechanic: 'calculator' }), ['leads'])).toBe('/admin/campaign/3/sections');
    // Found from outside: a member with support alone tapped a campaign and nothing happened. Its page links the
    // brand's inbox (the only section of theirs a campaign has); team alone is no campaign's.
    expect(campaignEntry(campaign(), ['support'])).toBe('/admin/campaign/3/sections');
    expect(campaignEntry(campaign(), ['support', 'team'])).toBe('/admin/campaign/3/sections');
    expect(campaignEntry(campaign(), ['team'])).toBeUndefined();
    expect(campaignEntry(campaign(), [])).toBeUndefined();
    expect(campaignEntry(campaign(), ['support', 'stats'])).toBe('/admin/campaign/3/sections');
  });
});
