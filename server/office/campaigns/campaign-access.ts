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

/**
 * 403 `forbidden` unless the caller may also launch this campaign's brand (`launch`, decision 116): whatever changes
 * whether participants can take part — a status change, or the dates of a published campaign — needs it beside
 * `campaigns`. Run before anything is written.
 * @example await requireLaunchRight(db, identity, campaign);
 */
export async function requireLaunchRight(db: Db, identity: Identity, campaign: CampaignRow): Promise<void> {
  if (await findPermission(db, identity, campaign.brandId, 'launch')) return;
  throw new ApiError(
    403,
    'forbidden',
    'No launch rights for this brand: putting a campaign on the air, scheduling, pausing, resuming or ending it, ' +
      'and moving the dates of a published one, need the launch right',
  );
}
