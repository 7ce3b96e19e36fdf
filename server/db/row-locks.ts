/**
 * @module Row locks for transactions run with `{ explicitLocks: true }` (transactions.ts): the guards that replace
 * PostgreSQL's serializable checks where rewards are issued. Always taken in one order, so two transactions never wait
 * on each other in a circle: (1) the participant, (2) the rewards whose stock or daily cap will be counted, by id,
 * (3) codes and prize moments with SKIP LOCKED (take-free-code.ts, take-prize-moment.ts), which never wait.
 * The participant's lock orders everything one person does (a retried claim, a double-tapped spin, per-user limits,
 * attempts per day); the reward's lock orders the "count, then issue" of its stock and cap across everyone.
 * On SQLite the transaction already holds the database's only write lock, so these are no-ops there.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { schema } from './client.ts';
import { PROCESS_DIALECT } from './dialect.ts';
import type { Tx } from './transactions.ts';

const { participants, rewards } = schema;

async function lock(tx: Tx, query: SQL): Promise<void> {
  if (PROCESS_DIALECT !== 'postgres') return;
  await (tx as unknown as { execute(q: SQL): Promise<unknown> }).execute(sql`${query} FOR UPDATE`);
}

/**
 * Locks the participant row until the transaction ends. Call it first, before reading anything the transaction's
 * writes depend on: under READ COMMITTED every later statement then sees what the previous holder committed.
 * @example await lockParticipant(tx, participant.id);
 */
export async function lockParticipant(tx: Tx, participantId: number): Promise<void> {
  await lock(tx, sql`SELECT ${participants.id} FROM ${participants} WHERE ${participants.id} = ${participantId}`);
}

/**
 * The same, found by who the participant is (the claim locks before its one joined read, which finds the id); nothing
 * is locked when they have not joined, and the read after it says so.
 * @example await lockParticipantOf(tx, { campaignId: 1, platform: 'vk', userId: '42' });
 */
export async function lockParticipantOf(
  tx: Tx,
  who: { campaignId: number; platform: string; userId: string },
): Promise<void> {
  await lock(
    tx,
    sql`SELECT ${participants.id} FROM ${participants} WHERE ${and(
      eq(participants.campaignId, who.campaignId),
      eq(participants.platform, who.platform as 'vk'),
      eq(participants.platformUserId, who.userId),
    )}`,
  );
}

/** What a reward's row says about its limits across everyone. */
export interface StockLimits {
  id: number;
  stock: number | null;
  dailyCap: number | null;
}

/** Whether issuing the reward counts grants across participants (a total stock or a daily cap). */
export function countsStock(reward: StockLimits): boolean {
  return reward.stock != null || reward.dailyCap != null;
}

/**
 * Locks the rows of the rewards among `candidates` that have a stock or a daily cap, in id order, after the
 * participant. Lock every reward the transaction may issue before reading what is left of any of them (the wheel and
 * the pack-code game choose among several); re-locking one already held costs a statement and never waits.
 * @example await lockStock(tx, prizes);
 */
export async function lockStock(tx: Tx, candidates: readonly StockLimits[]): Promise<void> {
  const ids = [...new Set(candidates.filter(countsStock).map((r) => r.id))];
  if (ids.length === 0) return;
  await lock(tx, sql`SELECT ${rewards.id} FROM ${rewards} WHERE ${inArray(rewards.id, ids)} ORDER BY ${rewards.id}`);
}
