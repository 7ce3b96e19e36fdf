/**
 * @module The campaign document to and from its tables: `campaigns`, `promo_tasks`, `promo_rewards`,
 * `promo_code_pools` (counts from `promo_pool_codes`), `campaign_revisions` for the revision number. Russian texts go
 * to the columns, English to `translations.en` (decision 017). Rows are matched by key. A task or reward left out of
 * the document is deleted only while nothing references it and the campaign was never published; otherwise it is
 * marked removed (`removed_at`), so completions and grants that point at it stay valid.
 */
import { and, asc, count, eq, isNull, max } from 'drizzle-orm';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { TextTranslations } from '../../db/schema/campaign.ts';
import type { Tx } from '../../db/transactions.ts';
import { dropPoolImports } from '../../promo/rewards/code-imports.ts';
import { ENTRY_POOL_THRESHOLD } from '../../promo/rewards/low-stock.ts';
import { knownCampaignSettings, knownTaskConfig } from '../../promo/settings.ts';
import type { Bilingual, CampaignContent, CampaignDocument, PoolDocument } from './campaign-document.ts';
import { allowedTransitions } from './campaign-transitions.ts';

const { campaigns, tasks, rewards, codePools, poolCodes, campaignRevisions, taskCompletions, grants, prizeMoments } =
  schema;

/** `{ ru, en }` from a row's Russian column and its English translation. */
function bilingual(row: { translations: TextTranslations }, ru: string, field: string): Bilingual {
  return { ru, en: row.translations.en?.[field] ?? '' };
}

/** The `translations` value for the given `{ ru, en }` texts (empty English left out, so Russian is the fallback). */
function englishOf(texts: Record<string, Bilingual>): TextTranslations {
  const en = Object.fromEntries(
    Object.entries(texts)
      .filter(([, t]) => t.en !== '')
      .map(([k, t]) => [k, t.en]),
  );
  return Object.keys(en).length > 0 ? { en } : {};
}

export async function publishedRevision(db: Db, campaignId: number): Promise<number> {
  const [row] = await db
    .select({ n: max(campaignRevisions.number) })
    .from(campaignRevisions)
    .where(eq(campaignRevisions.campaignId, campaignId));
  return row?.n ?? 0;
}

export async function poolDocuments(db: Db, campaignId: number): Promise<PoolDocument[]> {
  const pools = await db
    .select()
    .from(codePools)
    .where(eq(codePools.campaignId, campaignId))
    .orderBy(asc(codePools.id));
  const out: PoolDocument[] = [];
  for (const p of pools) {
    const [all] = await db.select({ n: count() }).from(poolCodes).where(eq(poolCodes.poolId, p.id));
    const [free] = await db
      .select({ n: count() })
      .from(poolCodes)
      .where(and(eq(poolCodes.poolId, p.id), isNull(poolCodes.usedAt)));
    out.push({
      key: p.key,
      name: p.name,
      purpose: p.purpose,
      lowStockThreshold: p.lowStockThreshold,
      total: all?.n ?? 0,
      free: free?.n ?? 0,
      sandbox: p.sandbox,
    });
  }
  return out;
}

