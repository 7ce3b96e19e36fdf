/**
 * @module Taking one due moment of the prize calendar (server/promo/calendar/): the oldest unwon moment that has come,
 * among the rewards the player can still win, marked won in one conditional UPDATE, so a moment is won once however
 * many plays reach it together. On PostgreSQL the sub-select takes `FOR UPDATE SKIP LOCKED`, so two plays at once take
 * two different moments when there are two, and the second finds none (a loss) when there is one, instead of waiting on
 * the first's lock; on SQLite the writer's lock orders them. The `won_by IS NULL` condition is the guard either way.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { schema } from './client.ts';
import { PROCESS_DIALECT } from './dialect.ts';
import type { Tx } from './transactions.ts';

const { prizeMoments } = schema;

export interface TakenMoment {
  id: number;
  rewardId: number;
  at: number;
}

/**
 * Marks the oldest unwon moment of `campaignId` at or before `at`, for one of `rewardIds`, as won by `participantId`,
 * and returns it; undefined when none is due. Call inside the transaction that issues the prize.
 * @example const moment = await takePrizeMoment(tx, { campaignId: 3, rewardIds: [7, 8], participantId: 12, at: now });
 */
export async function takePrizeMoment(
  tx: Tx,
  play: { campaignId: number; rewardIds: readonly number[]; participantId: number; at: number },
): Promise<TakenMoment | undefined> {
  if (play.rewardIds.length === 0) return undefined;
  const lock = PROCESS_DIALECT === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const oldestDue = sql`(SELECT ${prizeMoments.id} FROM ${prizeMoments} WHERE ${prizeMoments.campaignId} = ${play.campaignId} AND ${inArray(prizeMoments.rewardId, [...play.rewardIds])} AND ${prizeMoments.wonBy} IS NULL AND ${prizeMoments.at} <= ${play.at} ORDER BY ${prizeMoments.at}, ${prizeMoments.id} LIMIT 1${lock})`;
  const [taken] = await tx
    .update(prizeMoments)
    .set({ wonBy: play.participantId, wonAt: play.at })
    .where(and(eq(prizeMoments.id, oldestDue), isNull(prizeMoments.wonBy)))
    .returning({ id: prizeMoments.id, rewardId: prizeMoments.rewardId, at: prizeMoments.at });
  return taken;
}
