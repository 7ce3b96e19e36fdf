/**
 * @module Everything a claim reads, in one statement at the start of its transaction: the campaign (under the visibility
 * rule, only the columns a claim uses), the caller's participant id, the reward and the caller's grant of it. Before,
 * these were four to five separate queries, each built per call (decision 021); read inside the transaction, the
 * grant needs no second read (decision 027).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import {
  betaTesterColumn,
  type LaunchShape,
  launchShapeOf,
  visibilityValues,
  visibleToPlaceholders,
} from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import { byShape, rows, statement } from '../../db/prepared.ts';
import { ApiError } from '../../http/errors.ts';
import { notJoined } from '../promo-context.ts';

const { apps, campaigns, communities, grants, participants, rewards } = schema;

/** One statement per launch shape: the app column differs by platform, the community condition by launch. */
const lookupFor = byShape((shape: LaunchShape) => {
  const { platform, condition } = visibleToPlaceholders(shape);
  return statement((db) =>
    db
      .select({
        campaign: {
          id: campaigns.id,
          status: campaigns.status,
          startsAt: campaigns.startsAt,
          endsAt: campaigns.endsAt,
          timeZone: campaigns.timeZone,
          settings: campaigns.settings,
          stages: campaigns.stages,
        },
        betaTester: betaTesterColumn(platform, sql.placeholder('userId')),
        participantId: participants.id,
        isTester: participants.isTester,
        reward: rewards,
        grant: grants,
      })
      .from(campaigns)
      .innerJoin(apps, eq(apps.id, campaigns.appId))
      .leftJoin(communities, eq(communities.id, campaigns.communityId))
      .leftJoin(
        participants,
        and(
          eq(participants.campaignId, campaigns.id),
          eq(participants.platform, sql.placeholder('platform')),
          eq(participants.platformUserId, sql.placeholder('userId')),
        ),
      )
      .leftJoin(
        rewards,
        // A reward a later revision removed cannot be claimed; grants of it stay (see "my prizes").
        and(
          eq(rewards.campaignId, campaigns.id),
          eq(rewards.key, sql.placeholder('rewardKey')),
          isNull(rewards.removedAt),
        ),
      )
      .leftJoin(grants, and(eq(grants.participantId, participants.id), eq(grants.rewardId, rewards.id)))
      .where(and(eq(campaigns.id, sql.placeholder('campaignId')), condition))
      .limit(rows(1)),
  );
});

/**
 * The claim's starting point, refusing as the separate reads did and in the same order: an invisible campaign (404),
 * a caller who has not joined (409), an unknown reward (404). `grant` is the caller's earlier grant, if any.
 * @example const { campaign, participantId, reward, grant } = await lookUpClaim(db, identity, 1, 'prize');
 */
export async function lookUpClaim(db: Db, identity: Identity, campaignId: number, rewardKey: string) {
  const row = await lookupFor(launchShapeOf(identity)).get(db, {
    campaignId,
    ...visibilityValues(identity),
    platform: identity.platform,
    rewardKey,
  });
  if (!row) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist for this app`);
  if (row.participantId == null) throw notJoined();
  if (!row.reward) throw new ApiError(404, 'reward_not_found', `Campaign ${campaignId} has no reward ${rewardKey}`);
  return {
    campaign: { ...row.campaign, betaTester: row.betaTester },
    participantId: row.participantId,
    isTester: row.isTester === true,
    reward: row.reward,
    grant: row.grant ?? undefined,
  };
}

export type ClaimLookup = Awaited<ReturnType<typeof lookUpClaim>>;
