/**
 * @module Issuing a reward, atomically: one grant per participant per reward (a retry gets the first grant back), or
 * up to the reward's `perUserLimit` for a repeatable play (wheel, pack code, calendar: each play is its own act),
 * total stock and per-day caps respected, a code taken from the pool when the reward carries one, and the
 * `reward_issued` event recorded in the same transaction. Used by claims, the quiz and the wheel.
 */
import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { rows, statement } from '../../db/prepared.ts';
import { lockStock } from '../../db/row-locks.ts';
import { inserted } from '../../db/rows.ts';
import type { GrantSource } from '../../db/schema/promo.ts';
import { takeFreeCode } from '../../db/take-free-code.ts';
import type { Tx } from '../../db/transactions.ts';
import { recordEvent } from '../../funnel/record-event.ts';
import { freeCodes } from './code-pool.ts';
import { codePoolFor } from './sandbox-pool.ts';

export type RewardRow = typeof schema.rewards.$inferSelect;
export type GrantRow = typeof schema.grants.$inferSelect;

export type IssueOutcome =
  | { status: 'issued' | 'already_issued'; grant: GrantRow }
  | { status: 'sold_out' | 'daily_cap' };

export interface IssueRequest {
  campaignId: number;
  participantId: number;
  reward: RewardRow;
  source: GrantSource;
  /** Campaign day of `at` (see campaign-day.ts). */
  day: string;
  at: number;
  /** The campaign's stages, when the caller has the campaign row (recordEvent then need not read them). */
  stages?: readonly string[];
  /**
   * Whether the participant is a beta tester (`participants.is_tester`), when the caller has read it; otherwise it is
   * read here when the reward carries a code, since a tester's code comes from the sandbox pool (sandbox-pool.ts).
   */
  tester?: boolean;
  /**
   * A play that may win the same reward again, up to its `perUserLimit` (wheel spins, pack codes, calendar moments).
   * Claims and quiz bands leave it unset: one condition earns one grant, and a retry returns it.
   */
  repeatable?: boolean;
  /**
   * The caller read, earlier in this same transaction, that the participant holds no grant of the reward (the claim's
   * lookup, claim-lookup.ts), so a one-grant reward skips reading it again. Never set it from a read outside `tx`.
   */
  noEarlierGrant?: boolean;
}

const { grants } = schema;
const grantOf = statement((db) =>
  db
    .select()
    .from(grants)
    .where(
      and(eq(grants.participantId, sql.placeholder('participantId')), eq(grants.rewardId, sql.placeholder('rewardId'))),
    )
    .orderBy(asc(grants.nth))
    .limit(rows(1)),
);
const heldBy = statement((db) =>
  db
    .select({ n: count(), last: max(grants.nth) })
    .from(grants)
    .where(
      and(eq(grants.participantId, sql.placeholder('participantId')), eq(grants.rewardId, sql.placeholder('rewardId'))),
    ),
);
const issuedOverall = statement((db) =>
  db
    .select({ n: count() })
    .from(grants)
    .where(eq(grants.rewardId, sql.placeholder('rewardId'))),
);
const issuedOnDay = statement((db) =>
  db
    .select({ n: count() })
    .from(grants)
    .where(and(eq(grants.rewardId, sql.placeholder('rewardId')), eq(grants.day, sql.placeholder('day')))),
);
const insertGrant = statement((tx) =>
  tx
    .insert(grants)
    .values({
      campaignId: sql.placeholder('campaignId'),
      participantId: sql.placeholder('participantId'),
      rewardId: sql.placeholder('rewardId'),
      poolCodeId: sql.placeholder('poolCodeId'),
      code: sql.placeholder('code'),
      day: sql.placeholder('day'),
      source: sql.placeholder('source'),
      issuedAt: sql.placeholder('issuedAt'),
      nth: sql.placeholder('nth'),
    })
    .returning({ id: grants.id }),
);

/** The participant's first grant of the reward, if any. */
export async function findGrant(db: Db, participantId: number, rewardId: number): Promise<GrantRow | undefined> {
  return await grantOf.get(db, { participantId, rewardId });
}

/** How many grants of the reward the participant holds. */
export async function grantsHeld(db: Db, participantId: number, rewardId: number): Promise<number> {
  return (await heldBy.get(db, { participantId, rewardId }))?.n ?? 0;
}

