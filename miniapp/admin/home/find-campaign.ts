/**
 * Where a campaign is among the member's brands and what they may open of it, for a member who may lack `campaigns`:
 * the campaign's sections page draws it, and the editor, refused a campaign (403), sends such a member there.
 */
import type { ApiClient } from '../../api/client.ts';
import { drawOfficeApi } from '../draw/draw-office-api.ts';
import type { CampaignListItem, Office, OfficeApi } from '../office-api.ts';
import { type CampaignLink, campaignLinks } from './campaign-links.ts';

export type Found =
  | { kind: 'editor' }
  | { kind: 'page'; campaign: CampaignListItem; links: CampaignLink[] }
  | { kind: 'none' };

/**
 * Which of the member's brands holds the campaign, and what they may open of it. Read from the brands' campaign
 * lists, which any member may read: the campaign's own document needs `campaigns`, the right this member may lack.
 */
export async function findCampaign(
  calls: OfficeApi,
  api: ApiClient,
  office: Office,
  id: number,
  workingBrandId: number | undefined,
): Promise<Found> {
  // Almost always the brand being worked on: asked first, the others only when it is not there.
  const brands = [...office.brands].sort((a, b) => Number(b.id === workingBrandId) - Number(a.id === workingBrandId));
  for (const brand of brands) {
    const campaign = (await calls.campaigns(brand.id)).find((c) => c.id === id);
    if (!campaign) continue;
    if (brand.sections.includes('campaigns')) return { kind: 'editor' };
    // Whether there is a draw is in the campaign's settings, which need `campaigns`; the draw screen's own answer
    // (`prizes`) says it too: `none` when the campaign has no draw.
    const hasDraw = brand.sections.includes('prizes') && (await drawOfficeApi(api, id).view()).status !== 'none';
    const links = campaignLinks({ ...campaign, brandId: brand.id, hasDraw }, brand.sections, 'page');
    return { kind: 'page', campaign, links };
  }
  return { kind: 'none' };
}
