/**
 * @module Saving a document from the editor (`PUT /campaigns/{id}`). A draft is saved as it is, problems and all,
 * except a required text empty in every language (required-texts.ts);
 * a published campaign (scheduled, live, paused) is only ever changed by publishing a new revision, which needs a
 * document without error problems: its tasks and rewards are updated by key, the ones left out are marked removed
 * (never deleted: completions and grants point at them), and what participants already earned stays as it is.
 */
import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { outboxFollowsCampaignApp } from '../../mailing/outbox-app.ts';
import { isLocalDemo } from '../../vk/local-demo.ts';
import { changesNothing, recordAudit } from '../audit.ts';
import { firstMomentProblem, launchNowWarnings } from './calendar-first-moment.ts';
import { requireLaunchRight } from './campaign-access.ts';
import type { CampaignContent, CampaignDocument, DocumentWithProblems, Problem } from './campaign-document.ts';
import { campaignProblems, hasErrors, playsByCalendar } from './campaign-problems.ts';
import { writeRevision } from './campaign-revisions.ts';
import { loadDocument, poolDocuments, saveContent } from './campaign-store.ts';
import { recordDatesMoved } from './dates-moved-audit.ts';
import { blankRequiredTexts } from './required-texts.ts';
import { shapeProblems } from './shape-problems.ts';

const PUBLISHED: CampaignRow['status'][] = ['scheduled', 'live', 'paused'];

/** The problems of `content` for this campaign: pool counts and the sandbox mark are the stored ones, never the client's. */
export async function problemsOf(
  deps: Pick<Deps, 'db' | 'config' | 'now' | 'vk'>,
  campaign: Pick<CampaignRow, 'id' | 'mechanic' | 'status'>,
  content: CampaignContent & { communityId: number | null },
): Promise<Problem[]> {
  const { db, config } = deps;
  const stored = new Map((await poolDocuments(db, campaign.id)).map((p) => [p.key, p]));
  const pools = content.pools.map((p) => ({
    ...p,
    total: stored.get(p.key)?.total ?? 0,
    free: stored.get(p.key)?.free ?? 0,
    // A document that calls a beta test's pool an ordinary one must not get its codes to real participants.
    sandbox: stored.get(p.key)?.sandbox ?? false,
  }));
  const [community] =
    content.communityId == null
      ? []
      : await db
          .select({ vkGroupId: schema.communities.vkGroupId })
          .from(schema.communities)
          .where(eq(schema.communities.id, content.communityId))
          .limit(1);
  const [calculator] =
    content.mechanic === 'calculator'
      ? await db
          .select({ id: schema.calculators.id })
          .from(schema.calculators)
          .where(eq(schema.calculators.campaignId, campaign.id))
          .limit(1)
      : [];
  const calendarMoments = playsByCalendar(content)
    ? await currentPrizeMoments(
        db,
        campaign.id,
        content.rewards.map((r) => r.key),
      )
    : undefined;
  const problems = campaignProblems(
    { ...content, pools },
    {
      now: deps.now(),
      calculatorSaved: content.mechanic !== 'calculator' || calculator !== undefined,
      calendarMoments,
      community: community ?? null,
      // The local demo has no token but simulates the consent (server/vk/local-allow.routes.ts), so its
      // allow_messages tasks can be confirmed there: a demo campaign that has one stays editable.
      botToken: { configured: Boolean(config.VK_GROUP_TOKEN) || isLocalDemo(deps), groupId: config.VK_GROUP_ID },
    },
  );
  // A stored document may hold what no save takes (an earlier release's, or a copy of it): named, it never goes live.
  problems.push(...shapeProblems(content, problems));
  // The server promotes a scheduled campaign at its start unless it has errors (campaign-lifecycle.ts): one whose start
  // has passed is one it did not launch (or, for a few seconds, one it is about to), and the office says so.
  if (campaign.status === 'scheduled' && content.startsAt <= deps.now()) {
    problems.unshift({
      path: 'startsAt',
      code: 'start_passed',
      severity: 'warning',
      params: { startsAt: content.startsAt },
    });
  }
  const firstMoment = await firstMomentProblem(db, campaign, content, deps.now());
  if (firstMoment) problems.push(firstMoment);
  if (PUBLISHED.includes(campaign.status) && content.mechanic !== campaign.mechanic) {
    problems.unshift({
      path: 'mechanic',
      code: 'mechanic_locked',
      severity: 'error',
      params: { mechanic: campaign.mechanic },
    });
  }
  return problems;
}

