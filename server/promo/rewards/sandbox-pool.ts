/**
 * @module Which pool a grant's code comes from: the reward's own pool for a real participant, its sandbox pool
 * (`promo_code_pools.sandbox_of` = the reward's pool) for a beta tester. So a tester never takes a real code, and a
 * real participant never a sandbox one (rewards point at real pools; the office refuses a sandbox pool there).
 */
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../db/client.ts';
import { rows, statement } from '../../db/prepared.ts';
import type { Tx } from '../../db/transactions.ts';

const { codePools, participants } = schema;

const testerFlag = statement((db) =>
  db
    .select({ isTester: participants.isTester })
    .from(participants)
    .where(eq(participants.id, sql.placeholder('participantId')))
    .limit(rows(1)),
);
const sandboxOf = statement((db) =>
  db
    .select({ id: codePools.id })
    .from(codePools)
    .where(and(eq(codePools.sandboxOf, sql.placeholder('poolId')), eq(codePools.sandbox, true)))
    .orderBy(codePools.id)
    .limit(rows(1)),
);

/**
 * The pool to take this participant's code from, or null when a tester's reward has no sandbox pool (then the tester
 * sees the reward as sold out). `tester` is the participant's flag when the caller has read it.
 * @example const poolId = await codePoolFor(tx, reward.poolId, participant.id, participant.isTester);
 */
export async function codePoolFor(
  tx: Tx,
  poolId: number,
  participantId: number,
  tester?: boolean,
): Promise<number | null> {
  const isTester = tester ?? (await testerFlag.get(tx, { participantId }))?.isTester === true;
  if (!isTester) return poolId;
  return (await sandboxOf.get(tx, { poolId }))?.id ?? null;
}
