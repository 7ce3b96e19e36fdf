/**
 * @module Code pools: stock figures for the brand (total, issued, free, low stock) and taking one free code.
 * Taking is a conditional update (`used_at IS NULL`) inside the caller's transaction, and `promo_grants`
 * has a unique index on the code row, so one code can never reach two people.
 */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
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

const oldestFreeCode = (db: Db) =>
  db
    .select({ id: schema.poolCodes.id, code: schema.poolCodes.code })
    .from(schema.poolCodes)
    .where(and(eq(schema.poolCodes.poolId, sql.placeholder('poolId')), isNull(schema.poolCodes.usedAt)))
    .orderBy(asc(schema.poolCodes.id))
    .limit(1)
    .prepare();

const markCodeUsed = (db: Db) =>
  db
    .update(schema.poolCodes)
    .set({ usedAt: sql`${sql.placeholder('at')}`, participantId: sql`${sql.placeholder('participantId')}` })
    .where(and(eq(schema.poolCodes.id, sql.placeholder('id')), isNull(schema.poolCodes.usedAt)))
    .prepare();

/** Takes the oldest free code of a pool for a participant, or returns undefined when the pool is empty. */
export function takeCode(
  db: DbOrTx,
  poolId: number,
  participantId: number,
  at: number,
): { id: number; code: string } | undefined {
  for (let tries = 0; tries < 3; tries++) {
    const free = prepared(db, oldestFreeCode).get({ poolId });
    if (!free) return undefined;
    const taken = prepared(db, markCodeUsed).run({ id: free.id, at, participantId });
    if (taken.changes === 1) return free;
  }
  return undefined;
}
