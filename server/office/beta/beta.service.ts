/**
 * @module The brand's beta test of a campaign before its launch: the test group (VK ids the brand adds, people who
 * opened the tester link) and the link's token (random, rotated or revoked by the brand). Behind the `campaigns`
 * section of the campaign's brand; every write is audited in its own transaction. The group only opens a campaign that
 * is not yet live (draft or scheduled): after the launch there is nothing to test, and the testers' plays are gone
 * (wipe-tester-plays.ts).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requirePermission } from '../../auth/permissions.ts';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { profileUrl } from '../../profile-url.ts';
import { recordAudit } from '../audit.ts';

const { apps, betaLinks, betaTesters, campaigns } = schema;

export type BetaTesterRow = typeof betaTesters.$inferSelect;
type CampaignRow = typeof campaigns.$inferSelect;

const OPEN_STATUSES: CampaignRow['status'][] = ['draft', 'scheduled'];

export interface BetaGroup {
  status: CampaignRow['status'];
  /** Whether testers can still be added (draft or scheduled). */
  open: boolean;
  testers: {
    id: number;
    platform: string;
    userId: string;
    /** The tester's profile page where the platform has one (server/profile-url.ts), else null. */
    profileUrl: string | null;
    source: 'office' | 'link';
    addedAt: number;
  }[];
  link: { token: string; hash: string; url: string | null; createdAt: number } | null;
}

async function campaignFor(db: Db, identity: Identity, campaignId: number): Promise<CampaignRow> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  await requirePermission(db, identity, campaign.brandId, 'campaigns');
  return campaign;
}

function requireOpen(campaign: CampaignRow): void {
  if (!OPEN_STATUSES.includes(campaign.status)) {
    throw new ApiError(409, 'beta_closed', `The campaign is ${campaign.status}; a beta test runs before the launch`);
  }
}

const newToken = () => randomBytes(18).toString('base64url');

async function linkView(db: Db, campaign: CampaignRow, row: typeof betaLinks.$inferSelect | undefined) {
  if (!row) return null;
  const [app] = await db.select({ vkAppId: apps.vkAppId }).from(apps).where(eq(apps.id, campaign.appId)).limit(1);
  const hash = `#/beta/${row.token}`;
  // VK hands the part after `#` of a vk.com/app… address to the mini app as its own hash.
  return {
    token: row.token,
    hash,
    url: app?.vkAppId ? `https://vk.com/app${app.vkAppId}${hash}` : null,
    createdAt: row.createdAt,
  };
}

export async function betaGroup(db: Db, identity: Identity, campaignId: number): Promise<BetaGroup> {
  const campaign = await campaignFor(db, identity, campaignId);
  const testers = await db
    .select()
    .from(betaTesters)
    .where(eq(betaTesters.campaignId, campaign.id))
    .orderBy(asc(betaTesters.addedAt), asc(betaTesters.id));
  const [link] = await db.select().from(betaLinks).where(eq(betaLinks.campaignId, campaign.id)).limit(1);
  return {
    status: campaign.status,
    open: OPEN_STATUSES.includes(campaign.status),
    testers: testers.map((t) => ({
      id: t.id,
      platform: t.platform,
      userId: t.platformUserId,
      profileUrl: profileUrl(t.platform, t.platformUserId),
      source: t.source,
      addedAt: t.addedAt,
    })),
    link: await linkView(db, campaign, link),
  };
}

async function insertTester(
  tx: Tx,
  campaignId: number,
  who: Pick<Identity, 'platform' | 'userId'>,
  source: 'office' | 'link',
  at: number,
): Promise<{ row: BetaTesterRow; created: boolean }> {
  const [existing] = await tx
    .select()
    .from(betaTesters)
    .where(
      and(
        eq(betaTesters.campaignId, campaignId),
        eq(betaTesters.platform, who.platform),
        eq(betaTesters.platformUserId, who.userId),
      ),
    )
    .limit(1);
  if (existing) return { row: existing, created: false };
  const row = inserted(
    await tx
      .insert(betaTesters)
      .values({ campaignId, platform: who.platform, platformUserId: who.userId, source, addedAt: at })
      .returning(),
  );
  return { row, created: true };
}

