/**
 * @module Claiming outbox rows for sending, in one write transaction so two senders never take the same row.
 * Rows whose lease expired (a sender died mid-call) are taken again; their stored `random_id` makes that harmless
 * within the hour VK remembers it (`RANDOM_ID_MEMORY_MS`); older ones are closed as `delivery_unknown`.
 * Rows that must no longer leave (brand switched off, broadcast cancelled, consent withdrawn, rule or campaign stopped,
 * participant moved on: outbox-stale.ts) are closed instead of claimed.
 */
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { MessageChannel } from '../db/schema/messaging.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import { type OutboxScope, scopeParts } from './outbox-scope.ts';
import { cancelSwitchedOffBroadcasts, type StaleReason, staleReasons } from './outbox-stale.ts';

const { outbox } = schema;

export type { MessageChannel };
export type OutboxRow = typeof outbox.$inferSelect;

/** One VK call: identical texts to up to 100 peers, or up to 25 personal messages inside `execute`. */
export interface SendRequest {
  shape: 'peers' | 'execute';
  channel: MessageChannel;
  rows: OutboxRow[];
}

export interface ClaimOptions {
  now: number;
  maxRequests: number;
  leaseMs: number;
  channels: MessageChannel[];
  /** Only this run's rows: its community's, or its app's (outbox-scope.ts); all when absent. */
  scope?: OutboxScope;
  /**
   * Told, after the claim commits, how many rows it closed instead of claiming: `cancelled` (outbox-stale.ts) or
   * `failed` (`delivery_unknown`), so the run's totals count every row (decision 106).
   */
  onClosed?: (closed: ClosedRows) => void;
}

/** Rows closed unsent by one claim or one last look. */
export interface ClosedRows {
  cancelled: number;
  /** `cancelled` by the reason each was closed with (outbox-stale.ts). */
  cancelledBy: Partial<Record<StaleReason, number>>;
  failed: number;
}

export const MAX_EXECUTE_CALLS = 25;

/**
 * How long after its claim a row may still be sent again: VK remembers a `random_id` for an hour (notifications
 * "unique within one hour"; the messages it drops as repeats likewise), less a margin. A row a dead sender left
 * `sending` for longer may have been delivered, and a resend would arrive twice (found from outside: a sender killed
 * and started again 61 minutes later). Such a row is closed as failed, `delivery_unknown`, instead.
 */
export const RANDOM_ID_MEMORY_MS = 55 * 60_000;
const MAX_CANDIDATES = 2500;

/**
 * Claims up to `maxRequests` requests' worth of due rows (and rows whose lease ran out), closing on the way those that
 * must no longer leave. The claim is a compare-and-set: a row is taken only if it is still queued (or still held
 * under an expired lease) when the UPDATE runs, and only the rows it returned are sent. On SQLite the transaction
 * (BEGIN IMMEDIATE, one writer at a time) already keeps two senders apart; the condition keeps it so where
 * transactions may overlap.
 * @example const requests = await claimRequests(db, { now, maxRequests: 20, leaseMs: 60_000, channels: ['message'] })
 */
export async function claimRequests(db: Db, o: ClaimOptions): Promise<SendRequest[]> {
  let closed: ClosedRows = { cancelled: 0, cancelledBy: {}, failed: 0 };
  const taken = await inTransaction(db, async (tx) => {
    // Counted afresh if PostgreSQL runs the transaction again.
    closed = { cancelled: 0, cancelledBy: {}, failed: 0 };
    const limit = Math.min(MAX_CANDIDATES, o.maxRequests * 100);
    const leaseEnded = and(eq(outbox.status, 'sending'), lte(outbox.claimedAt, o.now - o.leaseMs));
    // Each part of the run's scope read on its own, in its index's order (outbox-scope.ts), then merged.
    const expired: OutboxRow[] = [];
    const due: OutboxRow[] = [];
    for (const part of scopeParts(o.scope, o.channels)) {
      expired.push(
        ...(await tx.select().from(outbox).where(and(part, leaseEnded)).orderBy(asc(outbox.id)).limit(limit)),
      );
      due.push(
        ...(await tx
          .select()
          .from(outbox)
          .where(and(part, eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, o.now)))
          .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
          .limit(limit)),
      );
    }
    expired.sort((a, b) => a.id - b.id).splice(limit);
    due.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id).splice(limit);
    // Closed for their own reason first (outbox-stale.ts), then those VK may have delivered.
    const open = await closeStale(tx, [...expired, ...due], o.now, closed);
    const live = await closeForgotten(tx, open, o.now, closed);
    const requests = toRequests(live).slice(0, o.maxRequests);
    const ids = requests.flatMap((r) => r.rows.map((x) => x.id));
    const claimed = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await tx
        .update(outbox)
        .set({ status: 'sending', claimedAt: o.now, updatedAt: o.now, attempts: sql`${outbox.attempts} + 1` })
        .where(and(inArray(outbox.id, ids.slice(i, i + 500)), or(eq(outbox.status, 'queued'), leaseEnded)))
        .returning({ id: outbox.id });
      for (const r of rows) claimed.add(r.id);
    }
    const taken: SendRequest[] = [];
    for (const r of requests) {
      const rows = r.rows.filter((row) => claimed.has(row.id));
      for (const row of rows) row.attempts += 1;
      if (rows.length > 0) taken.push({ ...r, rows });
    }
    return taken;
  });
  if (closed.cancelled + closed.failed > 0) o.onClosed?.(closed);
  return taken;
}

