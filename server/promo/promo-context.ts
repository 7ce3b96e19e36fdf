/**
 * @module What every participant route needs first: the campaign (visible to this identity), its phase gate,
 * and the caller's participation. One participation per platform user per campaign is the unique index
 * `participants_user_idx`; this module only reads it.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import {
  type CampaignPhase,
  type CampaignRow,
  campaignPhase,
  getVisibleCampaign,
  type VisibleCampaign,
} from '../campaigns/campaign.service.ts';
import { type Db, schema } from '../db/client.ts';
import { rows, statement } from '../db/prepared.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { parseCampaignSettings } from './settings.ts';

export type ParticipantRow = typeof schema.participants.$inferSelect;

export function loadCampaign(
  deps: Pick<Deps, 'db' | 'now'>,
  identity: Identity,
  campaignId: number,
): Promise<VisibleCampaign> {
  return getVisibleCampaign(deps, identity, campaignId);
}

const PHASE_ERRORS: Record<Exclude<CampaignPhase, 'running'>, [string, string]> = {
  not_started: ['campaign_not_started', 'The campaign has not started yet'],
  paused: ['campaign_paused', 'The campaign is paused'],
  ended: ['campaign_ended', 'The campaign has ended'],
};

/** Refuses actions (tasks, claims, spins, answers) unless the campaign is live and inside its schedule. */
export function requireRunning(
  campaign: Pick<CampaignRow, 'status' | 'startsAt' | 'endsAt'> & { betaTester?: boolean },
  now: number,
): void {
  const phase = campaignPhase(campaign, now);
  if (phase === 'running') return;
  const [code, message] = PHASE_ERRORS[phase];
  throw new ApiError(409, code, message);
}

const { participants } = schema;
/** A campaign's participant for a platform user: the key of the user index (campaign, platform, user id). */
const isUser = and(
  eq(participants.campaignId, sql.placeholder('campaignId')),
  eq(participants.platform, sql.placeholder('platform')),
  eq(participants.platformUserId, sql.placeholder('userId')),
);
const participantOf = statement((db) => db.select().from(participants).where(isUser).limit(rows(1)));
const participantIdOf = statement((db) =>
  db.select({ id: participants.id }).from(participants).where(isUser).limit(rows(1)),
);
const userKey = (campaignId: number, identity: Identity) => ({
  campaignId,
  platform: identity.platform,
  userId: identity.userId,
});

export async function findParticipant(
  db: Db,
  campaignId: number,
  identity: Identity,
): Promise<ParticipantRow | undefined> {
  return await participantOf.get(db, userKey(campaignId, identity));
}

export async function requireParticipant(db: Db, campaignId: number, identity: Identity): Promise<ParticipantRow> {
  const p = await findParticipant(db, campaignId, identity);
  if (!p) throw notJoined();
  return p;
}

export const notJoined = () =>
  new ApiError(409, 'not_joined', 'Open the campaign first (POST /api/campaigns/{id}/open)');

/** The participant's id, answered from the user index alone, for paths that need nothing else of the row. */
export async function requireParticipantId(
  db: Db,
  campaignId: number,
  identity: Identity,
): Promise<Pick<ParticipantRow, 'id'>> {
  const p = await participantIdOf.get(db, userKey(campaignId, identity));
  if (!p) throw notJoined();
  return p;
}

/** The campaign-day reset hour used for per-day caps. */
export function resetHourOf(campaign: Pick<CampaignRow, 'settings'>): number {
  const settings = parseCampaignSettings(campaign.settings);
  return settings.wheel?.resetHour ?? settings.resetHour ?? 0;
}

/** The VK community the campaign belongs to (its tasks' default group). */
export async function campaignGroupId(db: Db, campaign: CampaignRow): Promise<number | undefined> {
  if (campaign.communityId == null) return undefined;
  return (
    await db
      .select({ g: schema.communities.vkGroupId })
      .from(schema.communities)
      .where(eq(schema.communities.id, campaign.communityId))
      .limit(1)
  )[0]?.g;
}
