/**
 * @module The office's key for one "create from a template" or "duplicate" click (http/client-key.ts `ClientKey`, made
 * once per choice by the office's screen), so a double click or a retry after a lost answer is the draft already
 * made instead of a second one. Stored in `campaigns.client_key`, unique per brand, beside what the draft was made
 * from (`created_from`); looked up inside the writing transaction, as broadcasts do (decision 059): on SQLite the one
 * writer orders two clicks, on PostgreSQL SERIALIZABLE fails the second and it runs again, finding the first.
 */
import { and, eq } from 'drizzle-orm';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';
import { reused } from '../../http/client-key.ts';

const { campaigns } = schema;

/** What a draft is made from, in one fixed order: a template into an app and community, or another campaign. */
export type DraftSource = { templateKey: string; appId: number; communityId: number | null } | { campaignId: number };

/** The source as `created_from` stores and compares it. */
export const draftSource = (source: DraftSource): string =>
  JSON.stringify(
    'campaignId' in source
      ? { campaignId: source.campaignId }
      : { templateKey: source.templateKey, appId: source.appId, communityId: source.communityId },
  );

/**
 * The draft an earlier click with this key made in the brand (undefined: none, make it now). The key sent for another
 * template, places or campaign is a 409 `client_key_reused`.
 * @example const earlier = await draftMadeWithKey(tx, brandId, clientKey, { campaignId: 7 });
 */
export async function draftMadeWithKey(
  tx: Tx,
  brandId: number,
  clientKey: string,
  source: DraftSource,
): Promise<CampaignRow | undefined> {
  const [row] = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.brandId, brandId), eq(campaigns.clientKey, clientKey)))
    .limit(1);
  if (!row) return undefined;
  if (row.createdFrom !== draftSource(source)) throw reused();
  return row;
}
