/**
 * @module `group_join` / `group_leave` as data: the join_community task of the user's campaigns in this community is
 * done on join (server-verified: VK told us); a leave (and a later re-join) is recorded once as a funnel event (a done
 * task stays done), so handling the same update twice changes nothing.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { campaignPhase } from '../campaigns/campaign.service.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import { recordEvent } from '../funnel/record-event.ts';
import { markTaskDone } from '../promo/tasks/task-records.ts';
import { participationsIn } from './community-participations.ts';

export interface MembershipChange {
  vkGroupId: number;
  vkUserId: number;
  /** `group_leave` (true) or `group_join` (false). */
  left: boolean;
  at: number;
}

async function lastMembershipEvent(tx: Tx, participantId: number): Promise<string | undefined> {
  const [last] = await tx
    .select({ type: schema.events.type })
    .from(schema.events)
    .where(
      and(
        eq(schema.events.participantId, participantId),
        inArray(schema.events.type, ['community_left', 'community_joined']),
      ),
    )
    .orderBy(desc(schema.events.at), desc(schema.events.id))
    .limit(1);
  return last?.type;
}

/**
 * Records a join or leave in each running campaign of the community the user takes part in, one transaction each.
 * @example await recordMembershipChange(db, { vkGroupId, vkUserId, left: false, at: Date.now() })
 */
export async function recordMembershipChange(db: Db, change: MembershipChange): Promise<void> {
  const { vkGroupId: groupId, at } = change;
  for (const { participant, campaign } of await participationsIn(db, groupId, change.vkUserId)) {
    if (campaignPhase(campaign, at) !== 'running') continue;
    const who = { campaignId: campaign.id, participantId: participant.id };
    // What was recorded last and what is written now, in one transaction: a redelivered update sees its own effect.
    await inTransaction(db, async (tx) => {
      if (change.left) {
        // Idempotent (a recovered update may run twice): a leave is recorded once per membership.
        if ((await lastMembershipEvent(tx, participant.id)) !== 'community_left') {
          await recordEvent(tx, { ...who, type: 'community_left', at, data: { groupId } });
        }
        return;
      }
      // A re-join after a recorded leave is a funnel fact too; the first join shows as the task being done.
      if ((await lastMembershipEvent(tx, participant.id)) === 'community_left') {
        await recordEvent(tx, { ...who, type: 'community_joined', at, data: { groupId } });
      }
      const joinTasks = await tx
        .select()
        .from(schema.tasks)
        .where(
          and(
            eq(schema.tasks.campaignId, campaign.id),
            eq(schema.tasks.kind, 'join_community'),
            isNull(schema.tasks.removedAt),
          ),
        );
      for (const task of joinTasks) {
        const taskGroup = (task.config.groupId as number | undefined) ?? groupId;
        if (taskGroup === groupId) await markTaskDone(tx, who, task, 'server_verified', at, { via: 'group_join' });
      }
    });
  }
}