/** Adds a VK user to the test group (idempotent: an existing tester is returned as is). */
export async function addTester(deps: Deps, identity: Identity, campaignId: number, vkUserId: number) {
  const campaign = await campaignFor(deps.db, identity, campaignId);
  requireOpen(campaign);
  return inTransaction(deps.db, async (tx) => {
    const added = await insertTester(
      tx,
      campaign.id,
      { platform: 'vk', userId: String(vkUserId) },
      'office',
      deps.now(),
    );
    if (added.created) {
      await recordAudit(tx, {
        actor: identity,
        brandId: campaign.brandId,
        section: 'campaigns',
        action: 'beta.tester_add',
        entity: 'campaign',
        entityId: campaign.id,
        after: { tester: { platform: 'vk', userId: String(vkUserId) } },
      });
    }
    return added;
  });
}

export async function removeTester(deps: Deps, identity: Identity, campaignId: number, testerId: number) {
  const campaign = await campaignFor(deps.db, identity, campaignId);
  await inTransaction(deps.db, async (tx) => {
    const [row] = await tx
      .delete(betaTesters)
      .where(and(eq(betaTesters.id, testerId), eq(betaTesters.campaignId, campaign.id)))
      .returning();
    if (!row) throw new ApiError(404, 'tester_not_found', `Campaign ${campaign.id} has no tester ${testerId}`);
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'campaigns',
      action: 'beta.tester_remove',
      entity: 'campaign',
      entityId: campaign.id,
      before: { tester: { platform: row.platform, userId: row.platformUserId, source: row.source } },
    });
  });
}

/** A new tester link for the campaign; the old token (if any) stops working at once. */
export async function rotateLink(deps: Deps, identity: Identity, campaignId: number) {
  const campaign = await campaignFor(deps.db, identity, campaignId);
  requireOpen(campaign);
  const row = await inTransaction(deps.db, async (tx) => {
    const [old] = await tx.delete(betaLinks).where(eq(betaLinks.campaignId, campaign.id)).returning();
    const created = inserted(
      await tx
        .insert(betaLinks)
        .values({ campaignId: campaign.id, token: newToken(), createdAt: deps.now() })
        .returning(),
    );
    // The token is a credential: the log says that it changed, not what it is.
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'campaigns',
      action: old ? 'beta.link_rotate' : 'beta.link_create',
      entity: 'campaign',
      entityId: campaign.id,
      before: old ? { link: { createdAt: old.createdAt } } : null,
      after: { link: { createdAt: created.createdAt } },
    });
    return created;
  });
  return linkView(deps.db, campaign, row);
}

export async function revokeLink(deps: Deps, identity: Identity, campaignId: number): Promise<void> {
  const campaign = await campaignFor(deps.db, identity, campaignId);
  await inTransaction(deps.db, async (tx) => {
    const [old] = await tx.delete(betaLinks).where(eq(betaLinks.campaignId, campaign.id)).returning();
    if (!old) return;
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'campaigns',
      action: 'beta.link_revoke',
      entity: 'campaign',
      entityId: campaign.id,
      before: { link: { createdAt: old.createdAt } },
    });
  });
}

/**
 * A verified launch that opened a tester link joins that campaign's test group. Unknown or revoked tokens are 404;
 * a campaign already live is 409 (there is no beta left to join).
 * @example await joinByLink(deps, identity, 'Qm9vb...') // { campaignId: 7 }
 */
export async function joinByLink(deps: Deps, identity: Identity, token: string): Promise<{ campaignId: number }> {
  const [found] = await deps.db
    .select({ campaign: campaigns })
    .from(betaLinks)
    .innerJoin(campaigns, eq(campaigns.id, betaLinks.campaignId))
    .where(eq(betaLinks.token, token))
    .limit(1);
  if (!found) throw new ApiError(404, 'beta_link_not_found', 'This tester link does not exist or was revoked');
  requireOpen(found.campaign);
  await inTransaction(deps.db, async (tx) => {
    // Re-read inside: a rotation or a launch may have committed since.
    const [still] = await tx.select().from(betaLinks).where(eq(betaLinks.token, token)).limit(1);
    if (!still) throw new ApiError(404, 'beta_link_not_found', 'This tester link does not exist or was revoked');
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, still.campaignId)).limit(1);
    if (!campaign) throw new ApiError(404, 'beta_link_not_found', 'This tester link does not exist or was revoked');
    requireOpen(campaign);
    await insertTester(tx, campaign.id, identity, 'link', deps.now());
  });
  return { campaignId: found.campaign.id };
}
