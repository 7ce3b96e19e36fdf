/**
 * @module A brand's knowledge base: short articles (Russian, optionally English; for every campaign of the brand or
 * one), ordered and published from the office, shown first on the participant's help screen. The participant's
 * opening of an article and their "did this help?" are one row per person and article (`kb_feedback`), the latest
 * answer counting. Office writes are audited in their transaction.
 */
import { z } from '@hono/zod-openapi';
import { and, asc, eq, isNull, max, or } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import type { Tx } from '../db/transactions.ts';
import { ClientKey, reused } from '../http/client-key.ts';
import { ApiError } from '../http/errors.ts';
import { rowId } from '../http/row-id.ts';
import { visibleText } from '../http/text-fields.ts';
import { changesNothing, createdAs, recordAudit, setChangesNothing } from '../office/audit.ts';
import { nextSavedAt, SavedAtField, SavedMeanwhileError } from '../office/one-save-per-copy.ts';

const { kbArticles, kbFeedback } = schema;
export type ArticleRow = typeof kbArticles.$inferSelect;

const POSITION_MAX = 10_000;

const ArticleFields = z.object({
  titleRu: visibleText(120),
  bodyRu: visibleText(4000),
  titleEn: visibleText(120).nullable().optional(),
  bodyEn: visibleText(4000).nullable().optional(),
  campaignId: rowId().nullable().optional(),
  position: z.number().int().min(0).max(POSITION_MAX).optional(),
  published: z.boolean().optional(),
});
/** An English version is a title and a body, or neither. */
const englishTogether = <T extends { titleEn?: string | null; bodyEn?: string | null }>(schema: z.ZodType<T>) =>
  schema.refine((a) => (a.titleEn == null) === (a.bodyEn == null), {
    message: 'The English title and body come together',
    path: ['bodyEn'],
  });

/** An article's fields as the office sends them. */
type ArticleInput = z.infer<typeof ArticleFields>;
/** A new one: the fields and, optionally, the office's key for this Add (a repeat is the article it wrote). */
export const ArticleNewSchema = englishTogether(ArticleFields.extend({ clientKey: ClientKey.optional() })).openapi(
  'KbArticleNew',
);
export type ArticleNew = z.infer<typeof ArticleNewSchema>;
/** An edit: the fields and the `updatedAt` of the copy it was made on (../office/one-save-per-copy.ts). */
export const ArticleEditSchema = englishTogether(ArticleFields.extend({ savedAt: SavedAtField })).openapi(
  'KbArticleEdit',
);
export type ArticleEdit = z.infer<typeof ArticleEditSchema>;

/** The brand's articles in the order the help screen shows them: each of its articles once. */
export const ArticleOrderSchema = z
  .object({
    ids: z
      .array(z.number().int().positive())
      .min(1)
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'An article appears once' }),
  })
  .openapi('KbArticleOrder');

export const ArticleSchema = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int().nullable(),
    titleRu: z.string(),
    bodyRu: z.string(),
    titleEn: z.string().nullable(),
    bodyEn: z.string().nullable(),
    position: z.number().int(),
    published: z.boolean(),
    updatedAt: z.number().int(),
  })
  .openapi('KbArticle');

export const publicArticle = (a: ArticleRow) => ({
  id: a.id,
  campaignId: a.campaignId,
  titleRu: a.titleRu,
  bodyRu: a.bodyRu,
  titleEn: a.titleEn,
  bodyEn: a.bodyEn,
  position: a.position,
  published: a.published,
  updatedAt: a.updatedAt,
});

const ordered = [asc(kbArticles.position), asc(kbArticles.id)];

export async function listArticles(db: Db, brandId: number): Promise<ArticleRow[]> {
  return db
    .select()
    .from(kbArticles)
    .where(eq(kbArticles.brandId, brandId))
    .orderBy(...ordered);
}