/** Whether a play may still win this reward for the participant (fewer grants than its `perUserLimit`). */
export async function mayWinAgain(db: Db, participantId: number, reward: RewardRow): Promise<boolean> {
  return (await grantsHeld(db, participantId, reward.id)) < Math.max(1, reward.perUserLimit);
}

export async function issuedCount(db: Db, rewardId: number, day?: string): Promise<number> {
  const row = day ? await issuedOnDay.get(db, { rewardId, day }) : await issuedOverall.get(db, { rewardId });
  return row?.n ?? 0;
}

/** Units still available overall (null: unlimited). */
export async function remainingStock(db: Db, reward: RewardRow): Promise<number | null> {
  const byStock = reward.stock == null ? null : Math.max(0, reward.stock - (await issuedCount(db, reward.id)));
  const byPool = reward.poolId == null ? null : await freeCodes(db, reward.poolId);
  if (byStock == null) return byPool;
  if (byPool == null) return byStock;
  return Math.min(byStock, byPool);
}

/** Why this reward cannot be issued right now, if it cannot. */
export async function unavailability(db: Db, reward: RewardRow, day: string): Promise<'sold_out' | 'daily_cap' | null> {
  if ((await remainingStock(db, reward)) === 0) return 'sold_out';
  if (reward.dailyCap != null && (await issuedCount(db, reward.id, day)) >= reward.dailyCap) return 'daily_cap';
  return null;
}

/**
 * Issues inside the caller's transaction (the grant, the code and the event together or not at all). The transaction
 * runs with `{ explicitLocks: true }` and has locked the participant (row-locks.ts) before its first read.
 */
export async function issueReward(tx: Tx, req: IssueRequest): Promise<IssueOutcome> {
  const limit = req.repeatable ? Math.max(1, req.reward.perUserLimit) : 1;
  let nth = 1;
  if (limit === 1) {
    // One grant: it is the answer to a retry (a single indexed read, unless the caller's lookup in `tx` made it).
    const existing = req.noEarlierGrant ? undefined : await findGrant(tx, req.participantId, req.reward.id);
    if (existing) return { status: 'already_issued', grant: existing };
  } else {
    const held = await heldBy.get(tx, { participantId: req.participantId, rewardId: req.reward.id });
    if ((held?.n ?? 0) >= limit) {
      return { status: 'already_issued', grant: (await findGrant(tx, req.participantId, req.reward.id)) as GrantRow };
    }
    // After the highest place taken, not the count: a place freed by a wiped beta play is never reused.
    nth = (held?.last ?? 0) + 1;
  }
  // A reward a published revision removed is out for everyone: what was granted stays (above), nothing new is.
  if (req.reward.removedAt != null) return { status: 'sold_out' };
  // Counting stock and today's cap is "read, then write": on PostgreSQL the reward's row lock orders it across
  // processes (row-locks.ts; the caller locked the participant first).
  await lockStock(tx, [req.reward]);
  // The pool's emptiness is found by takeFreeCode below; counting free codes here would be a wasted scan.
  if (req.reward.stock != null && (await issuedCount(tx, req.reward.id)) >= req.reward.stock) {
    return { status: 'sold_out' };
  }
  if (req.reward.dailyCap != null && (await issuedCount(tx, req.reward.id, req.day)) >= req.reward.dailyCap) {
    return { status: 'daily_cap' };
  }
  let code: { id: number; code: string } | undefined;
  if (req.reward.poolId != null) {
    const poolId = await codePoolFor(tx, req.reward.poolId, req.participantId, req.tester);
    code = poolId == null ? undefined : await takeFreeCode(tx, poolId, req.participantId, req.at);
    if (!code) return { status: 'sold_out' };
  }
  // The row is exactly what was inserted (no column defaults), so only its id is read back.
  const row: Omit<GrantRow, 'id'> = {
    campaignId: req.campaignId,
    participantId: req.participantId,
    rewardId: req.reward.id,
    poolCodeId: code?.id ?? null,
    code: code?.code ?? null,
    day: req.day,
    source: req.source,
    issuedAt: req.at,
    nth,
  };
  const { id } = inserted(await insertGrant.run(tx, row));
  await recordEvent(
    tx,
    {
      campaignId: req.campaignId,
      participantId: req.participantId,
      type: 'reward_issued',
      at: req.at,
      data: { reward: req.reward.key, source: req.source, ...(code ? { codeId: code.id } : {}) },
    },
    req.stages,
  );
  return { status: 'issued', grant: { id, ...row } };
}
