/**
 * @module `group_join` / `group_leave`: recorded for the user's campaigns in this community
 * (server/vk/community-membership.ts: the join_community task done on join, a leave and a re-join as funnel events).
 */
import type { GroupMemberContext } from 'vk-io';
import type { Deps } from '../../server/deps.ts';
import { recordMembershipChange } from '../../server/vk/community-membership.ts';

/** `at`: when VK delivered the update (its journal time when replayed after a crash): when the user joined or left. */
export async function onGroupMember(
  deps: Deps,
  groupId: number,
  context: GroupMemberContext,
  at: number,
): Promise<void> {
  await recordMembershipChange(deps.db, {
    vkGroupId: groupId,
    vkUserId: context.userId,
    left: context.isLeave,
    at,
  });
}
