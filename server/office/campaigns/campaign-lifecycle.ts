/**
 * @module A campaign's lifecycle: which status may follow which, publishing (the first revision, after validation),
 * going live (with `goLiveSteps` in the same transaction) and the server's own promotion of scheduled campaigns whose
 * start has come. Every change is a conditional UPDATE on the status it was decided from, so two requests or two
 * server processes racing for the same change make it once.
 */
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import type { CampaignStatus } from '../../db/schema/campaign.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit } from '../audit.ts';
import type { Problem } from './campaign-document.ts';
import { NotPublishableError, problemsOf } from './campaign-editing.ts';
import { hasErrors } from './campaign-problems.ts';
import { writeRevision } from './campaign-revisions.ts';
import { loadDocument, publishedRevision } from './campaign-store.ts';
import { TRANSITIONS } from './campaign-transitions.ts';
import { goLiveSteps } from './go-live.ts';

/** The actor written for changes the server makes by itself (promotion at the start time). */
export const SERVER_ACTOR: Identity = {
  platform: 'vk',
  userId: 'server',
  appId: '',
  language: 'ru',
  platformDetail: 'scheduler',
};

const { campaigns, officeAudit } = schema;

/** The audit action of a promotion refused because the campaign is not ready for air. */
export const REFUSED = 'campaign.go_live_refused';

/**
 * The one check of every way on the air: publishing, launching a scheduled campaign, resuming a paused one, and the
 * server's own promotion at the start time. A paused or scheduled campaign may hold what an earlier release wrote (a
 * blank title), and going on the air must not show participants what a first launch refuses. Throws
 * `NotPublishableError` (422 `not_publishable` with the problems) when the stored document has error problems.
 */
export async function requireReadyForAir(
  deps: Pick<Deps, 'db' | 'config' | 'now'>,
  campaign: CampaignRow,
): Promise<void> {
  const problems = await problemsOf(deps, campaign, await loadDocument(deps.db, campaign));
  if (hasErrors(problems)) throw new NotPublishableError(problems);
}

/** Sets the status if it is still `from`; false when another request or process changed it first. */
async function swapStatus(tx: Tx, id: number, from: CampaignStatus, set: Partial<CampaignRow>): Promise<boolean> {
  const rows = await tx
    .update(campaigns)
    .set(set)
    .where(and(eq(campaigns.id, id), eq(campaigns.status, from)))
    .returning({ id: campaigns.id });
  return rows.length === 1;
}

/**
 * Moves the campaign to `to` (see TRANSITIONS). Going on the air (scheduled, live: publishing, launching a scheduled
 * campaign, resuming a paused one) validates the document first (422 `not_publishable` with the problems, nothing
 * changed); publishing from a draft writes revision 1; launching runs the go-live steps in the same transaction;
 * launching before the scheduled start moves the start to now. Every status change, the server's own promotion and its
 * refusal included, is filed under `launch` in the audit log (decision 117): who launched and stopped what.
 * @example await changeStatus(deps, identity, campaign, 'live') // { status: 'live', revision: 1, … }
 */
export async function changeStatus(
  deps: Pick<Deps, 'db' | 'config' | 'now'>,
  identity: Identity,
  campaign: CampaignRow,
  to: CampaignStatus,
) {
  const from = campaign.status;
  if (!TRANSITIONS[from].includes(to)) {
    throw new ApiError(409, 'transition_not_allowed', `A ${from} campaign cannot become ${to}`);
  }
  const publishing = from === 'draft' && (to === 'scheduled' || to === 'live');
  if (to === 'scheduled' || to === 'live') await requireReadyForAir(deps, campaign);
  const now = deps.now();
  return await inTransaction(deps.db, async (tx) => {
    const set: Partial<CampaignRow> = { status: to, updatedAt: now };
    if (to === 'live' && campaign.startsAt > now) set.startsAt = now;
    if (!(await swapStatus(tx, campaign.id, from, set))) {
      throw new ApiError(409, 'status_changed', 'The campaign changed status meanwhile; reload it');
    }
    if (publishing && (await publishedRevision(tx, campaign.id)) === 0) await writeRevision(tx, campaign.id, identity);
    if (to === 'live') await goLiveSteps(tx, { campaignId: campaign.id, now });
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'launch',
      action: `campaign.${to === 'live' && from === 'paused' ? 'resume' : to}`,
      entity: 'campaign',
      entityId: campaign.id,
      before: { status: from, startsAt: campaign.startsAt },
      after: { status: to, startsAt: set.startsAt ?? campaign.startsAt },
    });
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, campaign.id)).limit(1);
    return await loadDocument(tx, row as CampaignRow);
  });
}

