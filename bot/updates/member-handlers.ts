/**
 * @module `group_join` / `group_leave`: the join_community task of the user's campaigns in this community is done on
 * join (server-verified: VK told us); a leave (and a later re-join) is recorded once as a funnel event (a done task
 * stays done), so handling the same update twice changes nothing.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { GroupMemberContext } from 'vk-io';
import { campaignPhase } from '../../server/campaigns/campaign.service.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction, type Tx } from '../../server/db/transactions.ts';
import type { Deps } from '../../server/deps.ts';
import { recordEvent } from '../../server/funnel/record-event.ts';
import { markTaskDone } from '../../server/promo/tasks/task-records.ts';
import { participationsIn } from '../participant-summary.ts';

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

export async function onGroupMember(deps: Deps, groupId: number, context: GroupMemberContext): Promise<void> {
  const at = deps.now();
  for (const { participant, campaign } of await participationsIn(deps.db, groupId, context.userId)) {
    if (campaignPhase(campaign, at) !== 'running') continue;
    const who = { campaignId: campaign.id, participantId: participant.id };
    // What was recorded last and what is written now, in one transaction: a redelivered update sees its own effect.
    await inTransaction(deps.db, async (tx) => {
      if (context.isLeave) {
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
        .where(and(eq(schema.tasks.campaignId, campaign.id), eq(schema.tasks.kind, 'join_community')));
      for (const task of joinTasks) {
        const taskGroup = (task.config.groupId as number | undefined) ?? groupId;
        if (taskGroup === groupId) await markTaskDone(tx, who, task, 'server_verified', at, { via: 'group_join' });
      }
    });
  }
}
