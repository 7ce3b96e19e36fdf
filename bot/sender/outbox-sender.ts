/**
 * @module The outbox sender: claims due rows, sends them within the token's rate (a `RateGate` in front of vk-io,
 * about one second of requests in flight), and records each answer in its own transaction right after it arrives.
 * Killed at any moment it loses nothing: claimed rows come back when their lease ends and are resent with the
 * same `random_id`, which VK drops for recipients who already got the message.
 */

import type { Statement } from 'better-sqlite3';
import { and, count, eq, inArray, lte, min } from 'drizzle-orm';
import type { API } from 'vk-io';
import { type Db, schema } from '../../server/db/client.ts';
import type { MessageChannel } from '../../server/db/schema/messaging.ts';
import { recordConsent } from '../../server/mailing/consent.ts';
import { claimRequests, type SendRequest } from './claim.ts';
import type { RateGate } from './rate-gate.ts';
import { type RowOutcome, sendRequest } from './vk-calls.ts';
import { classifyVkError, MAX_ATTEMPTS } from './vk-errors.ts';

const { outbox } = schema;

export interface SenderChannel {
  api: API;
  gate: RateGate;
  /** Requests kept in flight; about one second's worth at the token's rate. */
  window: number;
}

export interface SenderOptions {
  db: Db;
  now: () => number;
  channels: Partial<Record<MessageChannel, SenderChannel>>;
  groupId: number;
  appId: number;
  /** A claimed row is taken again after this long without an answer recorded. */
  leaseMs: number;
  /** Stop when nothing is due now or within `drainWaitMs` (the CLI's `--once`). */
  once: boolean;
  drainWaitMs?: number;
  idleMs?: number;
  onProgress?: (p: SenderProgress) => void;
  signal?: AbortSignal;
}