/** The published articles a campaign's help screen shows, in the participant's language (Russian the fallback). */
export async function helpArticles(db: Db, campaign: { id: number; brandId: number }, language: ContentLanguage) {
  const rows = await db
    .select()
    .from(kbArticles)
    .where(
      and(
        eq(kbArticles.brandId, campaign.brandId),
        eq(kbArticles.published, true),
        or(isNull(kbArticles.campaignId), eq(kbArticles.campaignId, campaign.id)),
      ),
    )
    .orderBy(...ordered);
  return rows.map((a) => {
    const en = language === 'en' && a.titleEn && a.bodyEn;
    return { id: a.id, title: en ? (a.titleEn as string) : a.titleRu, body: en ? (a.bodyEn as string) : a.bodyRu };
  });
}

async function articleOf(tx: Tx, brandId: number, id: number): Promise<ArticleRow> {
  const [row] = await tx
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.id, id), eq(kbArticles.brandId, brandId)))
    .limit(1);
  if (!row) throw new ApiError(404, 'article_not_found', `Article ${id} does not exist`);
  return row;
}

/** A campaign named on an article must be the brand's own (422 otherwise: the body is wrong, not the path). */
async function checkCampaign(tx: Tx, brandId: number, campaignId: number | null | undefined): Promise<void> {
  if (campaignId == null) return;
  const [c] = await tx
    .select({ brandId: schema.campaigns.brandId })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, campaignId))
    .limit(1);
  if (c?.brandId !== brandId) {
    throw new ApiError(422, 'invalid_campaign', `Campaign ${campaignId} is not this brand's`, [
      { path: 'campaignId', message: 'Not a campaign of this brand' },
    ]);
  }
}

const audit = (
  tx: Tx,
  actor: Identity,
  brandId: number,
  verb: string,
  id: number,
  before?: ArticleRow,
  after?: ArticleRow,
) =>
  recordAudit(tx, {
    actor,
    brandId,
    section: 'support',
    action: `kb_article.${verb}`,
    entity: 'kb_article',
    entityId: id,
    before: before && publicArticle(before),
    after: after && publicArticle(after),
  });

const columns = (input: ArticleInput) => ({
  titleRu: input.titleRu,
  bodyRu: input.bodyRu,
  titleEn: input.titleEn ?? null,
  bodyEn: input.bodyEn ?? null,
  campaignId: input.campaignId ?? null,
});

/** A new article goes last unless it says where: after every article the brand has. */
async function nextPosition(tx: Tx, brandId: number): Promise<number> {
  const [row] = await tx
    .select({ last: max(kbArticles.position) })
    .from(kbArticles)
    .where(eq(kbArticles.brandId, brandId));
  return row?.last == null ? 0 : Math.min(row.last + 1, POSITION_MAX);
}

/**
 * The article an earlier Add with this key wrote in the brand (undefined: none, write it now); the key sent with other
 * fields than that Add had is a 409 `client_key_reused`, an edit or a reorder since is not (decision 098). Looked up in
 * the writing transaction, as broadcasts do (decision 059). A position left out is where the first Add put it, so only
 * a position given is compared.
 */
async function articleAddedWithKey(tx: Tx, brandId: number, input: ArticleNew, clientKey: string) {
  const [row] = await tx
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.brandId, brandId), eq(kbArticles.clientKey, clientKey)))
    .limit(1);
  if (!row) return undefined;
  const made =
    (await createdAs<ReturnType<typeof publicArticle>>(tx, 'kb_article.create', 'kb_article', row.id)) ?? row;
  const sent = columns(input);
  const same =
    (Object.keys(sent) as (keyof typeof sent)[]).every((k) => made[k] === sent[k]) &&
    made.published === (input.published ?? false) &&
    (input.position === undefined || made.position === input.position);
  if (!same) throw reused();
  return row;
}

export async function createArticle(tx: Tx, actor: Identity, brandId: number, input: ArticleNew, at: number) {
  const earlier = input.clientKey && (await articleAddedWithKey(tx, brandId, input, input.clientKey));
  if (earlier) return earlier;
  await checkCampaign(tx, brandId, input.campaignId);
  const row = inserted(
    await tx
      .insert(kbArticles)
      .values({
        brandId,
        ...columns(input),
        clientKey: input.clientKey ?? null,
        position: input.position ?? (await nextPosition(tx, brandId)),
        published: input.published ?? false,
        updatedAt: at,
      })
      .returning(),
  );
  await audit(tx, actor, brandId, 'create', row.id, undefined, row);
  return row;
}

