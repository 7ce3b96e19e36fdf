/**
 * @module Code pools: stock figures for the brand (total, issued, free, low stock) and taking one free code.
 * Taking is a conditional update (`used_at IS NULL`) inside the caller's transaction, and `promo_grants`
 * has a unique index on the code row, so one code can never reach two people.
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import type { DbOrTx } from '../../funnel/record-event.ts';

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
  lowStock: boolean;
  soldOut: boolean;
}

export function poolStock(db: DbOrTx, pool: PoolRow): PoolStock {
  const total =
    db.select({ n: count() }).from(schema.poolCodes).where(eq(schema.poolCodes.poolId, pool.id)).get()?.n ?? 0;
  const free =
    db
      .select({ n: count() })
      .from(schema.poolCodes)
      .where(and(eq(schema.poolCodes.poolId, pool.id), isNull(schema.poolCodes.usedAt)))
      .get()?.n ?? 0;
  return {
    poolId: pool.id,
    key: pool.key,
    name: pool.name,
    purpose: pool.purpose,
    total,
    used: total - free,
    free,
    lowStockThreshold: pool.lowStockThreshold,
    lowStock: free <= pool.lowStockThreshold,
    soldOut: free === 0,
  };
}

export function freeCodes(db: DbOrTx, poolId: number): number {
  return (
    db
      .select({ n: count() })
      .from(schema.poolCodes)
      .where(and(eq(schema.poolCodes.poolId, poolId), isNull(schema.poolCodes.usedAt)))
      .get()?.n ?? 0
  );
}

/** One statement finds and takes the oldest free code (the free-code index keeps this a point lookup). */
const takeOldestFreeCode = (db: Db) =>
  db
    .update(schema.poolCodes)
    .set({ usedAt: sql`${sql.placeholder('at')}`, participantId: sql`${sql.placeholder('participantId')}` })
    .where(
      and(
        eq(
          schema.poolCodes.id,
          sql`(SELECT ${schema.poolCodes.id} FROM ${schema.poolCodes} WHERE ${schema.poolCodes.poolId} = ${sql.placeholder('poolId')} AND ${schema.poolCodes.usedAt} IS NULL ORDER BY ${schema.poolCodes.id} LIMIT 1)`,
        ),
        isNull(schema.poolCodes.usedAt),
      ),
    )
    .returning({ id: schema.poolCodes.id, code: schema.poolCodes.code })
    .prepare();

/** Takes the oldest free code of a pool for a participant, or returns undefined when the pool is empty. */
export function takeCode(
  db: DbOrTx,
  poolId: number,
  participantId: number,
  at: number,
): { id: number; code: string } | undefined {
  return prepared(db, takeOldestFreeCode).get({ poolId, at, participantId });
}
