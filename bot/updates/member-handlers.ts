/**
 * @module `group_join` / `group_leave`: the join_community task of the user's campaigns in this community is done on
 * join (server-verified: VK told us); a leave is recorded as a funnel event (a done task stays done).
 */
import { and, eq } from 'drizzle-orm';
import type { GroupMemberContext } from 'vk-io';
import { campaignPhase } from '../../server/campaigns/campaign.service.ts';
import { schema } from '../../server/db/client.ts';
import type { Deps } from '../../server/deps.ts';
import { recordEvent } from '../../server/funnel/record-event.ts';
import { markTaskDone } from '../../server/promo/tasks/task-records.ts';
import { participationsIn } from '../participant-summary.ts';

export function onGroupMember(deps: Deps, groupId: number, context: GroupMemberContext): void {
  const at = deps.now();
  for (const { participant, campaign } of participationsIn(deps.db, groupId, context.userId)) {
    if (campaignPhase(campaign, at) !== 'running') continue;
    const who = { campaignId: campaign.id, participantId: participant.id };
    if (context.isLeave) {
      recordEvent(deps.db, { ...who, type: 'community_left', at, data: { groupId } });
      continue;
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