/** Replaces an article if it is still the copy the edit was made on; else 409 `saved_meanwhile`, nothing written. */
export async function updateArticle(
  tx: Tx,
  actor: Identity,
  brandId: number,
  id: number,
  input: ArticleEdit,
  at: number,
) {
  const before = await articleOf(tx, brandId, id);
  await checkCampaign(tx, brandId, input.campaignId);
  const set = {
    ...columns(input),
    position: input.position ?? before.position,
    published: input.published ?? before.published,
  };
  // The copy it was made on, saved as it is: nothing written, nothing audited, the copy still current.
  if (before.updatedAt === input.savedAt && setChangesNothing(before, set)) return before;
  // The check is in the UPDATE itself: a concurrent save of the same copy waits for this row and then matches nothing.
  const [after] = await tx
    .update(kbArticles)
    .set({ ...set, updatedAt: nextSavedAt(at, input.savedAt) })
    .where(and(eq(kbArticles.id, id), eq(kbArticles.updatedAt, input.savedAt)))
    .returning();
  if (!after) throw new SavedMeanwhileError('article');
  await audit(tx, actor, brandId, 'update', id, before, after);
  return after;
}

/**
 * Puts the brand's articles in the order given (positions 0, 1, …). The list must be exactly the brand's articles: one
 * added or removed by someone meanwhile makes it 409 `list_changed`, nothing written. Only positions change: no
 * article's `updatedAt` moves, so an edit open in the office stays good (an edit keeps the position when it names
 * none, which is how the office saves).
 */
export async function reorderArticles(tx: Tx, actor: Identity, brandId: number, ids: number[]): Promise<ArticleRow[]> {
  const before = await listArticles(tx, brandId);
  const positions = new Map(before.map((a) => [a.id, a.position]));
  if (ids.length !== positions.size || !ids.every((id) => positions.has(id))) {
    throw new ApiError(
      409,
      'list_changed',
      'The articles changed after you opened the list (one added or removed); reload it and order them again',
    );
  }
  // The order the help screen shows already: nothing written, nothing audited.
  if (changesNothing({ ids: before.map((a) => a.id) }, { ids })) return before;
  for (const [position, id] of ids.entries()) {
    if (positions.get(id) !== position) await tx.update(kbArticles).set({ position }).where(eq(kbArticles.id, id));
  }
  await recordAudit(tx, {
    actor,
    brandId,
    section: 'support',
    action: 'kb_article.reorder',
    entity: 'kb_article_order',
    entityId: brandId,
    before: { ids: before.map((a) => a.id) },
    after: { ids },
  });
  return listArticles(tx, brandId);
}

/** Removes an article with its feedback (the ranking loses it; the audit entry keeps its text). */
export async function deleteArticle(tx: Tx, actor: Identity, brandId: number, id: number): Promise<void> {
  const before = await articleOf(tx, brandId, id);
  await tx.delete(kbFeedback).where(eq(kbFeedback.articleId, id));
  await tx.delete(kbArticles).where(eq(kbArticles.id, id));
  await audit(tx, actor, brandId, 'delete', id, before);
}

type Person = Pick<Identity, 'platform' | 'userId'>;

/** The participant opened the article (the first time counts; later opens change nothing). */
export async function recordArticleView(tx: Tx, articleId: number, who: Person, at: number): Promise<void> {
  await tx
    .insert(kbFeedback)
    .values({ articleId, platform: who.platform, platformUserId: who.userId, viewedAt: at })
    .onConflictDoNothing({ target: [kbFeedback.articleId, kbFeedback.platform, kbFeedback.platformUserId] });
}

/** "Did this help?": the latest answer replaces an earlier one; answering counts as having viewed. */
export async function recordArticleFeedback(
  tx: Tx,
  articleId: number,
  who: Person,
  helped: boolean,
  at: number,
): Promise<void> {
  await tx
    .insert(kbFeedback)
    .values({ articleId, platform: who.platform, platformUserId: who.userId, viewedAt: at, helped, answeredAt: at })
    .onConflictDoUpdate({
      target: [kbFeedback.articleId, kbFeedback.platform, kbFeedback.platformUserId],
      set: { helped, answeredAt: at },
    });
}