/**
 * Moments of the prizes the document keeps: a removed prize's moments are never taken (a play offers only the prizes
 * the campaign has), so they make no calendar. Won ones count: the calendar was made, and what is left is a later edit's.
 */
async function currentPrizeMoments(db: Db, campaignId: number, rewardKeys: string[]): Promise<number> {
  if (rewardKeys.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(schema.prizeMoments)
    .innerJoin(schema.rewards, eq(schema.rewards.id, schema.prizeMoments.rewardId))
    .where(
      and(
        eq(schema.prizeMoments.campaignId, campaignId),
        isNull(schema.rewards.removedAt),
        inArray(schema.rewards.key, rewardKeys),
      ),
    );
  return row?.n ?? 0;
}

/** Refuses an app or community that is not the brand's own (422 with the field). */
export async function requireBrandPlaces(db: Db, brandId: number, appId: number, communityId: number | null) {
  const [app] = await db
    .select({ id: schema.apps.id })
    .from(schema.apps)
    .where(and(eq(schema.apps.id, appId), eq(schema.apps.brandId, brandId)))
    .limit(1);
  if (!app)
    throw new ApiError(422, 'invalid_input', 'Not an app of this brand', [
      { path: 'appId', message: 'Not an app of this brand' },
    ]);
  if (communityId == null) return;
  const [community] = await db
    .select({ id: schema.communities.id })
    .from(schema.communities)
    .where(and(eq(schema.communities.id, communityId), eq(schema.communities.brandId, brandId)))
    .limit(1);
  if (!community) {
    throw new ApiError(422, 'invalid_input', 'Not a community of this brand', [
      { path: 'communityId', message: 'Not a community of this brand' },
    ]);
  }
}

/** 422 `not_publishable`: the problems ride along as the error's issues and, whole, in `problems`. */
export class NotPublishableError extends ApiError {
  constructor(readonly problems: Problem[]) {
    super(
      422,
      'not_publishable',
      'The campaign has problems to fix before it can be published',
      problems.filter((p) => p.severity === 'error').map((p) => ({ path: p.path, message: p.code })),
    );
    this.name = 'NotPublishableError';
  }
}

/**
 * 409 `edited_meanwhile`: the document was saved by someone else after this one was read. Nothing is written; the
 * details say which version is current and when it was saved, so the office can offer to reload it.
 */
export class EditedMeanwhileError extends ApiError {
  readonly current: { editVersion: number; savedAt: number };
  constructor(row: Pick<CampaignRow, 'editVersion' | 'updatedAt'>) {
    super(409, 'edited_meanwhile', 'Someone saved this campaign after you opened it; reload it to see their changes');
    this.name = 'EditedMeanwhileError';
    this.current = { editVersion: row.editVersion, savedAt: row.updatedAt };
  }
}

/**
 * Saves the editor's document over the campaign (see the module comment).
 * @example const { document, problems, launchNow } = await saveDocument(deps, identity, campaign, body);
 */
export async function saveDocument(
  deps: Pick<Deps, 'db' | 'config' | 'now'>,
  identity: Identity,
  campaign: CampaignRow,
  body: CampaignDocument,
): Promise<DocumentWithProblems> {
  const { db } = deps;
  if (body.id !== campaign.id) {
    throw new ApiError(422, 'invalid_input', 'The document is of another campaign', [
      { path: 'id', message: `Expected ${campaign.id}` },
    ]);
  }
  if (campaign.status === 'ended' || campaign.status === 'archived') {
    throw new ApiError(409, 'not_editable', `An ${campaign.status} campaign cannot be edited; duplicate it instead`);
  }
  const published = PUBLISHED.includes(campaign.status);
  // A published campaign's new start or end changes when participants can take part: the launch right (decision
  // 116); a draft's dates reach no one until it is launched.
  const movesDates = published && (body.startsAt !== campaign.startsAt || body.endsAt !== campaign.endsAt);
  if (movesDates) await requireLaunchRight(db, identity, campaign);
  await requireBrandPlaces(db, campaign.brandId, body.appId, body.communityId);
  // A draft too: it is what the preview shows, and what a copy or a template is made of.
  const blank = blankRequiredTexts(body);
  if (blank.length > 0) throw new ApiError(422, 'invalid_input', 'A required text is empty in every language', blank);
  const problems = await problemsOf(deps, campaign, body);
  const launchNow = await launchNowWarnings(db, campaign, body, deps.now());
  if (published && hasErrors(problems)) throw new NotPublishableError(problems);
  const now = deps.now();
  const document = await inTransaction(db, async (tx) => {
    const [current] = await tx.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id)).limit(1);
    if (!current || current.status !== campaign.status) {
      throw new ApiError(409, 'status_changed', 'The campaign changed status meanwhile; reload it');
    }
    const before = await loadDocument(tx, current);
    // The version it was read at, saved as it is: nothing written, nothing audited, no revision, the version still
    // current, so a colleague's open editor is not told someone saved meanwhile (decision 067).
    if (body.editVersion === current.editVersion && changesNothing(savedPart(before), savedPart(body))) return before;
    await requireFreeSlug(tx, current, body.slug);
    // Compare-and-set: of two saves of the same version one wins; PostgreSQL re-checks the condition after the
    // row lock, so a concurrent save that read the same version updates nothing here.
    const swapped = await tx
      .update(schema.campaigns)
      .set({ appId: body.appId, communityId: body.communityId, editVersion: body.editVersion + 1 })
      .where(and(eq(schema.campaigns.id, campaign.id), eq(schema.campaigns.editVersion, body.editVersion)))
      .returning({ id: schema.campaigns.id });
    if (swapped.length === 0) throw new EditedMeanwhileError(current);
    // Its notifications still to send go with it to the app it now has (outbox-app.ts).
    if (current.appId !== body.appId) await outboxFollowsCampaignApp(tx, [campaign.id]);
    await saveContent(tx, campaign.id, body, { now, published: published || before.revision > 0 });
    const after = published
      ? await writeRevision(tx, campaign.id, identity)
      : await loadDocument(tx, await reread(tx, campaign.id));
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'campaigns',
      action: published ? 'campaign.revise' : 'campaign.update',
      entity: 'campaign',
      entityId: campaign.id,
      before,
      after,
    });
    // The dates on their own entry under `launch` (decision 117): the filter answers who moved when participants can
    // take part; the revision above, texts and all, stays with `campaigns`.
    if (movesDates) await recordDatesMoved(tx, identity, campaign.brandId, before, after);
    return after;
  });
  return { document, problems, launchNow };
}

