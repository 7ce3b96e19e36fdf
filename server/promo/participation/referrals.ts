/**
 * @module Referrals for `invite_friends`: a participant's share link carries their referral code; a *new*
 * participant arriving with it is counted once (set at creation, never changed), and nobody refers themselves.
 * When the count reaches the task's threshold the referrer's task is done, verified by the server.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';
import { parseTaskConfig } from '../settings.ts';
import { markTaskDone } from '../tasks/task-records.ts';

/** The referrer for a new participant, or null (unknown code, other campaign, same person). */
export async function resolveReferrer(
  db: Db,
  campaignId: number,
  code: string | undefined,
  joiner: { platform: string; platformUserId: string },
): Promise<number | null> {
  if (!code) return null;
  const [referrer] = await db
    .select()
    .from(schema.participants)
    .where(and(eq(schema.participants.referralCode, code), eq(schema.participants.campaignId, campaignId)))
    .limit(1);
  if (!referrer) return null;
  if (referrer.platform === joiner.platform && referrer.platformUserId === joiner.platformUserId) return null;
  return referrer.id;
}

export async function countReferrals(db: Db, participantId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(schema.participants)
    .where(eq(schema.participants.referredBy, participantId));
  return row?.n ?? 0;
}

/**
 * After a referred participant joined (in the same transaction): completes the referrer's invite tasks whose
 * threshold is now met.
 */
export async function creditReferrer(tx: Tx, campaignId: number, referrerId: number, at: number): Promise<void> {
  const invites = await tx
    .select()
    .from(schema.tasks)
    .where(
      and(
        eq(schema.tasks.campaignId, campaignId),
        eq(schema.tasks.kind, 'invite_friends'),
        isNull(schema.tasks.removedAt),
      ),
    );
  if (invites.length === 0) return;
  const friends = await countReferrals(tx, referrerId);
  for (const task of invites) {
    const { friendsRequired } = parseTaskConfig('invite_friends', task.config);
    if (friends >= friendsRequired) {
      await markTaskDone(tx, { campaignId, participantId: referrerId }, task, 'server_verified', at, { friends });
    }
  }
}
