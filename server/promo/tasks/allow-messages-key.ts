/**
 * @module The bot's half of the allow_messages task: VK delivers `message_allow {user_id, key}` to the community;
 * the bot calls `confirmMessagesAllowedByKey`, and the task whose consent key it is becomes done,
 * server-verified, provided the key belongs to that VK user and the event came from the campaign's community.
 */
import { eq } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import { campaignGroupId } from '../promo-context.ts';
import { markTaskDone } from './task-records.ts';

export type ConfirmByKeyResult =
  | { status: 'confirmed'; campaignId: number; participantId: number }
  | { status: 'already_done'; campaignId: number; participantId: number }
  | { status: 'unknown_key' | 'user_mismatch' | 'group_mismatch' };

/**
 * @example await confirmMessagesAllowedByKey(db, 'Zx8…', 100001, 200000001, Date.now())
 */
export async function confirmMessagesAllowedByKey(
  db: Db,
  key: string,
  vkUserId: number | string,
  groupId: number,
  now: number = Date.now(),
): Promise<ConfirmByKeyResult> {
  if (!key) return { status: 'unknown_key' };
  return inTransaction(db, async (tx): Promise<ConfirmByKeyResult> => {
    const [row] = await tx
      .select({ completion: schema.taskCompletions, task: schema.tasks, participant: schema.participants })
      .from(schema.taskCompletions)
      .innerJoin(schema.tasks, eq(schema.tasks.id, schema.taskCompletions.taskId))
      .innerJoin(schema.participants, eq(schema.participants.id, schema.taskCompletions.participantId))
      .where(eq(schema.taskCompletions.consentKey, key))
      .limit(1);
    if (!row) return { status: 'unknown_key' as const };
    if (row.task.kind !== 'allow_messages') return { status: 'unknown_key' as const };
    const { participant, task } = row;
    if (participant.platform !== 'vk' || participant.platformUserId !== String(vkUserId)) {
      return { status: 'user_mismatch' as const };
    }
    const [campaign] = await tx
      .select()
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, participant.campaignId))
      .limit(1);
    const expectedGroup =
      (task.config.groupId as number | undefined) ?? (campaign && (await campaignGroupId(tx, campaign)));
    if (expectedGroup !== groupId) return { status: 'group_mismatch' as const };
    const who = { campaignId: participant.campaignId, participantId: participant.id };
    const changed = await markTaskDone(tx, who, task, 'server_verified', now, { via: 'message_allow' });
    return { status: changed ? ('confirmed' as const) : ('already_done' as const), ...who };
  });
}
