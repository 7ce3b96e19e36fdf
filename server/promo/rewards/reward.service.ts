/**
 * @module Rewards as the participant meets them: what unlocks each (N of M tasks, optionally server-verified
 * ones only; a quiz band), claiming (idempotent; sold-out is a clear 409 and a `sold_out_seen` event) and
 * "my prizes".
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Identity, Platform } from '../../auth/identity.ts';
import { type ContentLanguage, columnText } from '../../campaigns/content-language.ts';
import { type Db, schema } from '../../db/client.ts';
import { statement } from '../../db/prepared.ts';
import { lockParticipantOf } from '../../db/row-locks.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { recordEvent } from '../../funnel/record-event.ts';
import { ApiError } from '../../http/errors.ts';
import { campaignDay } from '../campaign-day.ts';
import {
  loadCampaign,
  type ParticipantRow,
  requireParticipant,
  requireRunning,
  resetHourOf,
} from '../promo-context.ts';
import { StoredRewardUnlockSchema } from '../settings.ts';
import { availableOn } from '../tasks/task-kinds.ts';
import type { TaskRow } from '../tasks/task-records.ts';
import { completionsOf, everyCampaignTask } from '../tasks/task-view.ts';
import { lookUpClaim } from './claim-lookup.ts';
import { findGrant, type GrantRow, issueReward, type RewardRow, remainingStock } from './issue-reward.ts';

const rewardsOf = statement((db) =>
  db
    .select()
    .from(schema.rewards)
    .where(and(eq(schema.rewards.campaignId, sql.placeholder('campaignId')), isNull(schema.rewards.removedAt)))
    .orderBy(asc(schema.rewards.position), asc(schema.rewards.id)),
);

/** The rewards on offer (a reward a later revision removed is not; its grants stay valid). */
export async function campaignRewards(db: Db, campaignId: number): Promise<RewardRow[]> {
  return await rewardsOf.all(db, { campaignId });
}

export interface Requirement {
  kind: 'tasks' | 'quiz' | 'wheel' | 'code';
  tasksRequired?: number;
  tasksDone?: number;
  serverVerifiedOnly: boolean;
  met: boolean;
  /** Its tasks exist, but none can be done on the participant's platform (all VK-only on OK or Telegram). */
  notOnPlatform?: true;
}

/**
 * Whether a participant has earned a reward (stock aside). `tasks` are the campaign's tasks, removed ones included
 * (read when not given): a completion of a task a later revision removed still counts toward "N tasks", since what
 * was earned stays earned; "all tasks" means all tasks on offer now.
 */
export async function requirementOf(
  db: Db,
  reward: RewardRow,
  participant: Pick<ParticipantRow, 'id'> | undefined,
  platform: Platform,
  tasks?: readonly TaskRow[],
): Promise<Requirement> {
  const unlock = StoredRewardUnlockSchema.parse(reward.unlock);
  const serverVerifiedOnly = reward.requiresServerVerified;
  if ('wheel' in unlock) return { kind: 'wheel', serverVerifiedOnly, met: false };
  if ('code' in unlock) return { kind: 'code', serverVerifiedOnly, met: false };
  if ('quiz' in unlock) {
    const result = participant
      ? (
          await db
            .select()
            .from(schema.quizResults)
            .where(eq(schema.quizResults.participantId, participant.id))
            .limit(1)
        )[0]
      : undefined;
    const bandReward = result ? await bandRewardKey(db, reward.campaignId, result.band) : undefined;
    return { kind: 'quiz', serverVerifiedOnly, met: bandReward === reward.key };
  }
  const inScope = (tasks ?? (await everyCampaignTask(db, reward.campaignId))).filter(
    (t) => !unlock.of || unlock.of.includes(t.key),
  );
  const considered = inScope.filter((t) => availableOn(t.kind, platform));
  const onOffer = considered.filter((t) => t.removedAt == null);
  // Tasks this platform cannot offer (VK-only kinds on OK or Telegram) are not asked for: "N tasks" asks for at most
  // what can be done here — it asked for 4 where 3 exist and the reward could never be earned (found from outside).
  // Where none of its tasks can be done here, the reward is not earnable here at all (never free for 0 tasks).
  if (considered.length === 0 && inScope.some((t) => t.removedAt == null)) {
    const asked = unlock.tasks === 'all' ? inScope.filter((t) => t.removedAt == null).length : unlock.tasks;
    return { kind: 'tasks', tasksRequired: asked, tasksDone: 0, serverVerifiedOnly, met: false, notOnPlatform: true };
  }
  const tasksRequired = unlock.tasks === 'all' ? onOffer.length : Math.min(unlock.tasks, considered.length);
  const counted = unlock.tasks === 'all' ? onOffer : considered;
  const done = participant && counted.length > 0 ? await completionsOf(db, participant.id) : new Map();
  const tasksDone = counted.filter((t) => {
    const c = done.get(t.id);
    return c?.status === 'done' && (!serverVerifiedOnly || c.level === 'server_verified');
  }).length;
  return { kind: 'tasks', tasksRequired, tasksDone, serverVerifiedOnly, met: tasksDone >= tasksRequired };
}

async function bandRewardKey(db: Db, campaignId: number, band: string): Promise<string | undefined> {
  const [campaign] = await db
    .select({ settings: schema.campaigns.settings })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, campaignId))
    .limit(1);
  const bands = (campaign?.settings.quiz as { bands?: { key: string; rewardKey?: string }[] } | undefined)?.bands;
  return bands?.find((b) => b.key === band)?.rewardKey;
}