/** The campaign as its document (removed tasks and rewards are not part of it). */
export async function loadDocument(db: Db, campaign: CampaignRow): Promise<CampaignDocument> {
  const taskRows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.campaignId, campaign.id), isNull(tasks.removedAt)))
    .orderBy(asc(tasks.position), asc(tasks.id));
  const rewardRows = await db
    .select()
    .from(rewards)
    .where(and(eq(rewards.campaignId, campaign.id), isNull(rewards.removedAt)))
    .orderBy(asc(rewards.position), asc(rewards.id));
  const pools = await db.select().from(codePools).where(eq(codePools.campaignId, campaign.id));
  const poolKey = new Map(pools.map((p) => [p.id, p.key]));
  return {
    id: campaign.id,
    brandId: campaign.brandId,
    appId: campaign.appId,
    communityId: campaign.communityId,
    status: campaign.status,
    revision: await publishedRevision(db, campaign.id),
    editVersion: campaign.editVersion,
    allowedTransitions: allowedTransitions(campaign.status),
    slug: campaign.slug,
    mechanic: campaign.mechanic,
    legalType: campaign.legalType,
    title: bilingual(campaign, campaign.title, 'title'),
    description: bilingual(campaign, campaign.description, 'description'),
    rulesText: bilingual(campaign, campaign.rulesText, 'rulesText'),
    startsAt: campaign.startsAt,
    endsAt: campaign.endsAt,
    timeZone: campaign.timeZone,
    theme: campaign.theme,
    settings: knownCampaignSettings(campaign.settings) as CampaignDocument['settings'],
    tasks: taskRows.map((t) => ({
      key: t.key,
      kind: t.kind,
      title: bilingual(t, t.title, 'title'),
      description: bilingual(t, t.description, 'description'),
      config: knownTaskConfig(t.kind, t.config),
      attemptsGranted: t.attemptsGranted,
      position: t.position,
    })),
    rewards: rewardRows.map((r) => ({
      key: r.key,
      title: bilingual(r, r.title, 'title'),
      description: bilingual(r, r.description, 'description'),
      howToUse: bilingual(r, r.howToUse, 'howToUse'),
      poolKey: r.poolId == null ? null : (poolKey.get(r.poolId) ?? null),
      stock: r.stock,
      dailyCap: r.dailyCap,
      weight: r.weight,
      perUserLimit: r.perUserLimit,
      requiresServerVerified: r.requiresServerVerified,
      unlock: r.unlock as CampaignDocument['rewards'][number]['unlock'],
    })),
    pools: await poolDocuments(db, campaign.id),
  };
}

/** The campaign columns a document sets (identity, brand and status excepted). */
export function campaignColumns(content: CampaignContent) {
  return {
    slug: content.slug,
    mechanic: content.mechanic,
    legalType: content.legalType,
    title: content.title.ru,
    description: content.description.ru,
    rulesText: content.rulesText.ru,
    translations: englishOf({ title: content.title, description: content.description, rulesText: content.rulesText }),
    startsAt: content.startsAt,
    endsAt: content.endsAt,
    timeZone: content.timeZone,
    theme: content.theme,
    settings: content.settings as Record<string, unknown>,
  };
}

export function taskColumns(task: CampaignContent['tasks'][number]) {
  return {
    key: task.key,
    kind: task.kind,
    title: task.title.ru,
    description: task.description.ru,
    translations: englishOf({ title: task.title, description: task.description }),
    config: task.config,
    attemptsGranted: task.attemptsGranted,
    position: task.position,
    removedAt: null,
  };
}

export function rewardColumns(reward: CampaignContent['rewards'][number], poolId: number | null, position: number) {
  return {
    key: reward.key,
    title: reward.title.ru,
    description: reward.description.ru,
    howToUse: reward.howToUse.ru,
    translations: englishOf({ title: reward.title, description: reward.description, howToUse: reward.howToUse }),
    position,
    poolId,
    stock: reward.stock,
    dailyCap: reward.dailyCap,
    weight: reward.weight,
    perUserLimit: reward.perUserLimit ?? 1,
    requiresServerVerified: reward.requiresServerVerified,
    unlock: reward.unlock as Record<string, unknown>,
    removedAt: null,
  };
}

export interface SaveOptions {
  now: number;
  /** A published campaign never deletes a task or reward: it marks it removed. */
  published: boolean;
}

/**
 * Writes a document's content over a campaign inside the caller's transaction. Pools are added or renamed; a pool
 * left out is deleted only when it holds no codes and no reward uses it, with its ended import jobs (a live import
 * refuses the save, 409 `import_running`). Pool counts in the document are ignored.
 */
