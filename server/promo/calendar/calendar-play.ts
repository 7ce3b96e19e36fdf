/**
 * @module A play decided by the prize calendar: the player wins the prize of the oldest moment that has come and is
 * still unwon, among the prizes they can win right now (not already theirs, in stock, under today's cap). A moment
 * of a prize they cannot win stays for the next player, so unused moments roll forward instead of being lost.
 * Runs inside the play's transaction: the moment, the grant and its event commit together or not at all.
 */
import { eq } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import type { GrantSource } from '../../db/schema/promo.ts';
import { takePrizeMoment } from '../../db/take-prize-moment.ts';
import type { Tx } from '../../db/transactions.ts';
import { type GrantRow, issueReward, mayWinAgain, type RewardRow, unavailability } from '../rewards/issue-reward.ts';
import { parseCampaignSettings } from '../settings.ts';

/** Whether a campaign's instant wins follow the prize calendar (else the odds). */
export function usesCalendar(settings: unknown): boolean {
  return parseCampaignSettings(settings).instantWin?.mode === 'calendar';
}

/** The prizes this participant could win right now, read through the caller's handle (the play's `tx`). */
export async function winnablePrizes(
  db: Db,
  prizes: readonly RewardRow[],
  participantId: number,
  day: string,
): Promise<RewardRow[]> {
  const winnable: RewardRow[] = [];
  for (const prize of prizes) {
    if (!(await mayWinAgain(db, participantId, prize))) continue;
    if (await unavailability(db, prize, day)) continue;
    winnable.push(prize);
  }
  return winnable;
}

export interface CalendarPlay {
  campaignId: number;
  participantId: number;
  /** Prizes the participant can win now (`winnablePrizes`, read in this transaction). */
  prizes: readonly RewardRow[];
  source: GrantSource;
  day: string;
  at: number;
  stages?: readonly string[];
}

/**
 * Takes the oldest due moment among `play.prizes` and issues its prize; null when no moment is due (a loss).
 * @example const won = await winByCalendar(tx, { campaignId, participantId, prizes, source: 'code', day, at });
 */
export async function winByCalendar(
  tx: Tx,
  play: CalendarPlay,
): Promise<{ reward: RewardRow; grant: GrantRow; momentId: number } | null> {
  const moment = await takePrizeMoment(tx, {
    campaignId: play.campaignId,
    rewardIds: play.prizes.map((p) => p.id),
    participantId: play.participantId,
    at: play.at,
  });
  if (!moment) return null;
  const reward = play.prizes.find((p) => p.id === moment.rewardId) as RewardRow;
  const issued = await issueReward(tx, { ...play, reward, repeatable: true });
  // Checked winnable in this transaction, yet a code can still be gone (another play on PostgreSQL holds the pool's
  // last free ones until it commits; a tester's sandbox pool may be empty): a loss, and the moment stays unwon.
  if (issued.status !== 'issued') {
    await tx.update(schema.prizeMoments).set({ wonBy: null, wonAt: null }).where(eq(schema.prizeMoments.id, moment.id));
    return null;
  }
  await tx.update(schema.prizeMoments).set({ grantId: issued.grant.id }).where(eq(schema.prizeMoments.id, moment.id));
  return { reward, grant: issued.grant, momentId: moment.id };
}
