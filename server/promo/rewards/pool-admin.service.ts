/**
 * @module The brand's side of code pools: stock with low-stock flags, creating a pool (a real one, or a beta-test
 * sandbox standing in for a real one) and CSV import, each behind the `prizes` section permission on the campaign's
 * brand. Every write is in the office audit log, in the transaction that makes it: a pool's creation, and an import's
 * one entry, written by the transaction that moves the whole file's codes into the pool (decision 118: a file lands
 * whole or not at all, so one entry per file always matches what is in the pool).
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requirePermission } from '../../auth/permissions.ts';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit, setChangesNothing } from '../../office/audit.ts';
import { type CodeImport, codeImport, poolImports, startCodeImport } from './code-imports.ts';
import { type PoolRow, type PoolStock, poolStock } from './code-pool.ts';
import { DEFAULT_REWARD_POOL_THRESHOLD, ENTRY_POOL_THRESHOLD } from './low-stock.ts';

async function campaignFor(db: Db, identity: Identity, campaignId: number) {
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  await requirePermission(db, identity, campaign.brandId, 'prizes');
  return campaign;
}

/**
 * A campaign whose pools may still change: an ended or archived one keeps its stock as it was (its document and
 * calendar are closed too), so nothing is added to a campaign nobody can play any more.
 */
async function openCampaignFor(db: Db, identity: Identity, campaignId: number) {
  const campaign = await campaignFor(db, identity, campaignId);
  if (campaign.status === 'ended' || campaign.status === 'archived') {
    throw new ApiError(409, 'campaign_ended', 'The campaign has ended; its pools can no longer change');
  }
  return campaign;
}

export async function listPools(db: Db, identity: Identity, campaignId: number): Promise<PoolStock[]> {
  const campaign = await campaignFor(db, identity, campaignId);
  const pools = await db.select().from(schema.codePools).where(eq(schema.codePools.campaignId, campaign.id));
  return Promise.all(pools.map((p) => poolStock(db, p)));
}

async function poolOf(db: Db, campaignId: number, poolId: number): Promise<PoolRow> {
  const [pool] = await db
    .select()
    .from(schema.codePools)
    .where(and(eq(schema.codePools.id, poolId), eq(schema.codePools.campaignId, campaignId)))
    .limit(1);
  if (!pool) throw new ApiError(404, 'pool_not_found', `Campaign ${campaignId} has no pool ${poolId}`);
  return pool;
}

const entryPoolThresholdRefused = () =>
  new ApiError(422, 'entry_pool_threshold', 'An entry pool warns only when no code is left', [
    { path: 'lowStockThreshold', message: 'An entry pool has no low-stock threshold (0)' },
  ]);

export interface NewPool {
  key: string;
  name: string;
  purpose: 'reward' | 'entry';
  /** None asked: 20 for a prize pool, 0 for an entry pool (low-stock.ts). */
  lowStockThreshold?: number;
  /** Makes a sandbox pool for the beta test, standing in for this (real, reward) pool of the campaign. */
  sandboxOf?: number;
}

