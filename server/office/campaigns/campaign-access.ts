/**
 * @module Which campaign an office request may touch. A campaign that does not exist and one of a brand the caller has
 * no membership for get the same 404, so the office reveals nothing about other brands; a member of the brand
 * without the needed section gets 403 `forbidden`.
 */
import { eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { findPermission } from '../../auth/permissions.ts';
import { BRAND_SECTIONS, type Section } from '../../auth/sections.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';

export const campaignNotFound = (id: number) =>
  new ApiError(404, 'campaign_not_found', `Campaign ${id} does not exist in your brands`);

/** Whether any membership of the caller covers this brand (whatever its sections). */
async function isMemberOf(db: Db, identity: Identity, brandId: number): Promise<boolean> {
  for (const section of BRAND_SECTIONS) if (await findPermission(db, identity, brandId, section)) return true;
  return false;
}

/**
 * The campaign, if the caller may use `section` of its brand.
 * @example const campaign = await officeCampaign(db, identity, 7, 'campaigns');
 */
export async function officeCampaign(db: Db, identity: Identity, id: number, section: Section): Promise<CampaignRow> {
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id)).limit(1);
  if (!campaign) throw campaignNotFound(id);
  if (await findPermission(db, identity, campaign.brandId, section)) return campaign;
  if (await isMemberOf(db, identity, campaign.brandId)) {
    throw new ApiError(403, 'forbidden', `No ${section} rights for this brand`);
  }
  throw campaignNotFound(id);
}
