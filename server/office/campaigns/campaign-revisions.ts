/**
 * @module Published revisions of a campaign: each publication (the first, and every edit of a published campaign)
 * stores the whole document under the next number, so what participants were shown at any time can be read back.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { type Db, schema } from '../../db/client.ts';
import type { Tx } from '../../db/transactions.ts';
import { ApiError } from '../../http/errors.ts';
import type { CampaignDocument } from './campaign-document.ts';
import { loadDocument, publishedRevision } from './campaign-store.ts';

const { campaigns, campaignRevisions } = schema;

/**
 * Stores the campaign as it now is in `tx` as revision N+1 and returns that document.
 * @example const doc = await writeRevision(tx, 7, identity); // doc.revision === 1 on the first publication
 */
export async function writeRevision(tx: Tx, campaignId: number, actor: Pick<Identity, 'platform' | 'userId'>) {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new Error(`campaign ${campaignId} vanished inside its own transaction`);
  const number = (await publishedRevision(tx, campaignId)) + 1;
  const document: CampaignDocument = { ...(await loadDocument(tx, campaign)), revision: number };
  await tx.insert(campaignRevisions).values({
    campaignId,
    number,
    document,
    createdByPlatform: actor.platform,
    createdByUserId: actor.userId,
  });
  return document;
}

export async function listRevisions(db: Db, campaignId: number) {
  return await db
    .select({
      number: campaignRevisions.number,
      createdAt: campaignRevisions.createdAt,
      createdBy: { platform: campaignRevisions.createdByPlatform, userId: campaignRevisions.createdByUserId },
    })
    .from(campaignRevisions)
    .where(eq(campaignRevisions.campaignId, campaignId))
    .orderBy(desc(campaignRevisions.number));
}

export async function revisionDocument(db: Db, campaignId: number, number: number): Promise<CampaignDocument> {
  const [row] = await db
    .select({ document: campaignRevisions.document })
    .from(campaignRevisions)
    .where(and(eq(campaignRevisions.campaignId, campaignId), eq(campaignRevisions.number, number)))
    .limit(1);
  if (!row) throw new ApiError(404, 'revision_not_found', `Campaign ${campaignId} has no revision ${number}`);
  // A revision is a record, not a campaign to move: it offers no transitions (older snapshots lack the field), and
  // snapshots written before saves were versioned (decision 044) name version 0.
  const stored = row.document as unknown as Omit<CampaignDocument, 'editVersion'> & { editVersion?: number };
  return { ...stored, editVersion: stored.editVersion ?? 0, allowedTransitions: [] };
}