/** Rows left `sending` longer than VK remembers their `random_id`: closed as `delivery_unknown`, never resent. */
async function closeForgotten(tx: Tx, rows: OutboxRow[], now: number, closed: ClosedRows): Promise<OutboxRow[]> {
  const forgotten = (r: OutboxRow) =>
    r.status === 'sending' && r.claimedAt !== null && r.claimedAt <= now - RANDOM_ID_MEMORY_MS;
  const ids = rows.filter(forgotten).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const failed = await tx
      .update(outbox)
      .set({ status: 'failed', errorReason: 'delivery_unknown', updatedAt: now })
      .where(and(inArray(outbox.id, ids.slice(i, i + 500)), eq(outbox.status, 'sending')))
      .returning({ id: outbox.id });
    closed.failed += failed.length;
  }
  return ids.length === 0 ? rows : rows.filter((r) => !forgotten(r));
}

/**
 * Gives claimed rows back to the queue unsent (their call never went out), as if never claimed: the attempt is not
 * counted. Only rows still under this claim (same attempt count, still `sending`) are touched.
 * @example await unclaim(db, req.rows, Date.now())
 */
export async function unclaim(db: Db, rows: OutboxRow[], now: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    for (const row of rows) {
      await tx
        .update(outbox)
        .set({ status: 'queued', claimedAt: null, attempts: row.attempts - 1, updatedAt: now })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts)));
    }
  });
}

/** Closes rows that must no longer leave (outbox-stale.ts, the sender's last look asks the same); returns the rest. */
async function closeStale(tx: Tx, rows: OutboxRow[], now: number, tally: ClosedRows): Promise<OutboxRow[]> {
  const reasons = await staleReasons(tx, rows, now);
  if (reasons.size === 0) return rows;
  const closing = new Map<StaleReason, number[]>();
  for (const [id, reason] of reasons) closing.set(reason, [...(closing.get(reason) ?? []), id]);
  for (const [reason, ids] of closing) {
    for (let i = 0; i < ids.length; i += 500) {
      const closed = await tx
        .update(outbox)
        .set({ status: 'cancelled', errorReason: reason, updatedAt: now })
        .where(inArray(outbox.id, ids.slice(i, i + 500)))
        .returning({ broadcastId: outbox.broadcastId });
      tally.cancelled += closed.length;
      tally.cancelledBy[reason] = (tally.cancelledBy[reason] ?? 0) + closed.length;
      await cancelSwitchedOffBroadcasts(tx, reason, closed, now);
    }
  }
  return rows.filter((r) => !reasons.has(r.id));
}

/** Same content and `random_id` → one `peer_ids` call; the rest packed 25 to an `execute`. */
export function toRequests(rows: OutboxRow[]): SendRequest[] {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = `${row.vkGroupId}|${row.channel}|${row.contentKey}|${row.randomId}`;
    const g = groups.get(key);
    if (g) g.push(row);
    else groups.set(key, [row]);
  }
  const requests: SendRequest[] = [];
  const singles = new Map<string, OutboxRow[]>();
  for (const g of groups.values()) {
    const first = g[0] as OutboxRow;
    if (g.length > 1) {
      requests.push({ shape: 'peers', channel: first.channel, rows: g });
      continue;
    }
    const key = `${first.vkGroupId}|${first.channel}`;
    const s = singles.get(key) ?? [];
    s.push(first);
    singles.set(key, s);
    if (s.length === MAX_EXECUTE_CALLS) {
      requests.push({ shape: 'execute', channel: first.channel, rows: s });
      singles.delete(key);
    }
  }
  for (const s of singles.values()) {
    const first = s[0] as OutboxRow;
    requests.push({ shape: s.length === 1 ? 'peers' : 'execute', channel: first.channel, rows: s });
  }
  return requests;
}