/**
 * Makes every scheduled campaign whose start has come live, each in its own transaction with its go-live steps,
 * after the check every launch by hand passes (`requireReadyForAir`). One that fails it stays scheduled, invisible to
 * participants: the office lists its problems (and marks its start as missed), the audit log has a
 * `campaign.go_live_refused` entry naming them, and once they are fixed (a revision) the next round promotes it
 * (docs/decisions/062). Safe to run in every server process at once: the conditional UPDATE lets exactly one of them
 * promote a campaign. Returns the ids this call promoted.
 */
export async function promoteDueCampaigns(deps: Pick<Deps, 'db' | 'config' | 'now'>): Promise<number[]> {
  const { db } = deps;
  const now = deps.now();
  const due = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.status, 'scheduled'), lte(campaigns.startsAt, now)));
  const promoted: number[] = [];
  for (const c of due) {
    try {
      await requireReadyForAir(deps, c);
    } catch (err) {
      if (!(err instanceof NotPublishableError)) throw err;
      await recordRefusal(db, c, err.problems);
      continue;
    }
    const won = await inTransaction(db, async (tx) => {
      if (!(await swapStatus(tx, c.id, 'scheduled', { status: 'live', updatedAt: now }))) return false;
      await goLiveSteps(tx, { campaignId: c.id, now });
      await recordAudit(tx, {
        actor: SERVER_ACTOR,
        brandId: c.brandId,
        section: 'launch',
        action: 'campaign.live',
        entity: 'campaign',
        entityId: c.id,
        before: { status: 'scheduled' },
        after: { status: 'live' },
      });
      return true;
    });
    if (won) promoted.push(c.id);
  }
  return promoted;
}

/**
 * Writes `campaign.go_live_refused` with the refused fields, unless the campaign's last entry is already this same
 * refusal: a round runs every few seconds, and the log keeps what changed, not each retry.
 */
async function recordRefusal(db: Db, c: CampaignRow, problems: Problem[]): Promise<void> {
  const refused = problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.code}`);
  const recorded = await inTransaction(db, async (tx) => {
    // Setting the status it has takes the campaign row's lock on PostgreSQL (SQLite's transaction holds the only write
    // lock): two processes compare with the last entry one after the other, so the refusal is written once.
    if (!(await swapStatus(tx, c.id, 'scheduled', { status: 'scheduled' }))) return false;
    const [last] = await tx
      .select({ action: officeAudit.action, after: officeAudit.after })
      .from(officeAudit)
      .where(
        and(
          eq(officeAudit.brandId, c.brandId),
          eq(officeAudit.entity, 'campaign'),
          eq(officeAudit.entityId, String(c.id)),
        ),
      )
      .orderBy(desc(officeAudit.id))
      .limit(1);
    const same = (last?.after as { problems?: unknown } | null)?.problems;
    if (last?.action === REFUSED && JSON.stringify(same) === JSON.stringify(refused)) return false;
    await recordAudit(tx, {
      actor: SERVER_ACTOR,
      brandId: c.brandId,
      section: 'launch',
      action: REFUSED,
      entity: 'campaign',
      entityId: c.id,
      before: { status: 'scheduled', startsAt: c.startsAt },
      after: { status: 'scheduled', problems: refused },
    });
    return true;
  });
  if (recorded) console.warn(`office: campaign ${c.id} stays scheduled, not ready for air: ${refused.join(', ')}`);
}

/**
 * Runs `promoteDueCampaigns` every `everyMs` in this process until the returned function is called. A failed round
 * is logged and the next one tries again.
 */
export function startScheduledPromotion(deps: Pick<Deps, 'db' | 'config' | 'now'>, everyMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    promoteDueCampaigns(deps)
      .catch((err) => console.error('office: promoting scheduled campaigns failed', err))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