/** Creates an empty pool (codes come by import); 409 when the key is taken in this campaign. */
export async function createPool(db: Db, identity: Identity, campaignId: number, input: NewPool): Promise<PoolStock> {
  const campaign = await openCampaignFor(db, identity, campaignId);
  const pool = await inTransaction(db, async (tx) => {
    const [taken] = await tx
      .select({ id: schema.codePools.id })
      .from(schema.codePools)
      .where(and(eq(schema.codePools.campaignId, campaign.id), eq(schema.codePools.key, input.key)))
      .limit(1);
    if (taken) throw new ApiError(409, 'pool_key_taken', `Campaign ${campaign.id} already has a pool "${input.key}"`);
    if (input.sandboxOf !== undefined) {
      const real = await poolOf(tx, campaign.id, input.sandboxOf);
      if (real.sandbox || real.purpose !== 'reward') {
        throw new ApiError(422, 'invalid_input', 'A sandbox stands in for a real reward pool', [
          { path: 'sandboxOf', message: 'Not a real reward pool of this campaign' },
        ]);
      }
      // Testers take from the first sandbox of a pool (sandbox-pool.ts): a second would be imported and never used.
      const [existing] = await tx
        .select({ key: schema.codePools.key })
        .from(schema.codePools)
        .where(and(eq(schema.codePools.sandboxOf, real.id), eq(schema.codePools.sandbox, true)))
        .limit(1);
      if (existing) {
        throw new ApiError(409, 'sandbox_exists', `Pool ${real.id} already has a sandbox "${existing.key}"`);
      }
    }
    const purpose = input.sandboxOf === undefined ? input.purpose : 'reward';
    // The API's default was 20 whatever the purpose, so an entry pool made without one warned at 20 codes left.
    if (purpose === 'entry' && (input.lowStockThreshold ?? ENTRY_POOL_THRESHOLD) !== ENTRY_POOL_THRESHOLD) {
      throw entryPoolThresholdRefused();
    }
    const row = inserted(
      await tx
        .insert(schema.codePools)
        .values({
          campaignId: campaign.id,
          key: input.key,
          name: input.name,
          purpose,
          lowStockThreshold:
            purpose === 'entry' ? ENTRY_POOL_THRESHOLD : (input.lowStockThreshold ?? DEFAULT_REWARD_POOL_THRESHOLD),
          sandbox: input.sandboxOf !== undefined,
          sandboxOf: input.sandboxOf ?? null,
        })
        .returning(),
    );
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'pool.create',
      entity: 'pool',
      entityId: row.id,
      after: row,
    });
    return row;
  });
  return poolStock(db, pool);
}

/**
 * Sets a pool's low-stock threshold after it was made (decision 104): the brand learns how fast codes go once the
 * campaign runs. The line the office warns at stays `low-stock.ts`'s (never above a tenth of the codes loaded); the
 * answer says it (`lowStockAt`). The value it already has writes and records nothing (decision 067), so a retry of a
 * save whose answer was lost is answered as the state stands. An entry pool warns only when none is left (its codes
 * are plays, not prizes running out): any other threshold is refused.
 * @example await setLowStockThreshold(db, identity, 3, 7, 100) // { …, lowStockThreshold: 100, lowStockAt: 100 }
 */
export async function setLowStockThreshold(
  db: Db,
  identity: Identity,
  campaignId: number,
  poolId: number,
  lowStockThreshold: number,
): Promise<PoolStock> {
  const campaign = await openCampaignFor(db, identity, campaignId);
  const pool = await inTransaction(db, async (tx) => {
    const before = await poolOf(tx, campaign.id, poolId);
    const set = { lowStockThreshold };
    if (setChangesNothing(before, set)) return before;
    if (before.purpose === 'entry') throw entryPoolThresholdRefused();
    const [after] = await tx
      .update(schema.codePools)
      .set(set)
      .where(and(eq(schema.codePools.id, before.id), eq(schema.codePools.campaignId, campaign.id)))
      .returning();
    await recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'pool.threshold',
      entity: 'pool',
      entityId: before.id,
      before: { lowStockThreshold: before.lowStockThreshold },
      after: set,
    });
    return after ?? { ...before, ...set };
  });
  return poolStock(db, pool);
}

/** Starts importing a CSV into a campaign's pool, after the permission check (`code-imports.ts` runs it). */
export async function startImport(deps: Deps, identity: Identity, campaignId: number, poolId: number, csv: string) {
  const campaign = await openCampaignFor(deps.db, identity, campaignId);
  const pool = await poolOf(deps.db, campaign.id, poolId);
  const audited = (job: CodeImport) => async (tx: Tx, part: { codes: number; firstLine: number; lastLine: number }) =>
    recordAudit(tx, {
      actor: identity,
      brandId: campaign.brandId,
      section: 'prizes',
      action: 'pool.import',
      entity: 'pool',
      entityId: pool.id,
      after: { importId: job.importId, ...part },
    });
  return { pool, ...(await startCodeImport(deps.db, pool, csv, audited)) };
}

/** An import of this pool, for someone who may see the pool. */
export async function importStatus(
  deps: Deps,
  identity: Identity,
  campaignId: number,
  poolId: number,
  importId?: string,
) {
  const campaign = await campaignFor(deps.db, identity, campaignId);
  await poolOf(deps.db, campaign.id, poolId);
  return importId === undefined ? poolImports(deps, poolId) : [await codeImport(deps, poolId, importId)];
}
