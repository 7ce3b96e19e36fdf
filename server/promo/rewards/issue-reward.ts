/**
 * @module Issuing a reward, atomically: one grant per participant per reward (a retry gets the first grant back),
 * total stock and per-day caps respected, a code taken from the pool when the reward carries one, and the
 * `reward_issued` event recorded in the same transaction. Used by claims, the quiz and the wheel.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { atomically, prepared } from '../../db/prepared.ts';
import { type DbOrTx, recordEvent } from '../../funnel/record-event.ts';
import { freeCodes, takeCode } from './code-pool.ts';

export type RewardRow = typeof schema.rewards.$inferSelect;
export type GrantRow = typeof schema.grants.$inferSelect;

export type IssueOutcome =
  | { status: 'issued' | 'already_issued'; grant: GrantRow }
  | { status: 'sold_out' | 'daily_cap' };

export interface IssueRequest {
  campaignId: number;
  participantId: number;
  reward: RewardRow;
  source: 'claim' | 'quiz' | 'wheel';
  /** Campaign day of `at` (see campaign-day.ts). */
  day: string;
  at: number;
}

const grantOf = (db: Db) =>
  db
    .select()
    .from(schema.grants)
    .where(
      and(
        eq(schema.grants.participantId, sql.placeholder('participantId')),
        eq(schema.grants.rewardId, sql.placeholder('rewardId')),
      ),
    )
    .prepare();

const insertGrant = (db: Db) =>
  db
    .insert(schema.grants)
    .values({
      campaignId: sql.placeholder('campaignId'),
      participantId: sql.placeholder('participantId'),
      rewardId: sql.placeholder('rewardId'),
      poolCodeId: sql.placeholder('poolCodeId'),
      code: sql.placeholder('code'),
      day: sql.placeholder('day'),
      source: sql.placeholder('source'),
      issuedAt: sql.placeholder('issuedAt'),
    })
    .prepare();

export function findGrant(db: DbOrTx, participantId: number, rewardId: number): GrantRow | undefined {
  return prepared(db, grantOf).get({ participantId, rewardId });
}

export function issuedCount(db: DbOrTx, rewardId: number, day?: string): number {
  const where = day
    ? and(eq(schema.grants.rewardId, rewardId), eq(schema.grants.day, day))
    : eq(schema.grants.rewardId, rewardId);
  return db.select({ n: count() }).from(schema.grants).where(where).get()?.n ?? 0;
}

/** Units still available overall (null: unlimited). */
export function remainingStock(db: DbOrTx, reward: RewardRow): number | null {
  const byStock = reward.stock == null ? null : Math.max(0, reward.stock - issuedCount(db, reward.id));
  const byPool = reward.poolId == null ? null : freeCodes(db, reward.poolId);
  if (byStock == null) return byPool;
  if (byPool == null) return byStock;
  return Math.min(byStock, byPool);
}

/** Why this reward cannot be issued right now, if it cannot. */
export function unavailability(db: DbOrTx, reward: RewardRow, day: string): 'sold_out' | 'daily_cap' | null {
  if (remainingStock(db, reward) === 0) return 'sold_out';
  if (reward.dailyCap != null && issuedCount(db, reward.id, day) >= reward.dailyCap) return 'daily_cap';
  return null;
}

export function issueReward(db: DbOrTx, req: IssueRequest): IssueOutcome {
  return atomically(db, (tx) => {
    const existing = findGrant(tx, req.participantId, req.reward.id);
    if (existing) return { status: 'already_issued' as const, grant: existing };
    // The pool's emptiness is found by takeCode below; counting free codes here would be a wasted scan.
    if (req.reward.stock != null && issuedCount(tx, req.reward.id) >= req.reward.stock) {
      return { status: 'sold_out' as const };
    }
    if (req.reward.dailyCap != null && issuedCount(tx, req.reward.id, req.day) >= req.reward.dailyCap) {
      return { status: 'daily_cap' as const };
    }
    let code: { id: number; code: string } | undefined;
    if (req.reward.poolId != null) {
      code = takeCode(tx, req.reward.poolId, req.participantId, req.at);
      if (!code) return { status: 'sold_out' as const };
    }
    // The row is exactly what was inserted (no column defaults), so it is built here rather than read back.
    const row: Omit<GrantRow, 'id'> = {
      campaignId: req.campaignId,
      participantId: req.participantId,
      rewardId: req.reward.id,
      poolCodeId: code?.id ?? null,
      code: code?.code ?? null,
      day: req.day,
      source: req.source,
      issuedAt: req.at,
    };
    const grant: GrantRow = { id: Number(prepared(tx, insertGrant).run(row).lastInsertRowid), ...row };
    recordEvent(tx, {
      campaignId: req.campaignId,
      participantId: req.participantId,
      type: 'reward_issued',
      at: req.at,
      data: { reward: req.reward.key, source: req.source, ...(code ? { codeId: code.id } : {}) },
    });
    return { status: 'issued' as const, grant };
  });
}