export async function saveContent(tx: Tx, campaignId: number, content: CampaignContent, opts: SaveOptions) {
  await tx
    .update(campaigns)
    .set({ ...campaignColumns(content), updatedAt: opts.now })
    .where(eq(campaigns.id, campaignId));
  const poolIds = await savePools(tx, campaignId, content.pools);
  const taskRows = await tx.select().from(tasks).where(eq(tasks.campaignId, campaignId));
  await saveRows(taskRows, content.tasks.map(taskColumns), opts, {
    referenced: async (id) =>
      (await tx.select({ id: taskCompletions.id }).from(taskCompletions).where(eq(taskCompletions.taskId, id)).limit(1))
        .length > 0,
    drop: async (id) => void (await tx.delete(tasks).where(eq(tasks.id, id))),
    markRemoved: async (id, at) => void (await tx.update(tasks).set({ removedAt: at }).where(eq(tasks.id, id))),
    update: async (id, v) => void (await tx.update(tasks).set(v).where(eq(tasks.id, id))),
    insert: async (v) => void (await tx.insert(tasks).values({ campaignId, ...v })),
  });
  const rewardRows = await tx.select().from(rewards).where(eq(rewards.campaignId, campaignId));
  const rewardValues = content.rewards.map((r, i) =>
    rewardColumns(r, r.poolKey == null ? null : (poolIds.get(r.poolKey) ?? null), i),
  );
  await saveRows(rewardRows, rewardValues, opts, {
    // A prize calendar's moments point at their prize too (a draft's calendar is made after its first save).
    referenced: async (id) =>
      (await tx.select({ id: grants.id }).from(grants).where(eq(grants.rewardId, id)).limit(1)).length > 0 ||
      (await tx.select({ id: prizeMoments.id }).from(prizeMoments).where(eq(prizeMoments.rewardId, id)).limit(1))
        .length > 0,
    drop: async (id) => void (await tx.delete(rewards).where(eq(rewards.id, id))),
    markRemoved: async (id, at) => void (await tx.update(rewards).set({ removedAt: at }).where(eq(rewards.id, id))),
    update: async (id, v) => void (await tx.update(rewards).set(v).where(eq(rewards.id, id))),
    insert: async (v) => void (await tx.insert(rewards).values({ campaignId, ...v })),
  });
  await dropUnusedPools(tx, campaignId, new Set(content.pools.map((p) => p.key)));
}

async function savePools(tx: Tx, campaignId: number, pools: PoolDocument[]): Promise<Map<string, number>> {
  const existing = await tx.select().from(codePools).where(eq(codePools.campaignId, campaignId));
  const ids = new Map(existing.map((p) => [p.key, p.id]));
  for (const p of pools) {
    // An entry pool warns only when none is left (low-stock.ts): the editor never shows its threshold, and a document
    // read back from rows written before that rule may carry one, so the save keeps it at 0 instead of refusing.
    const lowStockThreshold = p.purpose === 'entry' ? ENTRY_POOL_THRESHOLD : p.lowStockThreshold;
    const values = { name: p.name, purpose: p.purpose, lowStockThreshold };
    const id = ids.get(p.key);
    if (id !== undefined) await tx.update(codePools).set(values).where(eq(codePools.id, id));
    else {
      const row = inserted(
        await tx
          .insert(codePools)
          .values({ campaignId, key: p.key, ...values })
          .returning({ id: codePools.id }),
      );
      ids.set(p.key, row.id);
    }
  }
  return ids;
}

async function dropUnusedPools(tx: Tx, campaignId: number, keep: Set<string>): Promise<void> {
  for (const p of await tx.select().from(codePools).where(eq(codePools.campaignId, campaignId))) {
    if (keep.has(p.key)) continue;
    const [codes] = await tx.select({ n: count() }).from(poolCodes).where(eq(poolCodes.poolId, p.id));
    const [users] = await tx.select({ n: count() }).from(rewards).where(eq(rewards.poolId, p.id));
    if ((codes?.n ?? 0) > 0 || (users?.n ?? 0) > 0) continue;
    await dropPoolImports(tx, p.id);
    await tx.delete(codePools).where(eq(codePools.id, p.id));
  }
}

interface RowWriter<V> {
  referenced(id: number): Promise<boolean>;
  drop(id: number): Promise<void>;
  markRemoved(id: number, at: number): Promise<void>;
  update(id: number, values: V): Promise<void>;
  insert(values: V): Promise<void>;
}

/** Upserts rows by key; rows whose key is gone are deleted or marked removed (see the module comment). */
async function saveRows<V extends { key: string; removedAt: number | null }>(
  existing: { id: number; key: string; removedAt: number | null }[],
  values: V[],
  opts: SaveOptions,
  write: RowWriter<V>,
): Promise<void> {
  const byKey = new Map(existing.map((r) => [r.key, r]));
  const kept = new Set(values.map((v) => v.key));
  for (const gone of existing.filter((r) => !kept.has(r.key) && r.removedAt == null)) {
    if (!opts.published && !(await write.referenced(gone.id))) await write.drop(gone.id);
    else await write.markRemoved(gone.id, opts.now);
  }
  for (const v of values) {
    const row = byKey.get(v.key);
    if (row) await write.update(row.id, v);
    else await write.insert(v);
  }
}
