/**
 * @module A community membership the server has already verified (a join_community task done at the
 * `server_verified` level in one campaign) counts for the join_community tasks of the user's other campaigns of the
 * same community, so they are not asked to join again. Only a recent fact is reused (`MEMBERSHIP_FACT_MAX_AGE`):
 * people do leave communities, and an old fact is re-checked with VK by doing the task as usual.
 */
import { and, eq, gte } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { campaignGroupId, type ParticipantRow } from '../promo-context.ts';
import { findCompletion, markTaskDone, type TaskRow } from './task-records.ts';
import { campaignTasks } from './task-view.ts';

export const MEMBERSHIP_FACT_MAX_AGE = 7 * 86_400_000;

async function taskGroupId(
  db: Db,
  task: TaskRow,
  campaign: Pick<CampaignRow, 'communityId'>,
): Promise<number | undefined> {
  return (task.config.groupId as number | undefined) ?? (await campaignGroupId(db, campaign as CampaignRow));
}

/** The newest verified membership of this user in `groupId` since `since`, from any campaign. */
export async function verifiedMembership(
  db: Db,
  identity: Pick<Identity, 'platform' | 'userId'>,
  groupId: number,
  since: number,
): Promise<{ campaignId: number; doneAt: number } | undefined> {
  const rows = await db
    .select({ task: schema.tasks, communityId: schema.campaigns.communityId, doneAt: schema.taskCompletions.doneAt })
    .from(schema.taskCompletions)
    .innerJoin(schema.tasks, eq(schema.tasks.id, schema.taskCompletions.taskId))
    .innerJoin(schema.participants, eq(schema.participants.id, schema.taskCompletions.participantId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.tasks.campaignId))
    .where(
      and(
        eq(schema.participants.platform, identity.platform),
        eq(schema.participants.platformUserId, identity.userId),
        eq(schema.tasks.kind, 'join_community'),
        eq(schema.taskCompletions.status, 'done'),
        eq(schema.taskCompletions.level, 'server_verified'),
        gte(schema.taskCompletions.doneAt, since),
      ),
    );
  const inGroup: typeof rows = [];
  for (const r of rows) {
    if ((await taskGroupId(db, r.task, { communityId: r.communityId })) === groupId) inGroup.push(r);
  }
  const found = inGroup.sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0))[0];
  return found ? { campaignId: found.task.campaignId, doneAt: found.doneAt ?? 0 } : undefined;
}

/**
 * Marks this campaign's open join_community tasks done when the user's membership of that community was verified
 * recently in another campaign. Returns the keys of the tasks it marked.
 * @example await carryOverMembership(deps, identity, campaign, participant) // ['join']
 */
export async function carryOverMembership(
  deps: Pick<Deps, 'db' | 'now'>,
  identity: Pick<Identity, 'platform' | 'userId' | 'language'>,
  campaign: CampaignRow,
  participant: Pick<ParticipantRow, 'id'>,
): Promise<string[]> {
  const { db } = deps;
  const at = deps.now();
  const marked: string[] = [];
  for (const task of await campaignTasks(db, campaign.id)) {
    if (task.kind !== 'join_community') continue;
    if ((await findCompletion(db, participant.id, task.id))?.status === 'done') continue;
    const groupId = await taskGroupId(db, task, campaign);
    if (groupId === undefined) continue;
    const fact = await verifiedMembership(db, identity, groupId, at - MEMBERSHIP_FACT_MAX_AGE);
    if (!fact) continue;
    const who = { campaignId: campaign.id, participantId: participant.id };
    const detail = { groupId, reusedFrom: fact.campaignId, verifiedAt: fact.doneAt };
    if (await inTransaction(db, (tx) => markTaskDone(tx, who, task, 'server_verified', at, detail))) {
      marked.push(task.key);
    }
  }
  return marked;
}