export interface SenderProgress {
  sent: number;
  failed: number;
  retried: number;
  revoked: number;
  /** Rows still queued or sending for this sender's community. */
  remaining: number;
  requests: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drains the outbox; resolves with the totals when `once` and nothing more is due, or when aborted.
 * @example await runSender({ db, now: Date.now, channels: { message: { api, gate, window: 20 } }, groupId, appId, leaseMs: 60000, once: true })
 */
export async function runSender(o: SenderOptions): Promise<SenderProgress> {
  // A lease or pause that is not a number makes every "is it due" comparison false: rows never come back and the
  // idle sleep becomes 1 ms (a spinning core). Refuse to start instead.
  for (const [name, value] of [
    ['leaseMs', o.leaseMs],
    ['drainWaitMs', o.drainWaitMs ?? 0],
    ['idleMs', o.idleMs ?? 0],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`runSender: ${name} must be a number ≥ 0, got ${value}`);
  }
  const progress: SenderProgress = { sent: 0, failed: 0, retried: 0, revoked: 0, remaining: 0, requests: 0 };
  const active = Object.keys(o.channels) as MessageChannel[];
  const inFlight = new Set<Promise<void>>();
  const perChannel = new Map<MessageChannel, number>(active.map((c) => [c, 0]));
  let lastReport = 0;
  const report = (force = false) => {
    if (!o.onProgress) return;
    const t = Date.now();
    if (!force && t - lastReport < 250) return;
    lastReport = t;
    progress.remaining = remaining(o.db, o.groupId, active);
    o.onProgress({ ...progress });
  };

  while (!o.signal?.aborted) {
    let claimedAny = false;
    for (const channel of active) {
      const ch = o.channels[channel] as SenderChannel;
      const busy = perChannel.get(channel) ?? 0;
      // Claim in halves of the window, so claiming (a write transaction) stays rare.
      if (busy > ch.window / 2) continue;
      let requests: SendRequest[] = [];
      try {
        requests = claimRequests(o.db, {
          now: o.now(),
          maxRequests: ch.window - busy,
          leaseMs: o.leaseMs,
          channels: [channel],
          vkGroupId: o.groupId,
        });
      } catch (err) {
        // e.g. SQLITE_BUSY past the busy timeout: nothing was claimed; try again on the next turn.
        console.error('sender: claim failed', err);
      }
      for (const req of requests) {
        claimedAny = true;
        perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
        const p = dispatch(o, ch, req, progress)
          // A failed write leaves the rows claimed: they come back after the lease with the same random_id.
          .catch((err) => console.error('sender: recording an answer failed', err))
          .finally(() => {
            inFlight.delete(p);
            perChannel.set(channel, (perChannel.get(channel) ?? 1) - 1);
            report();
          });
        inFlight.add(p);
      }
    }
    if (claimedAny) {
      if (inFlight.size > 0) await Promise.race(inFlight);
      continue;
    }
    if (inFlight.size > 0) {
      await Promise.race(inFlight);
      continue;
    }
    const next = nextDueAt(o.db, o.groupId, active, o.leaseMs);
    const now = o.now();
    if (o.once && (next === undefined || next > now + (o.drainWaitMs ?? 5000))) break;
    await sleep(Math.max(20, Math.min(o.idleMs ?? 1000, next === undefined ? Infinity : next - now)));
  }
  await Promise.allSettled(inFlight);
  report(true);
  progress.remaining = remaining(o.db, o.groupId, active);
  return progress;
}

async function dispatch(o: SenderOptions, ch: SenderChannel, req: SendRequest, progress: SenderProgress) {
  const answered = await ch.gate.take();
  progress.requests += 1;
  let outcomes: Map<number, RowOutcome>;
  try {
    outcomes = await sendRequest(ch.api, req, { groupId: o.groupId, appId: o.appId });
    answered();
  } catch (err) {
    answered();
    const e = err as { code?: number; message?: string };
    const code = typeof e.code === 'number' ? e.code : undefined;
    outcomes = new Map(req.rows.map((r) => [r.id, { ok: false, code, message: e.message ?? String(err) }]));
  }
  record(o, req, outcomes, progress);
}

/** Writes the answer for every row of one request, in one transaction, right after it arrived. */
function record(o: SenderOptions, req: SendRequest, outcomes: Map<number, RowOutcome>, progress: SenderProgress) {
  const now = o.now();
  const revoked: Array<{ vkUserId: number; reason: string }> = [];
  const markSent = sentStatement(o.db);
  o.db.transaction((tx) => {
    for (const row of req.rows) {
      const out = outcomes.get(row.id) ?? { ok: false, message: 'no outcome' };
      if (out.ok) {
        markSent.run(now, out.messageId ?? null, now, row.id);
        progress.sent += 1;
        continue;
      }
      const verdict = classifyVkError(out.code, out.message, row.channel, row.attempts);
      const base = { errorCode: out.code ?? null, updatedAt: now };
      if (verdict.action === 'retry' && row.attempts < MAX_ATTEMPTS) {
        tx.update(outbox)
          .set({ ...base, status: 'queued', nextAttemptAt: now + verdict.delayMs, errorReason: verdict.reason })
          .where(eq(outbox.id, row.id))
          .run();
        progress.retried += 1;
        continue;
      }
      const reason = verdict.action === 'retry' ? `attempts_exhausted: ${verdict.reason}` : verdict.reason;
      tx.update(outbox)
        .set({ ...base, status: 'failed', errorReason: reason })
        .where(eq(outbox.id, row.id))
        .run();
      progress.failed += 1;
      if (verdict.action === 'revoke') {
        progress.revoked += 1;
        revoked.push({ vkUserId: row.vkUserId, reason: verdict.reason });
      }
    }
  });
  for (const r of revoked) {
    recordConsent(o.db, {
      vkGroupId: o.groupId,
      vkUserId: r.vkUserId,
      channel: req.channel,
      allowed: false,
      source: `vk_${r.reason}`,
      at: now,
    });
  }
}

type SentStatement = Statement<[number, number | null, number, number]>;
const sentStatements = new WeakMap<Db, SentStatement>();

/** The hot path (one row per recipient) as one prepared statement: a response's rows are written in microseconds. */
function sentStatement(db: Db) {
  let st = sentStatements.get(db);
  if (!st) {
    st = db.$client.prepare<[number, number | null, number, number]>(
      `UPDATE outbox SET status = 'sent', sent_at = ?, vk_message_id = ?, updated_at = ?, error_code = NULL
       WHERE id = ? AND status = 'sending'`,
    );
    sentStatements.set(db, st);
  }
  return st;
}

function remaining(db: Db, groupId: number, channels: MessageChannel[]): number {
  const row = db
    .select({ n: count() })
    .from(outbox)
    .where(
      and(
        inArray(outbox.status, ['queued', 'sending']),
        eq(outbox.vkGroupId, groupId),
        inArray(outbox.channel, channels),
      ),
    )
    .get();
  return row?.n ?? 0;
}

/** When something next becomes due: a queued row's next attempt, or a claimed row's lease end. */
function nextDueAt(db: Db, groupId: number, channels: MessageChannel[], leaseMs: number): number | undefined {
  const scope = and(eq(outbox.vkGroupId, groupId), inArray(outbox.channel, channels));
  const q = db
    .select({ at: min(outbox.nextAttemptAt) })
    .from(outbox)
    .where(and(eq(outbox.status, 'queued'), scope))
    .get();
  const s = db
    .select({ at: min(outbox.claimedAt) })
    .from(outbox)
    .where(and(eq(outbox.status, 'sending'), scope, lte(outbox.claimedAt, Number.MAX_SAFE_INTEGER)))
    .get();
  const candidates = [q?.at ?? undefined, s?.at != null ? s.at + leaseMs : undefined].filter(
    (x): x is number => typeof x === 'number',
  );
  return candidates.length ? Math.min(...candidates) : undefined;
}
