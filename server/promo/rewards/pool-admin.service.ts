/**
 * @module The brand's side of code pools: stock with low-stock flags, and CSV import, each behind the
 * `prizes` section permission on the campaign's brand.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requirePermission } from '../../auth/permissions.ts';
import { type Db, schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { type PoolRow, type PoolStock, poolStock } from './code-pool.ts';
import { type ImportResult, importPoolCodes } from './csv-import.ts';

function campaignFor(db: Db, identity: Identity, campaignId: number) {
  const campaign = db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaignId)).get();
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${campaignId} does not exist`);
  requirePermission(db, identity, campaign.brandId, 'prizes');
  return campaign;
}

export function listPools(db: Db, identity: Identity, campaignId: number): PoolStock[] {
  const campaign = campaignFor(db, identity, campaignId);
  return db
    .select()
    .from(schema.codePools)
    .where(eq(schema.codePools.campaignId, campaign.id))
    .all()
    .map((p) => poolStock(db, p));
}

function poolOf(db: Db, campaignId: number, poolId: number): PoolRow {
  const pool = db
    .select()
    .from(schema.codePools)
    .where(and(eq(schema.codePools.id, poolId), eq(schema.codePools.campaignId, campaignId)))
    .get();
  if (!pool) throw new ApiError(404, 'pool_not_found', `Campaign ${campaignId} has no pool ${poolId}`);
  return pool;
}

export function importCodes(
  db: Db,
  identity: Identity,
  campaignId: number,
  poolId: number,
  csv: string,
): ImportResult & { stock: PoolStock } {
  const campaign = campaignFor(db, identity, campaignId);
  const pool = poolOf(db, campaign.id, poolId);
  const result = importPoolCodes(db, pool, csv);
  return { ...result, stock: poolStock(db, pool) };
}
