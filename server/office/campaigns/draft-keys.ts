/**
 * @module The office's key for one "create from a template" or "duplicate" click (http/client-key.ts `ClientKey`, made
 * once per choice by the office's screen), so a double click or a retry after a lost answer is the draft already
 * made instead of a second one. Stored in `campaigns.client_key`, unique per brand, beside what the draft was made
 * from (`created_from`); looked up inside the writing transaction, as broadcasts do (decision 059): on SQLite the one
 * writer orders two clicks, on PostgreSQL SERIALIZABLE fails the second and it runs again, finding the first.
 */
import { and, eq } from 'drizzle-orm';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';
import { reused } from '../../http/client-key.ts';

const { campaigns } = schema;

/** What a draft is made from, in one fixed order: a template into an app and community, or another campaign. */
export type DraftSource = { templateKey: string; appId: number; communityId: number | null } | { campaignId: number };

/**
 * What the click asked for: a template with the places it named (one left out was the server's to choose, the
 * brand's only app or community), or another campaign.
 */
export type DraftRequest =
  | { templateKey: string; appId?: number | undefined; communityId?: number | null | undefined }
  | { campaignId: number };

/** The source as `created_from` stores it. */
export const draftSource = (source: DraftSource): string =>
  JSON.stringify(
    'campaignId' in source
      ? { campaignId: source.campaignId }
      : { templateKey: source.templateKey, appId: source.appId, communityId: source.communityId },
  );

/**
 * Whether the draft made from `stored` (its `created_from`) is what `sent` asks for. Only what the click sent is
 * compared (decision 081): a place left out is the one the first click was given, whatever the brand has since (a
 * second app would make choosing again a 422, a second community a different choice), as an article's position left
 * out is where its first Add put it.
 */
function madeFrom(stored: string | null, sent: DraftRequest): boolean {
  if (stored === null) return false;
  const made = JSON.parse(stored) as Partial<{ campaignId: number; templateKey: string; appId: number }> & {
    communityId?: number | null;
  };
  if ('campaignId' in sent) return made.campaignId === sent.campaignId;
  return (
    made.templateKey === sent.templateKey &&
    (sent.appId === undefined || made.appId === sent.appId) &&
    (sent.communityId === undefined || made.communityId === sent.communityId)
  );
}

/**
 * The draft an earlier click with this key made in the brand (undefined: none, make it now). The key sent for another
 * template, places or campaign is a 409 `client_key_reused`. Asked first, before a new draft is judged (decision 079),
 * and again inside the writing transaction, for two first clicks racing (decision 059).
 * @example const earlier = await draftMadeWithKey(tx, brandId, clientKey, { campaignId: 7 });
 */
export async function draftMadeWithKey(
  db: Db | Tx,
  brandId: number,
  clientKey: string,
  sent: DraftRequest,
): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.brandId, brandId), eq(campaigns.clientKey, clientKey)))
    .limit(1);
  if (!row) return undefined;
  if (!madeFrom(row.createdFrom, sent)) throw reused();
  return row;
}
