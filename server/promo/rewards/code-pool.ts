/**
 * @module Code pools: stock figures for the brand (total, issued, free, low stock). Taking a code is
 * server/db/take-free-code.ts (its SQL differs by database), inside the caller's transaction.
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { statement } from '../../db/prepared.ts';
import { isLowStock, isSoldOut, lowStockLine } from './low-stock.ts';

export type PoolRow = typeof schema.codePools.$inferSelect;

export interface PoolStock {
  poolId: number;
  key: string;
  name: string;
  purpose: 'reward' | 'entry';
  total: number;
  used: number;
  free: number;
  lowStockThreshold: number;
  /** Free codes at or below which the pool is low: its threshold, at most a tenth of its codes (low-stock.ts). */
  lowStockAt: number;
  lowStock: boolean;
  soldOut: boolean;
  /** A beta-test pool standing in for pool `sandboxOf` (server/office/beta/). */
  sandbox: boolean;
  sandboxOf: number | null;
}

export async function poolStock(db: Db, pool: PoolRow): Promise<PoolStock> {
  const [all] = await db.select({ n: count() }).from(schema.poolCodes).where(eq(schema.poolCodes.poolId, pool.id));
  const total = all?.n ?? 0;
  const free = await freeCodes(db, pool.id);
  return {
    poolId: pool.id,
    key: pool.key,
    name: pool.name,
    purpose: pool.purpose,
    total,
    used: total - free,
    free,
    lowStockThreshold: pool.lowStockThreshold,
    lowStockAt: lowStockLine({ lowStockThreshold: pool.lowStockThreshold, total }),
    lowStock: isLowStock({ lowStockThreshold: pool.lowStockThreshold, total, free }),
    soldOut: isSoldOut({ total, free }),
    sandbox: pool.sandbox,
    sandboxOf: pool.sandboxOf,
  };
}

const freeCount = statement((db) =>
  db
    .select({ n: count() })
    .from(schema.poolCodes)
    .where(and(eq(schema.poolCodes.poolId, sql.placeholder('poolId')), isNull(schema.poolCodes.usedAt))),
);

export async function freeCodes(db: Db, poolId: number): Promise<number> {
  return (await freeCount.get(db, { poolId }))?.n ?? 0;
}
