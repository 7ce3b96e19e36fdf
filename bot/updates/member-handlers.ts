/**
 * @module `group_join` / `group_leave`: the join_community task of the user's campaigns in this community is done on
 * join (server-verified: VK told us); a leave (and a later re-join) is recorded once as a funnel event (a done task
 * stays done), so handling the same update twice changes nothing.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { GroupMemberContext } from 'vk-io';
import { campaignPhase } from '../../server/campaigns/campaign.service.ts';
import { schema } from '../../server/db/client.ts';
import type { Deps } from '../../server/deps.ts';
import { recordEvent } from '../../server/funnel/record-event.ts';
import { markTaskDone } from '../../server/promo/tasks/task-records.ts';
import { participationsIn } from '../participant-summary.ts';

function lastMembershipEvent(deps: Deps, participantId: number): string | undefined {
  return deps.db
    .select({ type: schema.events.type })
    .from(schema.events)
    .where(
      and(
        eq(schema.events.participantId, participantId),
        inArray(schema.events.type, ['community_left', 'community_joined']),
      ),
    )
    .orderBy(desc(schema.events.at), desc(schema.events.id))
    .get()?.type;
}

export function onGroupMember(deps: Deps, groupId: number, context: GroupMemberContext): void {
  const at = deps.now();
  for (const { participant, campaign } of participationsIn(deps.db, groupId, context.userId)) {
    if (campaignPhase(campaign, at) !== 'running') continue;
    const who = { campaignId: campaign.id, participantId: participant.id };
    if (context.isLeave) {
      // Idempotent (a recovered update may run twice): a leave is recorded once per membership.
      if (lastMembershipEvent(deps, participant.id) !== 'community_left') {
        recordEvent(deps.db, { ...who, type: 'community_left', at, data: { groupId } });
      }
      continue;
    }
    // A re-join after a recorded leave is a funnel fact too; the first join shows as the task being done.
    if (lastMembershipEvent(deps, participant.id) === 'community_left') {
      recordEvent(deps.db, { ...who, type: 'community_joined', at, data: { groupId } });
    }
    const joinTasks = deps.db
      .select()
      .from(schema.tasks)
      .where(and(eq(schema.tasks.campaignId, campaign.id), eq(schema.tasks.kind, 'join_community')))
      .all();
    for (const task of joinTasks) {
      const taskGroup = (task.config.groupId as number | undefined) ?? groupId;
      if (taskGroup === groupId) markTaskDone(deps.db, who, task, 'server_verified', at, { via: 'group_join' });
    }
  }
}