/** What a save writes of a document: its content and places, not what is read-only nor the version it was read at. */
function savedPart(document: CampaignDocument) {
  const { status: _s, revision: _r, editVersion: _v, allowedTransitions: _t, pools, ...written } = document;
  return { ...written, pools: pools.map(({ total: _n, free: _f, sandbox: _b, ...pool }) => pool) };
}

/** A campaign's address is unique within its brand: another campaign's is a 422 on the field, not the index's 500. */
async function requireFreeSlug(db: Db, campaign: CampaignRow, slug: string): Promise<void> {
  const [taken] = await db
    .select({ id: schema.campaigns.id })
    .from(schema.campaigns)
    .where(
      and(
        eq(schema.campaigns.brandId, campaign.brandId),
        eq(schema.campaigns.slug, slug),
        ne(schema.campaigns.id, campaign.id),
      ),
    )
    .limit(1);
  if (taken) {
    throw new ApiError(422, 'invalid_input', 'Another campaign of this brand has this address', [
      { path: 'slug', message: `Campaign ${taken.id} of this brand has the address ${slug}` },
    ]);
  }
}

async function reread(db: Db, id: number): Promise<CampaignRow> {
  const [row] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id)).limit(1);
  if (!row) throw new Error(`campaign ${id} vanished inside its own transaction`);
  return row;
}
