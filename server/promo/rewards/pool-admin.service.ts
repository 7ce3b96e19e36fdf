/**
 * @module The brand's side of code pools: stock with low-stock flags, and CSV import, each behind the
 * `prizes` section permission on the campaign's brand.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requirePermission } from '../../auth/permissions.ts';
import { type Db, schema } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { codeImport, poolImports, startCodeImport } from './code-imports.ts';
import { type PoolRow, type PoolStock, poolStock } from './code-pool.ts';

async function campaignFor(db: Db, identity: Identity, campaignId: number) {
  const [campaign] = await db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  await requirePermission(db, identity, campaign.brandId, 'prizes');
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

/** Starts importing a CSV into a campaign's pool, after the permission check (`code-imports.ts` runs it). */
export async function startImport(deps: Deps, identity: Identity, campaignId: number, poolId: number, csv: string) {
  const campaign = await campaignFor(deps.db, identity, campaignId);
  const pool = await poolOf(deps.db, campaign.id, poolId);
  return { pool, ...startCodeImport(deps, deps.db, pool, csv) };
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
  return importId === undefined ? poolImports(deps, poolId) : [codeImport(deps, poolId, importId)];
}
