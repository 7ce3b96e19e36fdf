/**
 * @module Taking one free code of a pool: the one claim-path operation whose SQL differs by database. On SQLite the
 * writer holds the database's write lock for the whole transaction, so "find the oldest free code and mark it used"
 * is one conditional UPDATE. On PostgreSQL claims run at once on several connections (and processes): the sub-select
 * takes `FOR UPDATE SKIP LOCKED`, so each transaction locks a different free code instead of all queueing on the
 * oldest one (and, under READ COMMITTED, finding it taken after the wait and getting nothing). `promo_grants` has a
 * unique index on the code row as the last line of defence either way.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { schema } from './client.ts';
import { PROCESS_DIALECT } from './dialect.ts';
import { bound, statement } from './prepared.ts';
import type { Tx } from './transactions.ts';

const { poolCodes } = schema;

// The free-code index (pool, used_at, id) keeps the sub-select a point lookup.
const oldestFree = sql`(SELECT ${poolCodes.id} FROM ${poolCodes} WHERE ${poolCodes.poolId} = ${sql.placeholder('poolId')} AND ${poolCodes.usedAt} IS NULL ORDER BY ${poolCodes.id} LIMIT 1${PROCESS_DIALECT === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``})`;
const takeOldestFree = statement((tx) =>
  tx
    .update(poolCodes)
    .set({ usedAt: bound('at'), participantId: bound('participantId') })
    .where(and(eq(poolCodes.id, oldestFree), isNull(poolCodes.usedAt)))
    .returning({ id: poolCodes.id, code: poolCodes.code }),
);

/**
 * Marks the oldest free code of `poolId` as used by `participantId` at `at` and returns it, or undefined when the
 * pool has none left. Call inside the transaction that records the grant.
 * @example const code = await takeFreeCode(tx, pool.id, participant.id, now);
 */
export async function takeFreeCode(
  tx: Tx,
  poolId: number,
  participantId: number,
  at: number,
): Promise<{ id: number; code: string } | undefined> {
  const [taken] = await takeOldestFree.run(tx, { poolId, participantId, at });
  return taken;
}
