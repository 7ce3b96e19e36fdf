/**
 * @module Back-office access for the mailing, funnel and support sections at campaign level: the campaign must exist
 * (404) and the caller needs the section on its brand (403, the shared check in server/auth/permissions.ts).
 */
import { eq } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { requirePermission, type Section } from '../auth/permissions.ts';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';

export async function requireCampaignAccess(db: Db, identity: Identity, campaignId: number, section: Section) {
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  await requirePermission(db, identity, campaign.brandId, section);
  return campaign;
}
