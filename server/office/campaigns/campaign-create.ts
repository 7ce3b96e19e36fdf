/**
 * @module New drafts: from a catalogue template (`POST /campaigns`) or as a copy of an existing campaign
 * (`POST /campaigns/{id}/duplicate`). A draft gets a slug unique within its brand (`quiz`, `quiz-2`, …); its app and
 * community are the ones asked for, else the brand's own when it has exactly one.
 */
import { and, eq, like } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requirePermission } from '../../auth/permissions.ts';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { MAX_TITLE_LENGTH } from '../../campaigns/content-bounds.ts';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { Mechanic } from '../../db/schema/campaign.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { fieldRefusal } from '../../http/errors.ts';
import { hasVisibleText } from '../../http/visible-text.ts';
import { recordAudit } from '../audit.ts';
import { findTemplate } from '../templates/index.ts';
import { type CampaignContent, CampaignContentSchema, type CampaignDocument } from './campaign-document.ts';
import { requireBrandPlaces } from './campaign-editing.ts';
import { campaignColumns, loadDocument, saveContent } from './campaign-store.ts';
import { type DraftRequest, type DraftSource, draftMadeWithKey, draftSource } from './draft-keys.ts';

/** The funnel stages each mechanic moves participants through (server/funnel/record-event.ts). */
const STAGES: Record<Mechanic, string[]> = {
  tasks: ['opened', 'task_started', 'task_done', 'reward_issued'],
  quiz: ['opened', 'quiz_finished', 'reward_issued'],
  wheel: ['opened', 'task_done', 'attempt', 'reward_issued'],
  code: ['opened', 'attempt', 'reward_issued'],
  calculator: ['opened', 'calculator_opened', 'calculated', 'lead_sent'],
};

/** `slug`, or `slug-2`, `slug-3`, … : the first not yet used in the brand (the unique index has the last word). */
async function freeSlug(tx: Tx, brandId: number, slug: string): Promise<string> {
  const taken = new Set(
    (
      await tx
        .select({ slug: schema.campaigns.slug })
        .from(schema.campaigns)
        .where(and(eq(schema.campaigns.brandId, brandId), like(schema.campaigns.slug, `${slug}%`)))
    ).map((r) => r.slug),
  );
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** The given id, or the brand's only one; 422 on the field when there is none or several to choose from. */
async function onlyOne(db: Db, table: typeof schema.apps | typeof schema.communities, brandId: number) {
  const rows = await db.select({ id: table.id }).from(table).where(eq(table.brandId, brandId)).limit(2);
  return rows.length === 1 ? (rows[0]?.id ?? null) : rows.length === 0 ? null : undefined;
}

interface NewDraft {
  brandId: number;
  appId: number;
  communityId: number | null;
  content: CampaignContent;
  action: 'campaign.create' | 'campaign.duplicate';
  source: DraftSource;
  /** What the click asked for, which a repeat of its key is compared with (draft-keys.ts). */
  sent: DraftRequest;
  /** The office's key for this click (draft-keys.ts): a repeat is the draft it made. */
  clientKey?: string | undefined;
}

/**
 * Two drafts of one brand made at once on PostgreSQL chose the same free slug: the later insert hits the slug's unique
 * index (reported as such, not as a serialization failure, because the free slug was read with LIKE).
 */
function slugTakenMeanwhile(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  )
    if (e.code === '23505' && e.constraint === 'campaigns_brand_slug_idx') return true;
  return false;
}

/** How many times a draft is tried again after its slug was taken meanwhile: a burst of clicks, not a loop. */
const SLUG_ATTEMPTS = 16;

/** Writes the draft; when its slug was taken meanwhile, again: it then sees the other draft (its key, its slug). */
async function insertDraft(deps: Pick<Deps, 'db' | 'now'>, identity: Identity, draft: NewDraft) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertDraftOnce(deps, identity, draft);
    } catch (error) {
      if (attempt >= SLUG_ATTEMPTS || !slugTakenMeanwhile(error)) throw error;
    }
  }
}

