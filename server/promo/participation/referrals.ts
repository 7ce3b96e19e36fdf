/**
 * @module Referrals for `invite_friends`: a participant's share link carries their referral code; a *new*
 * participant arriving with it is counted once (set at creation, never changed), and nobody refers themselves.
 * When the count reaches the task's threshold the referrer's task is done, verified by the server.
 */
import { and, count, eq } from 'drizzle-orm';
import { schema } from '../../db/client.ts';
import type { DbOrTx } from '../../funnel/record-event.ts';
import { parseTaskConfig } from '../settings.ts';
import { markTaskDone } from '../tasks/task-records.ts';

/** The referrer for a new participant, or null (unknown code, other campaign, same person). */
export function resolveReferrer(
  db: DbOrTx,
  campaignId: number,
  code: string | undefined,
  joiner: { platform: string; platformUserId: string },
): number | null {
  if (!code) return null;
  const referrer = db
    .select()
    .from(schema.participants)
    .where(and(eq(schema.participants.referralCode, code), eq(schema.participants.campaignId, campaignId)))
    .get();
  if (!referrer) return null;
  if (referrer.platform === joiner.platform && referrer.platformUserId === joiner.platformUserId) return null;
  return referrer.id;
}

export function countReferrals(db: DbOrTx, participantId: number): number {
  return (
    db.select({ n: count() }).from(schema.participants).where(eq(schema.participants.referredBy, participantId)).get()
      ?.n ?? 0
  );
}

/** After a referred participant joined: completes the referrer's invite tasks whose threshold is now met. */
export function creditReferrer(db: DbOrTx, campaignId: number, referrerId: number, at: number): void {
  const invites = db
    .select()
    .from(schema.tasks)
    .where(and(eq(schema.tasks.campaignId, campaignId), eq(schema.tasks.kind, 'invite_friends')))
    .all();
  if (invites.length === 0) return;
  const friends = countReferrals(db, referrerId);
  for (const task of invites) {
    const { friendsRequired } = parseTaskConfig('invite_friends', task.config);
    if (friends >= friendsRequired) {
      markTaskDone(db, { campaignId, participantId: referrerId }, task, 'server_verified', at, { friends });
    }
  }
}