export function grantView(grant: GrantRow, reward: RewardRow, language: ContentLanguage) {
  return {
    rewardKey: reward.key,
    title: columnText(reward, 'title', language),
    description: columnText(reward, 'description', language),
    howToUse: columnText(reward, 'howToUse', language),
    code: grant.code,
    source: grant.source,
    issuedAt: grant.issuedAt,
  };
}
export type GrantView = ReturnType<typeof grantView>;

export async function rewardView(
  db: Db,
  reward: RewardRow,
  participant: ParticipantRow | undefined,
  identity: Pick<Identity, 'platform' | 'language'>,
  tasks?: readonly TaskRow[],
) {
  const { platform, language } = identity;
  const grant = participant ? await findGrant(db, participant.id, reward.id) : undefined;
  const remaining = await remainingStock(db, reward);
  return {
    key: reward.key,
    title: columnText(reward, 'title', language),
    description: columnText(reward, 'description', language),
    howToUse: columnText(reward, 'howToUse', language),
    requirement: await requirementOf(db, reward, participant, platform, tasks),
    soldOut: remaining === 0 && !grant,
    hasCode: reward.poolId != null,
    grant: grant ? grantView(grant, reward, language) : null,
  };
}

export interface ClaimResult {
  status: 'issued' | 'already_issued';
  grant: GrantView;
}

/**
 * Whether the participant may claim `reward` (stock aside). A reward that counts no tasks (`{ tasks: 0 }`) is open to
 * every participant: nothing to read.
 */
async function claimRequirement(db: Db, reward: RewardRow, participantId: number, platform: Platform) {
  const unlock = StoredRewardUnlockSchema.parse(reward.unlock);
  if ('tasks' in unlock && unlock.tasks === 0) return { kind: 'tasks' as const, met: true };
  return await requirementOf(db, reward, { id: participantId }, platform);
}

/**
 * Claims a reward. A repeat returns the first grant (even after the campaign ended or the pool emptied).
 * Everything runs in one transaction, the reads included: the lookup (campaign, participant, reward and the earlier
 * grant in one statement), eligibility, then the grant and its code. Why inside: the grant check must be in the
 * transaction anyway (two claims racing for the last code get it once), so reading it there once replaces a read
 * outside plus a second read inside; and on SQLite the writing connection's page cache is warm, where the reading
 * connection throws its cache away after every commit (≈ a third of a claim's SQL time, decision 027).
 * @example await claimReward(deps, identity, 1, 'discount15') // { status: 'issued', grant: { code: 'PROMO15-0001', ... } }
 */
export async function claimReward(
  deps: Pick<Deps, 'db' | 'now'>,
  identity: Identity,
  campaignId: number,
  rewardKey: string,
): Promise<ClaimResult> {
  const at = deps.now();
  const outcome = await inTransaction(
    deps.db,
    async (tx) => {
      // First the caller's row (row-locks.ts): a second claim of the same person waits here and then reads the grant.
      await lockParticipantOf(tx, { campaignId, platform: identity.platform, userId: identity.userId });
      const { campaign, participantId, isTester, reward, grant } = await lookUpClaim(
        tx,
        identity,
        campaignId,
        rewardKey,
      );
      if (grant) return { status: 'already_issued' as const, grant, reward };
      requireRunning(campaign, at);
      const requirement = await claimRequirement(tx, reward, participantId, identity.platform);
      if (requirement.kind === 'wheel') throw new ApiError(409, 'not_claimable', 'Wheel prizes are won by spinning');
      if (requirement.kind === 'code')
        throw new ApiError(409, 'not_claimable', 'Pack-code prizes are won by playing a code');
      if (!requirement.met) throw new ApiError(409, 'not_eligible', 'The reward is not unlocked yet');
      const issued = await issueReward(tx, {
        campaignId: campaign.id,
        participantId,
        reward,
        source: requirement.kind === 'quiz' ? 'quiz' : 'claim',
        day: campaignDay(at, campaign.timeZone, resetHourOf(campaign)),
        at,
        stages: campaign.stages,
        tester: isTester,
        // The lookup above read "no grant" in this very transaction.
        noEarlierGrant: true,
      });
      // A refusal is an answer, not a failure: the `sold_out_seen` fact commits with it.
      if (issued.status === 'sold_out' || issued.status === 'daily_cap') {
        await recordEvent(tx, {
          campaignId: campaign.id,
          participantId,
          type: 'sold_out_seen',
          at,
          data: { reward: reward.key, reason: issued.status },
        });
      }
      return { ...issued, reward };
    },
    { explicitLocks: true },
  );
  if (outcome.status === 'issued' || outcome.status === 'already_issued') {
    return { status: outcome.status, grant: grantView(outcome.grant, outcome.reward, identity.language) };
  }
  throw outcome.status === 'sold_out'
    ? new ApiError(409, 'sold_out', 'All of this reward has been given out')
    : new ApiError(409, 'daily_cap_reached', "Today's share of this reward is gone; come back tomorrow");
}

export async function myPrizes(deps: Deps, identity: Identity, campaignId: number): Promise<GrantView[]> {
  const campaign = await loadCampaign(deps, identity, campaignId);
  const participant = await requireParticipant(deps.db, campaign.id, identity);
  const rows = await deps.db
    .select({ grant: schema.grants, reward: schema.rewards })
    .from(schema.grants)
    .innerJoin(schema.rewards, eq(schema.rewards.id, schema.grants.rewardId))
    .where(eq(schema.grants.participantId, participant.id))
    .orderBy(asc(schema.grants.issuedAt));
  return rows.map((r) => grantView(r.grant, r.reward, identity.language));
}
