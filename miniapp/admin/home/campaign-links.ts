/**
 * A campaign's office sections and the right each needs on its brand (server/auth/sections.ts; the server checks the
 * same right on every call, so these links only spare a member screens that would refuse them). One list for the
 * editor's "Campaign sections" and for the campaign page of a member who may not open the editor (no `campaigns`
 * right): both must offer the same sections under the same rights. The page also links the brand-wide sections a
 * campaign has none of its own of (support), marked so, as that page is such a member's way into their sections.
 */
import { paths } from '../../routes.ts';
import type { OfficeMessages } from '../i18n-office.ts';
import type { CampaignStatus, Mechanic } from '../office-api.ts';

/** What the links depend on: read from the editor's document, or from the office list for a member who may not. */
export interface CampaignFacts {
  id: number;
  /** The campaign's brand: where its brand-wide sections open. */
  brandId: number;
  mechanic: Mechanic;
  status: CampaignStatus;
  /** Whether the campaign has a draw to run (the draw template's `settings.draw`). */
  hasDraw: boolean;
}

export interface CampaignLink {
  id: string;
  label: keyof OfficeMessages;
  to: string;
  /** The brand's section, not this campaign's: shown apart and worded so (support covers every campaign). */
  brandWide?: true;
}

/**
 * `editor`: the sections the editor has always linked. `page`: also the campaign's mailings and statistics, which a
 * member who edits reaches from the brand's own sections, but a member who may not edit would otherwise have to pick
 * the campaign a second time there; and the brand's support inbox (there is no campaign's own), the office home's link.
 */
export function campaignLinks(c: CampaignFacts, sections: readonly string[], where: 'editor' | 'page'): CampaignLink[] {
  const has = (section: string) => sections.includes(section);
  const instantWin = c.mechanic === 'wheel' || c.mechanic === 'code';
  const links: (CampaignLink & { show: boolean })[] = [
    { show: has('prizes'), label: 'sectionPools', to: paths.adminPools(c.id), id: 'pools' },
    {
      show: has('campaigns') && c.mechanic === 'calculator',
      label: 'sectionCalculator',
      to: paths.adminCalculator(c.id),
      id: 'calculator',
    },
    // Only a calculator's lead form makes leads.
    {
      show: has('leads') && c.mechanic === 'calculator',
      label: 'sectionLeads',
      to: paths.adminLeads(c.id),
      id: 'leads',
    },
    // Any mechanic may carry a catalogue of offers (server/catalogue/); its first upload is how it gets one.
    { show: has('campaigns'), label: 'sectionOffers', to: paths.adminOffers(c.id), id: 'offers' },
    {
      show: has('campaigns') && (c.status === 'draft' || c.status === 'scheduled'),
      label: 'sectionBeta',
      to: paths.adminBeta(c.id),
      id: 'beta',
    },
    { show: has('prizes') && instantWin, label: 'sectionCalendar', to: paths.adminCalendar(c.id), id: 'calendar' },
    // Only a campaign with a draw in its settings has one to run; any other's draw screen would only say there is none.
    { show: has('prizes') && c.hasDraw, label: 'sectionDraw', to: paths.adminDraw(c.id), id: 'draw' },
    { show: where === 'page' && has('mailings'), label: 'nav_mailings', to: paths.adminMailings(c.id), id: 'mailings' },
    { show: where === 'page' && has('stats'), label: 'nav_stats', to: paths.adminCampaignStats(c.id), id: 'stats' },
    {
      show: where === 'page' && has('support'),
      label: 'sectionSupportBrandWide',
      to: paths.adminSupport(c.brandId),
      id: 'support',
      brandWide: true,
    },
  ];
  return links.filter((l) => l.show).map(({ show: _, ...l }) => l);
}

/**
 * Where tapping a campaign in the office list leads: the editor for a member with `campaigns` (as it always has),
 * else the campaign's page of the sections they hold, brand-wide ones included, or nowhere when they hold none.
 */
export function campaignEntry(c: Omit<CampaignFacts, 'hasDraw'>, sections: readonly string[]): string | undefined {
  if (sections.includes('campaigns')) return paths.adminCampaign(c.id);
  // The draw is not known from the list; it never decides alone, as `prizes` always links the code pools. A brand-wide
  // section alone does: a `support` member's requests are about the campaigns they tap, and a tap that did nothing
  // was a dead end to them (found from outside), though the office home links the inbox too.
  return campaignLinks({ ...c, hasDraw: false }, sections, 'page').length > 0
    ? paths.adminCampaignSections(c.id)
    : undefined;
}
