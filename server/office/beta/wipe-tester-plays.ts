/**
 * @module The beta test's end: when a campaign goes live, everything its beta testers did is deleted in the launch's
 * transaction (grants, completions, quiz results, wheel attempts, tags, events, their participations), the codes they
 * held go back to their pools (sandbox codes, and any entry code a tester typed), their queued messages are cancelled
 * and support tickets kept but detached. Real participants cannot exist before the launch (a scheduled campaign is
 * hidden from everyone else), and nothing here touches a row that is not a tester's.
 */
import { and, type Column, eq, inArray } from 'drizzle-orm';
import { schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';

const { events, grants, outbox, participantTags, participants, poolCodes, quizResults, taskCompletions, tickets } =
  schema;

export interface WipedTesters {
  participants: number;
  codesReturned: number;
}

/**
 * Deletes the plays of `campaignId`'s beta testers (`participants.is_tester`). Call inside the launch transaction.
 * @example await wipeTesterPlays(tx, campaignId) // { participants: 3, codesReturned: 2 }
 */
export async function wipeTesterPlays(tx: Tx, campaignId: number): Promise<WipedTesters> {
  const ids = (
    await tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.campaignId, campaignId), eq(participants.isTester, true)))
  ).map((r) => r.id);
  if (ids.length === 0) return { participants: 0, codesReturned: 0 };
  const theirs = (table: { participantId: Column }) => inArray(table.participantId, ids);
  // Calendar moments a tester won go back to the calendar (so do the pack codes they played, below): real participants
  // must find every winning moment and every printed code the launch promised. Both point at grants: first.
  await tx
    .update(schema.prizeMoments)
    .set({ wonBy: null, wonAt: null, grantId: null })
    .where(inArray(schema.prizeMoments.wonBy, ids));
  await tx.delete(schema.codePlays).where(theirs(schema.codePlays));
  await tx.delete(grants).where(theirs(grants));
  const returned = await tx
    .update(poolCodes)
    .set({ usedAt: null, participantId: null })
    .where(theirs(poolCodes))
    .returning({ id: poolCodes.id });
  await tx.delete(taskCompletions).where(theirs(taskCompletions));
  await tx.delete(quizResults).where(theirs(quizResults));
  await tx.delete(schema.wheelAttempts).where(theirs(schema.wheelAttempts));
  await tx.delete(participantTags).where(theirs(participantTags));
  await tx.update(tickets).set({ participantId: null }).where(theirs(tickets));
  await tx
    .update(outbox)
    // Closed with its reason, so a broadcast's page counts it among "not sent" in words (close-reasons.ts).
    .set({ status: 'cancelled', errorReason: 'tester_reset' })
    .where(and(theirs(outbox), eq(outbox.status, 'queued')));
  await tx.update(outbox).set({ participantId: null }).where(theirs(outbox));
  await tx.delete(events).where(theirs(events));
  // Referral credits: a tester's referral link only ever brought other testers, but no one keeps a pointer to a ghost.
  await tx.update(participants).set({ referredBy: null }).where(inArray(participants.referredBy, ids));
  await tx.delete(participants).where(inArray(participants.id, ids));
  return { participants: ids.length, codesReturned: returned.length };
}
