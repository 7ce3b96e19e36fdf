/**
 * @module What happens, in one transaction, when a campaign goes live (launched now from the office, or promoted by
 * the server when a scheduled campaign's start arrives). One home for every step, so no mechanic can miss a launch:
 * the office's lifecycle calls `goLiveSteps` inside the transaction that sets the status to `live`.
 */
import type { Tx } from '../../db/transactions.ts';
import { commitDraw } from '../../promo/draw/draw-commitment.ts';
import { wipeTesterPlays } from '../beta/wipe-tester-plays.ts';

export interface GoingLive {
  campaignId: number;
  /** The server's clock at the launch. */
  now: number;
}

export async function goLiveSteps(tx: Tx, launch: GoingLive): Promise<void> {
  // Steps are added by the mechanics that need them (beta-test wipe, giveaway commitment).
  // Testers' plays go first: nothing a tester did may survive into the live campaign.
  await wipeTesterPlays(tx, launch.campaignId);
  await commitDraw(tx, launch);
}
