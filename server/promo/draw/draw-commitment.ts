/**
 * @module The draw's commitment, written by the go-live step (server/office/campaigns/go-live.ts): a giveaway with a
 * draw gets its secret seed and the seed's SHA-256 in the transaction that makes it live, once. A second launch
 * (live again after a pause) keeps the first seed: the commitment participants saw must never change.
 */
import { eq } from 'drizzle-orm';
import { schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';
import { parseCampaignSettings } from '../settings.ts';
import { commitmentOf, DRAW_ALGORITHM, newSeed } from './draw-algorithm.ts';

/**
 * Creates the campaign's draw commitment when its settings have a draw and it has none yet.
 * @example await inTransaction(db, (tx) => commitDraw(tx, { campaignId: 7, now: Date.now() }))
 */
export async function commitDraw(tx: Tx, launch: { campaignId: number; now: number }): Promise<void> {
  const [campaign] = await tx
    .select({ settings: schema.campaigns.settings })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, launch.campaignId))
    .limit(1);
  if (!campaign || !parseCampaignSettings(campaign.settings).draw) return;
  const seed = newSeed();
  await tx
    .insert(schema.draws)
    .values({
      campaignId: launch.campaignId,
      algorithm: DRAW_ALGORITHM,
      seed,
      commitment: commitmentOf(seed),
      committedAt: launch.now,
    })
    .onConflictDoNothing({ target: schema.draws.campaignId });
}
