/**
 * @module Which campaigns a dashboard request covers, after the `stats` check: one campaign, or every campaign of a
 * brand. A campaign or brand that does not exist and one the caller is no member of answer the same 404; a member
 * without `stats` gets 403. Also the scope's time zone and its beta testers (left out of every measure).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { findPermission } from '../auth/permissions.ts';
import { BRAND_SECTIONS } from '../auth/sections.ts';
import type { CampaignRow } from '../campaigns/campaign.service.ts';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';
import { officeCampaign } from '../office/campaigns/campaign-access.ts';

export interface StatsScope {
  kind: 'campaign' | 'brand';
  id: number;
  campaigns: CampaignRow[];
  timeZone: string;
}

const brandNotFound = (id: number) => new ApiError(404, 'brand_not_found', `Brand ${id} does not exist in your brands`);

async function brandScope(db: Db, identity: Identity, brandId: number): Promise<StatsScope> {
  if (!(await findPermission(db, identity, brandId, 'stats'))) {
    for (const section of BRAND_SECTIONS) {
      if (await findPermission(db, identity, brandId, section)) {
        throw new ApiError(403, 'forbidden', 'No stats rights for this brand');
      }
    }
    throw brandNotFound(brandId);
  }
  const campaigns = await db
    .select()
    .from(schema.campaigns)
    .where(eq(schema.campaigns.brandId, brandId))
    .orderBy(desc(schema.campaigns.startsAt), desc(schema.campaigns.id));
  return { kind: 'brand', id: brandId, campaigns, timeZone: campaigns[0]?.timeZone ?? 'Europe/Moscow' };
}

/**
 * @example const scope = await statsScope(db, identity, { kind: 'campaign', id: 7 });
 */
export async function statsScope(
  db: Db,
  identity: Identity,
  target: { kind: 'campaign' | 'brand'; id: number },
): Promise<StatsScope> {
  if (target.kind === 'brand') return brandScope(db, identity, target.id);
  const campaign = await officeCampaign(db, identity, target.id, 'stats');
  return { kind: 'campaign', id: campaign.id, campaigns: [campaign], timeZone: campaign.timeZone };
}

/** The scope's beta testers: their plays are not statistics. */
export async function testersOf(db: Db, campaignIds: number[]): Promise<Set<number>> {
  if (campaignIds.length === 0) return new Set();
  const { participants } = schema;
  const rows = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(inArray(participants.campaignId, campaignIds), eq(participants.isTester, true)));
  return new Set(rows.map((r) => r.id));
}