async function insertDraftOnce(deps: Pick<Deps, 'db' | 'now'>, identity: Identity, draft: NewDraft) {
  const now = deps.now();
  return await inTransaction(deps.db, async (tx) => {
    const { clientKey } = draft;
    const earlier = clientKey && (await draftMadeWithKey(tx, draft.brandId, clientKey, draft.sent));
    if (earlier) return await loadDocument(tx, earlier);
    const content = { ...draft.content, slug: await freeSlug(tx, draft.brandId, draft.content.slug) };
    const { id } = inserted(
      await tx
        .insert(schema.campaigns)
        .values({
          brandId: draft.brandId,
          appId: draft.appId,
          communityId: draft.communityId,
          status: 'draft',
          stages: STAGES[content.mechanic],
          ...campaignColumns(content),
          ...(clientKey ? { clientKey, createdFrom: draftSource(draft.source) } : {}),
        })
        .returning({ id: schema.campaigns.id }),
    );
    await saveContent(tx, id, content, { now, published: false });
    const [row] = await tx.select().from(schema.campaigns).where(eq(schema.campaigns.id, id)).limit(1);
    const document = await loadDocument(tx, row as CampaignRow);
    await recordAudit(tx, {
      actor: identity,
      brandId: draft.brandId,
      section: 'campaigns',
      action: draft.action,
      entity: 'campaign',
      entityId: id,
      // The campaign had no row before; what it was made from is part of what it became.
      after: { ...document, createdFrom: draft.source },
    });
    return document;
  });
}

export interface CreateRequest {
  brandId: number;
  templateKey: string;
  appId?: number;
  communityId?: number | null;
  clientKey?: string | undefined;
}

/**
 * Clones a catalogue template into the brand as a draft.
 * @example const doc = await createFromTemplate(deps, identity, { brandId: 1, templateKey: 'quiz-tiers' });
 */
export async function createFromTemplate(
  deps: Pick<Deps, 'db' | 'now'>,
  identity: Identity,
  req: CreateRequest,
): Promise<CampaignDocument> {
  const { db } = deps;
  await requirePermission(db, identity, req.brandId, 'campaigns');
  const sent: DraftRequest = { templateKey: req.templateKey, appId: req.appId, communityId: req.communityId };
  // A click repeated with its key (its answer lost) is the draft it made, though the brand has a second app or
  // community since (or the catalogue no longer has the template): asked after the member's rights, before anything
  // that judges a new draft (decision 079).
  const earlier = req.clientKey && (await draftMadeWithKey(db, req.brandId, req.clientKey, sent));
  if (earlier) return await loadDocument(db, earlier);
  const template = findTemplate(req.templateKey);
  if (!template) throw fieldRefusal('invalid_input', 'templateKey', `No template ${req.templateKey}`);
  const appId = req.appId ?? (await onlyOne(db, schema.apps, req.brandId));
  // No app at all is a brand's first run (a new brand has none), not a field to fix: its own code, so the office can
  // say where an app is connected rather than «check the fields» over a catalogue that has none.
  if (appId === null) throw fieldRefusal('brand_without_app', 'appId', 'The brand has no app yet');
  if (appId === undefined) throw fieldRefusal('invalid_input', 'appId', 'The brand has several apps: choose one');
  const communityId =
    req.communityId !== undefined ? req.communityId : ((await onlyOne(db, schema.communities, req.brandId)) ?? null);
  await requireBrandPlaces(db, req.brandId, appId, communityId);
  // Pools named in the member's office language: the launch's, which the identity carries.
  const content = CampaignContentSchema.parse(template.document(deps.now(), identity.language));
  return await insertDraft(deps, identity, {
    brandId: req.brandId,
    appId,
    communityId,
    content,
    action: 'campaign.create',
    source: { templateKey: template.key, appId, communityId },
    sent,
    clientKey: req.clientKey,
  });
}

/** `title` with `mark` after it, the title cut so the copy can still be saved as it is (a title's limit holds). */
function marked(title: string, mark: string): string {
  if (title.length + mark.length <= MAX_TITLE_LENGTH) return `${title}${mark}`;
  const cut = title.slice(0, MAX_TITLE_LENGTH - mark.length - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut.trimEnd()}…${mark}`;
}

/**
 * A new draft with the campaign's content (not its codes, participants or revisions), titled as a copy.
 * @example const copy = await duplicateCampaign(deps, identity, campaign);
 */
export async function duplicateCampaign(
  deps: Pick<Deps, 'db' | 'now'>,
  identity: Identity,
  campaign: CampaignRow,
  clientKey?: string,
) {
  const doc = await loadDocument(deps.db, campaign);
  // A title that shows nothing stays empty, named as missing as a new draft's is: marked, the copy's title was the mark.
  const copy = (t: { ru: string; en: string }) => ({
    ru: hasVisibleText(t.ru) ? marked(t.ru, ' (копия)') : '',
    en: hasVisibleText(t.en) ? marked(t.en, ' (copy)') : '',
  });
  return await insertDraft(deps, identity, {
    brandId: campaign.brandId,
    appId: campaign.appId,
    communityId: campaign.communityId,
    content: { ...doc, title: copy(doc.title), slug: `${doc.slug.slice(0, 70).replace(/-+$/, '')}-copy` },
    action: 'campaign.duplicate',
    source: { campaignId: campaign.id },
    sent: { campaignId: campaign.id },
    clientKey,
  });
}
