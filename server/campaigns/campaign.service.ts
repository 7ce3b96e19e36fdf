/**
 * @module Which campaigns a verified user can see, and what state each is in for them right now.
 * Visibility follows the app the launch was signed for and, when launched from a community, that community.
 */
import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';

const { apps, campaigns, communities } = schema;

export type CampaignRow = typeof campaigns.$inferSelect;
/** What a participant experiences: the stored status combined with the schedule. */
export type CampaignPhase = 'not_started' | 'running' | 'paused' | 'ended';

export function campaignPhase(c: Pick<CampaignRow, 'status' | 'startsAt' | 'endsAt'>, now: number): CampaignPhase {
  if (c.status === 'ended' || now >= c.endsAt) return 'ended';
  if (c.status === 'paused') return 'paused';
  if (c.status === 'draft' || now < c.startsAt) return 'not_started';
  return 'running';
}

function appMatches(identity: Identity): SQL {
  switch (identity.platform) {
    case 'vk':
      return eq(apps.vkAppId, Number(identity.appId));
    case 'ok':
      return eq(apps.okAppKey, identity.appId);
    case 'telegram':
      return eq(apps.telegramBotId, identity.appId);
  }
}

/** Campaigns a user may open: not drafts, of this app, of the launching community when there is one. */
export function listVisibleCampaigns(db: Db, identity: Identity): CampaignRow[] {
  const conditions = [appMatches(identity), ne(campaigns.status, 'draft')];
  if (identity.groupId !== undefined) conditions.push(eq(communities.vkGroupId, identity.groupId));
  return db
    .select({ campaign: campaigns })
    .from(campaigns)
    .innerJoin(apps, eq(apps.id, campaigns.appId))
    .leftJoin(communities, eq(communities.id, campaigns.communityId))
    .where(and(...conditions))
    .orderBy(campaigns.startsAt, campaigns.id)
    .all()
    .map((r) => r.campaign);
}

export function getVisibleCampaign(db: Db, identity: Identity, id: number): CampaignRow {
  const found = listVisibleCampaigns(db, identity).find((c) => c.id === id);
  if (!found) throw new ApiError(404, 'campaign_not_found', `Campaign ${id} does not exist for this app`);
  return found;
}

export function publicCampaign(c: CampaignRow, now: number) {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    mechanic: c.mechanic,
    status: c.status,
    phase: campaignPhase(c, now),
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    timeZone: c.timeZone,
    legalType: c.legalType,
    rulesText: c.rulesText,
    theme: c.theme,
  };
}
